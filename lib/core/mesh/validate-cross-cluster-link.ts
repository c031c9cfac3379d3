import { isDns1123Label, isDns1123Subdomain } from '../kubernetes/kubernetes-names';
import { Ipv4Cidr } from '../net/ipv4-cidr';
import { checkInput } from '../validation/input-boundary';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { CROSS_CLUSTER_LINK_PROPS, CrossClusterLinkProps } from './cross-cluster-link-props';
import { ISTIO_RESERVED_PORTS } from './istio-ports';

/** The mesh CA's own secrets: never a link credential. */
const MESH_CA_SECRETS = ['cacerts', 'istio-ca-secret'];

const CLUSTER_LOCAL_SERVICE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\.[a-z0-9]([-a-z0-9]*[a-z0-9])?\.svc\.cluster\.local$/;
/**
 * The first Istio minor release that serves networking.istio.io/v1.
 * @internal
 */
export const ISTIO_V1_API_MINOR = 22;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: MINUTE, h: HOUR };

/**
 * Milliseconds of a Go duration (`2160h`, `1h30m`), or undefined when it is not one.
 * @internal
 */
export function parseGoDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * UNITS[m[2]];
  return total;
}

/**
 * Whether `host` is a lowercase DNS name with labels of at most 63 characters.
 * @internal
 */
export function isDnsName(host: string): boolean {
  return isDns1123Subdomain(host) && host.split('.').every((l) => l.length <= 63);
}

/**
 * Checks a link definition; returns every violation.
 * @category Cross-cluster mTLS
 */
export function validateCrossClusterLink(input: CrossClusterLinkProps): ViolationCollector {
  const v = new ViolationCollector();
  const checked = checkInput(CROSS_CLUSTER_LINK_PROPS, input);
  v.evaluated(Rules.inputType);
  v.addAll(checked.violations);
  if (checked.value === undefined) return v;
  const p = checked.value;
  const label = (property: string, value: string | undefined) => {
    if (value !== undefined) v.evaluated(Rules.meshKubernetesName);
    if (value !== undefined && !isDns1123Label(value)) {
      v.add(Rules.meshKubernetesName, property, value, 'use lowercase letters, digits and "-", at most 63 characters');
    }
  };
  const port = (property: string, value: number) => {
    v.evaluated(Rules.meshPort);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      v.add(Rules.meshPort, property, value, 'use a port from 1 to 65535');
    } else if (ISTIO_RESERVED_PORTS.includes(value)) {
      v.add(Rules.meshPort, property, value, 'choose a port Istio does not use for its proxies');
    }
  };
  const credential = (property: string, value: string | undefined) => {
    if (value === undefined) return;
    v.evaluated(Rules.meshCredentialName);
    if (!isDns1123Subdomain(value) || value.endsWith('-cacert') || /^(istio|prometheus)/.test(value) || MESH_CA_SECRETS.includes(value)) {
      v.add(Rules.meshCredentialName, property, value, 'choose another name, e.g. "<service>-client-credential"');
    }
  };

  label('name', p.name);
  if (p.certificates.kind === 'certManager') {
    const o = p.certificates.certManager!;
    for (const [property, issuer] of [['certificates.clientIssuer', o.clientIssuer], ['certificates.serverIssuer', o.serverIssuer]] as const) {
      if (issuer) v.evaluated(Rules.meshKubernetesName, Rules.choice);
      if (issuer && !isDns1123Subdomain(issuer.name)) {
        v.add(Rules.meshKubernetesName, `${property}.name`, issuer.name, 'use the issuer\'s Kubernetes name (lowercase letters, digits, "-" and ".")');
      }
      if (issuer && !['Issuer', 'ClusterIssuer'].includes(issuer.kind)) {
        v.add(Rules.choice, `${property}.kind`, issuer.kind, 'use Issuer or ClusterIssuer');
      }
    }
  }
  label('client.gateway.namespace', p.client?.gateway?.namespace);
  label('server.gateway.namespace', p.server?.gateway?.namespace);
  port('egressPort', p.egressPort ?? 15443);

  const names = new Set<string>();
  const hosts = new Set<string>();
  const gatewayPorts = new Map<number, string>();
  p.services.forEach((s, i) => {
    const at = `services[${i}]`;
    v.evaluated(Rules.meshNameCollision, Rules.meshHost, Rules.meshHostOutsideCluster, Rules.meshBackendClusterLocal);
    label(`${at}.name`, s.name);
    if (names.has(s.name)) v.add(Rules.meshNameCollision, `${at}.name`, s.name, 'give each service its own name');
    names.add(s.name);
    if (!isDnsName(s.host) || s.host.includes('*')) {
      v.add(Rules.meshHost, `${at}.host`, s.host, 'use the service FQDN, e.g. "mysql.fqdn.example"');
    } else if (!s.host.includes('.') || /(^|\.)(cluster\.local|svc)$/.test(s.host)) {
      v.add(Rules.meshHostOutsideCluster, `${at}.host`, s.host, 'use a name under a domain of yours that the client cluster resolves to the server\'s ingress gateway, e.g. "mysql.ledger.internal.example"');
    } else if (hosts.has(s.host)) {
      v.add(Rules.meshNameCollision, `${at}.host`, s.host, 'carry each host once');
    }
    hosts.add(s.host);
    port(`${at}.clientPort`, s.clientPort);
    port(`${at}.gatewayPort`, s.gatewayPort);
    port(`${at}.backend.port`, s.backend.port);
    if (!isDnsName(s.backend.host)) {
      v.add(Rules.meshHost, `${at}.backend.host`, s.backend.host, 'use the backend Service FQDN, e.g. "mysql.default.svc.cluster.local"');
    } else if (!CLUSTER_LOCAL_SERVICE.test(s.backend.host)) {
      v.add(Rules.meshBackendClusterLocal, `${at}.backend.host`, s.backend.host, 'name the backend Service in full, e.g. "mysql.default.svc.cluster.local"');
    }
    if (s.backend.workloadLabels !== undefined && Object.keys(s.backend.workloadLabels).length === 0) {
      v.add(Rules.inputType, `${at}.backend.workloadLabels`, {}, 'give the labels of the backend\'s pods, or leave workloadLabels out for a PeerAuthentication on the backend\'s whole namespace');
    }
    if (s.backend.mtlsMode === 'UNSET') {
      v.add(
        Rules.meshLinkBackendMtlsUnset,
        `${at}.backend.mtlsMode`,
        'UNSET',
        `run the backend with an Istio sidecar and leave mtlsMode out (STRICT), or acknowledge ${Rules.meshLinkBackendMtlsUnset.id} with the reason the backend cannot run one`,
        `the link writes no STRICT PeerAuthentication for ${s.backend.host}: the hop from the ingress gateway to it is not encrypted by the link`,
      );
    }
    const other = gatewayPorts.get(s.gatewayPort);
    if (other !== undefined) {
      v.add(Rules.meshNameCollision, `${at}.gatewayPort`, s.gatewayPort, `choose a port that "${other}" does not use`);
    } else {
      gatewayPorts.set(s.gatewayPort, s.name);
    }
    s.clientNamespaces.forEach((ns, j) => label(`${at}.clientNamespaces[${j}]`, ns));
    credential(`${at}.clientCredentialName`, s.clientCredentialName);
    credential(`${at}.serverCredentialName`, s.serverCredentialName);
    if (p.certificates.kind === 'existingSecrets') v.evaluated(Rules.meshExistingSecretsNamed);
    if (p.egressLockdown?.enabled ?? true) v.evaluated(Rules.meshEgressLockdownNamespaces);
    if (p.certificates.kind === 'existingSecrets' && (s.clientCredentialName === undefined || s.serverCredentialName === undefined)) {
      v.add(Rules.meshExistingSecretsNamed, at, s.name, 'set clientCredentialName and serverCredentialName to the existing secrets');
    }
    if ((p.egressLockdown?.enabled ?? true) && s.clientNamespaces.length === 0) {
      v.add(Rules.meshEgressLockdownNamespaces, `${at}.clientNamespaces`, [], 'list the namespaces of the client workloads');
    }
    if (s.addressing?.kind === 'addresses') {
      v.evaluated(Rules.meshCidr);
      s.addressing.addresses.forEach((a, j) => {
        const parsed = Ipv4Cidr.parse(a.includes('/') ? a : `${a}/32`);
        if (!(parsed instanceof Ipv4Cidr)) v.add(Rules.meshCidr, `${at}.addressing.addresses[${j}]`, a, 'use an IPv4 address or CIDR');
      });
    }
  });
  v.evaluated(Rules.meshEgressLockdownOff, Rules.meshLinkEmpty);
  if (p.ingressLoadBalancerIp !== undefined || (p.egressLockdown?.serverCidrs ?? []).length > 0) v.evaluated(Rules.meshCidr);
  if ((p.egressLockdown?.serverCidrs ?? []).length > 0) v.evaluated(Rules.meshLockdownSparesGateways);
  if (p.egressLockdown?.enabled === false) {
    v.add(Rules.meshEgressLockdownOff, 'egressLockdown.enabled', false, 'keep the lockdown on and list the client namespaces');
  }
  if (p.ingressLoadBalancerIp !== undefined && !(Ipv4Cidr.parse(`${p.ingressLoadBalancerIp}/32`) instanceof Ipv4Cidr)) {
    v.add(Rules.meshCidr, 'ingressLoadBalancerIp', p.ingressLoadBalancerIp, 'use an IPv4 address of the server cluster\'s node subnet');
  }
  (p.egressLockdown?.serverCidrs ?? []).forEach((c, i) => {
    const parsed = Ipv4Cidr.parse(c);
    if (!(parsed instanceof Ipv4Cidr) || parsed.hasHostBits) {
      v.add(Rules.meshCidr, `egressLockdown.serverCidrs[${i}]`, c, parsed instanceof Ipv4Cidr ? `use "${parsed.canonical}"` : 'write the block as a.b.c.d/n');
    } else if (parsed.prefixLength === 0) {
      v.add(Rules.meshLockdownSparesGateways, `egressLockdown.serverCidrs[${i}]`, c, 'name the server networks; to deny all external traffic, leave serverCidrs empty');
    }
  });
  if (p.services.length === 0) v.add(Rules.meshLinkEmpty, 'services', [], 'add the services the link carries');
  for (const [side, props] of [['client', p.client], ['server', p.server]] as const) {
    const f = props?.flavour;
    if (f?.kind === 'aksIstioAddon') {
      v.evaluated(Rules.meshVersion, Rules.istioAddonLink);
      const minor = /^asm-1-(\d+)$/.exec(f.revision ?? '');
      if (!minor) v.add(Rules.meshVersion, `${side}.flavour.revision`, f.revision, 'use the add-on revision as AKS names it, e.g. "asm-1-27" (az aks mesh get-revisions)');
      else if ((p.apiVersion ?? 'v1') === 'v1' && Number(minor[1]) < ISTIO_V1_API_MINOR) {
        v.add(Rules.meshVersion, 'apiVersion', 'v1', `use apiVersion "v1beta1" for revision ${f.revision}, or upgrade the add-on to asm-1-${ISTIO_V1_API_MINOR} or later`);
      }
      // What the add-on's own gateways cannot do (https://learn.microsoft.com/azure/aks/istio-about#limitations).
      if (props?.gateway?.kind === 'shared') {
        if (side === 'client') {
          v.add(Rules.istioAddonLink, 'client.gateway', 'shared', 'use GatewayDeployment.dedicated(): an add-on egress gateway needs Static Egress Gateway, which the library does not configure');
        } else {
          p.services.forEach((svc, i) => {
            if (svc.gatewayPort !== 443) {
              v.add(Rules.istioAddonLink, `services[${i}].gatewayPort`, svc.gatewayPort, 'use gatewayPort 443 on the add-on\'s ingress gateway, or GatewayDeployment.dedicated() for a port of your own');
            }
          });
        }
      }
    }
  }
  if (p.certificates.kind === 'certManager') {
    const o = p.certificates.certManager!;
    const duration = o.duration === undefined ? undefined : parseGoDuration(o.duration);
    const renew = o.renewBefore === undefined ? undefined : parseGoDuration(o.renewBefore);
    if (o.duration !== undefined || o.renewBefore !== undefined) v.evaluated(Rules.certificateLifetime);
    if (o.duration !== undefined && (duration === undefined || duration < HOUR)) {
      v.add(Rules.certificateLifetime, 'certificates.duration', o.duration, 'use a Go duration of at least 1h, e.g. "2160h"');
    }
    if (o.renewBefore !== undefined && (renew === undefined || renew < 5 * MINUTE || renew >= (duration ?? 2160 * HOUR))) {
      v.add(Rules.certificateLifetime, 'certificates.renewBefore', o.renewBefore, 'use a Go duration of at least 5m and shorter than the duration, e.g. "360h"');
    }
  }
  if ((p.acknowledgements ?? []).length > 0) v.evaluated(Rules.acknowledgement, Rules.acknowledgementUnused);
  v.acknowledge(p.acknowledgements ?? []);
  return v;
}
