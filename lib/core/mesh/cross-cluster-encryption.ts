import { markdownCell, markdownTable } from '../reports/markdown';
import { renderAcknowledgedWarnings } from '../reports/acknowledged-warnings';
import { CrossClusterCoverage } from '../encryption/encryption-coverage';
import { Sources } from '../validation/sources';
import { CrossClusterLink } from './cross-cluster-link';
import { backendNamespace } from './backend-peer-authentication';
import { linkAdmissionPolicies } from './link-admission-policy';
import { AdmissionPolicySpec } from '../admission/admission-policy';

/**
 * One encrypted segment of the path from a client pod to the backend.
 * @category Cross-cluster mTLS
 */
export interface EncryptionSegment {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly ca: 'mesh CA (client cluster)' | 'customer CA' | 'mesh CA (server cluster)';
  readonly caveat?: string;
}

/**
 * What keeps the hop from the ingress gateway to a backend mutual TLS: the
 * link's STRICT PeerAuthentication (its sidecar then refuses plaintext), or
 * nothing when the definition leaves the backend out (`mtlsMode: 'UNSET'`).
 */
function lastHopCaveat(link: CrossClusterLink, s: CrossClusterLink['services'][number]): string {
  const policy = link.backendPeerAuthentications().find((p) => p.services.includes(s.name));
  if (!policy) return 'not enforced: the definition sets mtlsMode UNSET (a backend without a sidecar), so the link writes no STRICT PeerAuthentication and this hop is plaintext';
  return `enforced by the STRICT PeerAuthentication ${policy.namespace}/${policy.name} (${policy.workloadLabels ? 'the backend\'s pods' : `every workload of ${backendNamespace(s)}`}): the backend's sidecar accepts only mutual TLS; a backend pod without a sidecar would receive plaintext`;
}

/**
 * The three segments of each service of the link (the traffic is encrypted three times: sidecar to egress gateway, gateway to gateway, ingress gateway to sidecar).
 * @category Cross-cluster mTLS
 */
export function crossClusterSegments(link: CrossClusterLink): Record<string, EncryptionSegment[]> {
  return Object.fromEntries(
    link.services.map((s) => [
      s.name,
      [
        {
          from: `client pod (${s.clientNamespaces.join(', ')}) :${s.clientPort}`,
          to: `egress gateway ${link.egress.serviceHost}:${link.egressPort}`,
          protocol: `ISTIO_MUTUAL (SNI ${s.host})`,
          ca: 'mesh CA (client cluster)',
        },
        {
          from: 'egress gateway',
          to: `ingress gateway ${s.host}:${s.gatewayPort}`,
          protocol: `MUTUAL TLS (client secret ${s.clientCredentialName}, server secret ${s.serverCredentialName}, SNI ${s.host})`,
          ca: 'customer CA',
        },
        {
          from: 'ingress gateway',
          to: `${s.backend.host}:${s.backend.port}`,
          protocol: 'ISTIO_MUTUAL (auto mTLS)',
          ca: 'mesh CA (server cluster)',
          caveat: lastHopCaveat(link, s),
        },
      ],
    ]),
  );
}

/**
 * The cross-cluster row of a cluster's coverage report.
 * @category Cross-cluster mTLS
 */
export function crossClusterCoverage(...links: readonly CrossClusterLink[]): CrossClusterCoverage {
  return crossClusterCoverageOf(links, bothSidesPolicies);
}

/** A link's admission policies, both sides. */
const bothSidesPolicies = (l: CrossClusterLink): AdmissionPolicySpec[] => [...linkAdmissionPolicies(l, 'client'), ...linkAdmissionPolicies(l, 'server')];

/**
 * Each link's admission policies (both sides), written once per link however
 * many times they are asked for: for the clusters of one estate synthesis,
 * where every link joins two clusters. Nothing else: drop it with the synthesis.
 * @internal
 */
export function linkAdmissionPoliciesOnce(): (link: CrossClusterLink) => readonly AdmissionPolicySpec[] {
  const written = new Map<CrossClusterLink, readonly AdmissionPolicySpec[]>();
  return (link) => {
    let policies = written.get(link);
    if (!policies) written.set(link, (policies = bothSidesPolicies(link)));
    return policies;
  };
}

/**
 * {@link crossClusterCoverage}, with each link's admission policies from `policiesOf`.
 * @internal
 */
export function crossClusterCoverageOf(links: readonly CrossClusterLink[], policiesOf: (link: CrossClusterLink) => readonly AdmissionPolicySpec[]): CrossClusterCoverage {
  const names = links.map((l) => `"${l.name}"`).join(', ');
  const unset = links.flatMap((l) => l.services.filter((s) => !l.backendPeerAuthentications().some((p) => p.services.includes(s.name))).map((s) => `${s.backend.host} (link "${l.name}")`));
  return {
    status: unset.length > 0 ? 'partial' : 'encrypted',
    by: `mutual TLS through Istio gateways (${links.length === 1 ? 'link' : 'links'} ${names}): mesh CA to the egress gateway, customer CA between the gateways, mesh CA from the ingress gateway`,
    caveat:
      unset.length > 0
        ? `the last segment, from the ingress gateway to ${unset.join(', ')}, is not enforced: the definition sets mtlsMode UNSET (no sidecar), so it is plaintext`
        : 'the last segment is mutual TLS only where the backend runs a sidecar: a STRICT PeerAuthentication makes the sidecar refuse plaintext, and a backend pod without one would receive plaintext',
    sources: [Sources.asmCrossClusterMtls, Sources.istioEgressTlsOrigination, Sources.istioPeerAuthentication],
    admissionPolicies: links.flatMap(policiesOf),
  };
}

/**
 * The segments as Markdown with a Mermaid sequence, for a reviewer.
 * @category Cross-cluster mTLS
 */
export function renderCrossClusterEncryption(link: CrossClusterLink): string {
  const lines = [
    `# Cross-cluster encryption: ${link.name}`,
    '',
    '<!-- Generated by secure-aks from the link definition. Do not edit. -->',
    '',
    'Each connection is encrypted three times, with two different trust chains: the customer CA',
    'protects only the hop between the clusters, so rotating it never touches either mesh CA.',
    '',
  ];
  for (const [name, segments] of Object.entries(crossClusterSegments(link))) {
    lines.push(`## ${markdownCell(name)}`, '', markdownTable(['#', 'From', 'To', 'Protocol', 'CA', 'Caveat'], segments.map((s, i) => [String(i + 1), s.from, s.to, s.protocol, s.ca, s.caveat ?? ''])));
    lines.push(
      '',
      '```mermaid',
      'sequenceDiagram',
      '  participant C as client pod (sidecar)',
      '  participant E as egress gateway',
      '  participant I as ingress gateway',
      '  participant B as backend (sidecar)',
      ...segments.map((s, i) => `  ${['C->>E', 'E->>I', 'I->>B'][i]}: ${i + 1}. ${s.ca}`),
      '```',
      '',
    );
  }
  if (link.acknowledged.length > 0) {
    lines.push(
      '## Acknowledged warnings',
      '',
      renderAcknowledgedWarnings(link.acknowledged),
      '',
    );
  }
  return lines.join('\n');
}
