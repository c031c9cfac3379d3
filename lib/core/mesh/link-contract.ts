import { createHash } from 'node:crypto';
import { canonicalJson } from '../kubernetes/json-equality';
import { zod, lazySchema } from '../validation/lazy-zod';
import { checkInput, text, textList } from '../validation/input-boundary';
import { Rules } from '../validation/rule-catalog';
import { SecureAksValidationError } from '../validation/validation-error';
import { Violation } from '../validation/violation';
import { CertificateSource, ISSUER_REFERENCE, IssuerReference } from './certificate-source';
import { CrossClusterLink } from './cross-cluster-link';
import { CROSS_CLUSTER_SERVICE_PROPS, CrossClusterLinkProps, MeshSideProps } from './cross-cluster-link-props';

/**
 * The kind of a link contract file.
 * @category Cross-cluster mTLS
 */
export const LINK_CONTRACT_KIND = 'CrossClusterLinkContract';
/**
 * Its API version.
 * @category Cross-cluster mTLS
 */
export const LINK_CONTRACT_API_VERSION = 'secure-aks.io/v1alpha1';

/**
 * One service as both sides must see it.
 * @category Cross-cluster mTLS
 */
export interface LinkContractService {
  readonly name: string;
  /** The host clients dial and the SNI the egress gateway sends. */
  readonly host: string;
  readonly clientPort: number;
  /** The server's ingress gateway port for this service. */
  readonly gatewayPort: number;
  readonly backend: { readonly host: string; readonly port: number };
  readonly serverCredentialName: string;
}

/**
 * What the two sides of a cross-cluster link must agree on, written by the
 * server side (`<link>.contract.json`) so that a client in another repository
 * builds from the same definition: hosts and SNI, gateway ports, the Istio API
 * version, and the customer CA's issuer. The digest covers all of it.
 * @category Cross-cluster mTLS
 */
export interface LinkContract {
  readonly apiVersion: typeof LINK_CONTRACT_API_VERSION;
  readonly kind: typeof LINK_CONTRACT_KIND;
  /** The link (gateway pair) name. */
  readonly link: string;
  readonly istioApiVersion: 'v1' | 'v1beta1';
  readonly certificates: { readonly kind: 'certManager'; readonly issuer: IssuerReference } | { readonly kind: 'existingSecrets' };
  readonly services: readonly LinkContractService[];
  /** SHA-256 of the canonical JSON of everything above. */
  readonly digest: string;
}

const CONTRACT = lazySchema(() => zod.strictObject({
  apiVersion: zod.literal(LINK_CONTRACT_API_VERSION),
  kind: zod.literal(LINK_CONTRACT_KIND),
  link: text(),
  istioApiVersion: zod.enum(['v1', 'v1beta1']),
  certificates: zod.discriminatedUnion('kind', [zod.strictObject({ kind: zod.literal('certManager'), issuer: ISSUER_REFERENCE }), zod.strictObject({ kind: zod.literal('existingSecrets') })]),
  services: zod
    .array(CROSS_CLUSTER_SERVICE_PROPS.pick({ name: true, host: true, clientPort: true, gatewayPort: true, backend: true }).extend({ serverCredentialName: text() }))
    .readonly(),
  digest: text(),
}));

function digestOf(c: Omit<LinkContract, 'digest'>): string {
  return createHash('sha256').update(canonicalJson(c)).digest('hex');
}

/**
 * The contract of a link, as its server side writes it.
 * @category Cross-cluster mTLS
 */
export function linkContract(link: CrossClusterLink): LinkContract {
  const issuer = link.certificates.certManager?.serverIssuer ?? link.certificates.certManager?.clientIssuer;
  const body: Omit<LinkContract, 'digest'> = {
    apiVersion: LINK_CONTRACT_API_VERSION,
    kind: LINK_CONTRACT_KIND,
    link: link.name,
    istioApiVersion: link.apiVersion,
    certificates: link.certificates.kind === 'certManager' && issuer ? { kind: 'certManager', issuer: { kind: issuer.kind, name: issuer.name, ...(issuer.group ? { group: issuer.group } : {}) } } : { kind: 'existingSecrets' },
    services: link.services.map((s) => ({
      name: s.name,
      host: s.host,
      clientPort: s.clientPort,
      gatewayPort: s.gatewayPort,
      backend: { host: s.backend.host, port: s.backend.port },
      serverCredentialName: s.serverCredentialName,
    })),
  };
  return { ...body, digest: digestOf(body) };
}

/**
 * The contract as the file the server side writes: deterministic JSON.
 * @category Cross-cluster mTLS
 */
export function linkContractFile(link: CrossClusterLink): Record<string, string> {
  return { [`${link.name}.contract.json`]: `${JSON.stringify(linkContract(link), null, 2)}\n` };
}

/**
 * Reads a contract file's content (parsed JSON): its schema and its digest.
 * A contract edited by hand, or corrupted, is refused.
 * @category Cross-cluster mTLS
 */
export function readLinkContract(json: unknown): { contract?: LinkContract; violations: readonly Violation[] } {
  const checked = checkInput(CONTRACT, json, 'contract');
  if (checked.value === undefined || checked.violations.length > 0) return { violations: checked.violations };
  const { digest, ...body } = checked.value as LinkContract;
  if (digestOf(body) !== digest) {
    return { violations: [{ rule: Rules.linkContract, property: 'contract.digest', value: digest, fix: 'take the contract file as the server side wrote it; do not edit it by hand' }] };
  }
  return { contract: checked.value as LinkContract, violations: [] };
}

/**
 * The client side's own choices when building from a contract.
 * @category Cross-cluster mTLS
 */
export interface ClientSideOfContract {
  /** The client cluster's side (flavour, gateway). */
  readonly client?: MeshSideProps;
  /** Namespaces of the client workloads, by service name (or one list for all). */
  readonly clientNamespaces: readonly string[] | Readonly<Record<string, readonly string[]>>;
  /** @default - as in {@link CrossClusterLinkProps} */
  readonly egressPort?: number;
  /** @default - as in {@link CrossClusterLinkProps} */
  readonly egressLockdown?: CrossClusterLinkProps['egressLockdown'];
  /** @default - as in {@link CrossClusterLinkProps} */
  readonly acknowledgements?: CrossClusterLinkProps['acknowledgements'];
}

/**
 * The link props a client side builds from a contract, with its own choices.
 * @category Cross-cluster mTLS
 */
export function linkPropsFromContract(contract: LinkContract, client: ClientSideOfContract): CrossClusterLinkProps {
  const namespaces = (name: string) => (Array.isArray(client.clientNamespaces) ? client.clientNamespaces : ((client.clientNamespaces as Record<string, readonly string[]>)[name] ?? []));
  return {
    name: contract.link,
    apiVersion: contract.istioApiVersion,
    client: client.client,
    certificates: contract.certificates.kind === 'certManager' ? CertificateSource.certManager({ clientIssuer: contract.certificates.issuer }) : CertificateSource.existingSecrets(),
    services: contract.services.map((s) => ({ ...s, backend: { ...s.backend }, clientNamespaces: [...namespaces(s.name)] })),
    egressPort: client.egressPort,
    egressLockdown: client.egressLockdown,
    acknowledgements: client.acknowledgements,
  };
}

/**
 * Where a link disagrees with a contract: every difference at once, each a
 * violation naming the fact (a host, an SNI, a gateway port, the CA issuer).
 * @category Cross-cluster mTLS
 */
export function contractDifferences(link: CrossClusterLink, contract: LinkContract): Violation[] {
  const mine = linkContract(link);
  const out: Violation[] = [];
  const differ = (property: string, ours: unknown, theirs: unknown) => {
    if (canonicalJson(ours) !== canonicalJson(theirs)) {
      out.push({
        rule: Rules.linkContract,
        property,
        value: ours,
        fix: `build the client side from the contract (CrossClusterLink.fromContract), which says ${JSON.stringify(theirs)}`,
      });
    }
  };
  differ('name', mine.link, contract.link);
  differ('apiVersion', mine.istioApiVersion, contract.istioApiVersion);
  const clientIssuer = link.certificates.certManager?.clientIssuer;
  differ('certificates', link.certificates.kind === 'certManager' && clientIssuer ? { kind: 'certManager', issuer: { kind: clientIssuer.kind, name: clientIssuer.name, ...(clientIssuer.group ? { group: clientIssuer.group } : {}) } } : { kind: 'existingSecrets' }, contract.certificates);
  for (const theirs of contract.services) {
    const i = link.services.findIndex((s) => s.name === theirs.name);
    if (i < 0) {
      out.push({ rule: Rules.linkContract, property: 'services', value: theirs.name, fix: `add the service "${theirs.name}" the contract names, from the contract` });
      continue;
    }
    const s = link.services[i];
    differ(`services[${i}].host`, s.host, theirs.host);
    differ(`services[${i}].gatewayPort`, s.gatewayPort, theirs.gatewayPort);
  }
  link.services.forEach((s, i) => {
    if (!contract.services.some((t) => t.name === s.name)) out.push({ rule: Rules.linkContract, property: `services[${i}]`, value: s.name, fix: 'remove the service, or have the server side add it to the contract' });
  });
  return out;
}

const CLIENT_SIDE = lazySchema(() => zod.strictObject({
  client: zod.custom<MeshSideProps>((v) => v === undefined || (typeof v === 'object' && v !== null), { message: 'expected the client side props' }).optional(),
  clientNamespaces: zod.union([textList(), zod.record(text(), textList())]),
  egressPort: zod.number().optional(),
  egressLockdown: zod.unknown().optional(),
  acknowledgements: zod.unknown().optional(),
}));

/**
 * The client side of a link, built in its own repository from the contract
 * file the server side wrote (parsed JSON) and its own choices. The contract's
 * schema and digest are checked, and the link is validated as any other.
 * @throws SecureAksValidationError listing every problem
 * @example
 * const contract = JSON.parse(fs.readFileSync('ledger.contract.json', 'utf8'));
 * const link = linkFromContract(contract, { clientNamespaces: ['payments'] });
 * new CrossClusterClientChart(app, 'ledger-client', { link, contract });
 * @category Cross-cluster mTLS
 */
export function linkFromContract(json: unknown, client: ClientSideOfContract): CrossClusterLink {
  const read = readLinkContract(json);
  const side = checkInput(CLIENT_SIDE, client, 'client');
  const violations = [...read.violations, ...side.violations];
  if (violations.length > 0 || !read.contract) throw new SecureAksValidationError('link contract', violations);
  return CrossClusterLink.build(linkPropsFromContract(read.contract, client));
}
