/**
 * Documented misconfigurations of an estate and its GitOps delivery, tried the
 * way a user would make them: through `EstateModel.build`. Each case's
 * expectation comes from the public document it cites, not from the rules;
 * each must be refused with the library's validation error naming the
 * property, the value, the rule (with its sources) and a fix.
 */
import { describe, expect, test } from 'vitest';
import { ClusterDelivery, EstateModel, EstateProps, GitOpsSource, OutboundType, PodNetworking, RuleEvaluationOptions } from '../../../lib';
import { props as example } from '../../../examples/estate/definition';
import { expectValidationError, validationErrorOf } from '../../support/validation-error';

const SUB = example.subscriptionId;
const identity = example.delivery.source!.identity!;
const otherIdentity = { identityId: `/subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities/team-b`, clientId: '00000000-0000-0000-0000-0000000000f2' };
const ociSource = (o: { url?: string; tag?: string; digest?: string }) => ClusterDelivery.gitOps({ source: GitOpsSource.ociRepository({ url: 'oci://contosoplatform.azurecr.io/estate/clusters', identity, ...o }) });
const gitSource = (url: string, branch = 'main', localAuthRef?: string) => ClusterDelivery.gitOps({ source: GitOpsSource.gitRepository({ url, branch, localAuthRef }) });
const withCluster = (index: number, change: Record<string, unknown>): EstateProps => ({
  ...example,
  clusters: example.clusters.map((c, i) => (i === index ? { ...c, ...change } : c)),
});
const credential = (name: string, id = identity) => ({ name, identityId: id.identityId, clientId: id.clientId, namespace: 'apps', serviceAccountName: name });

interface TrialCase {
  /** The issue's class of mistake. */
  readonly cls: 'identity' | 'addresses' | 'git-oci' | 'unsupported' | 'support-window';
  /** What the user got wrong, and the document that says it is wrong. */
  readonly name: string;
  readonly props: () => EstateProps;
  readonly options?: RuleEvaluationOptions;
  /** The rule and property the refusal must name. */
  readonly rule: string;
  readonly property: string | RegExp;
}

const LIMITS = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations';
const PLAN = 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning';
const OVERLAY = 'https://learn.microsoft.com/azure/aks/azure-cni-overlay';
const REFS = 'https://git-scm.com/docs/git-check-ref-format';
const OCI = 'https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests';
const FLUX = 'https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2';
const ISOLATED = 'https://learn.microsoft.com/azure/aks/concepts-network-isolated';
const ILB = 'https://learn.microsoft.com/azure/aks/internal-lb';
const NAMES = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set';
const NOTES = 'https://learn.microsoft.com/azure/azure-arc/kubernetes/flux-gitops-release-notes';

const many = (n: number): EstateProps => ({
  ...example,
  links: [],
  clusters: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, location: 'westeurope', addressSpace: `10.${100 + i}.0.0/16`, adminGroupObjectIds: example.clusters[0].adminGroupObjectIds })),
});

const CASES: readonly TrialCase[] = [
  // 1. One identity, many writers.
  { cls: 'identity', name: `21 GitOps clusters federate one pull identity: Entra allows 20 credentials per identity (${LIMITS})`, props: () => many(21), rule: 'SAKS-EST-009', property: /delivery/ },
  { cls: 'identity', name: `a cluster's own credential takes the name of Flux's on the same identity: names are unique per identity (${LIMITS})`, props: () => withCluster(0, { workloadIdentity: true, federatedIdentities: [credential('payments-flux-source-controller')] }), rule: 'SAKS-EST-008', property: 'delivery' },
  { cls: 'identity', name: `two cluster templates write credentials on one identity, deployable concurrently: Entra refuses concurrent writes to one identity (${LIMITS})`, props: () => ({ ...example, clusters: example.clusters.map((c, i) => (i < 2 ? { ...c, workloadIdentity: true, federatedIdentities: [credential(`app-${c.name}`, otherIdentity)] } : c)) }), rule: 'SAKS-EST-009', property: /clusters\[1\]/ },
  { cls: 'identity', name: `one cluster names two credentials alike on one identity: names are unique per identity (${LIMITS})`, props: () => withCluster(0, { workloadIdentity: true, federatedIdentities: [credential('app', otherIdentity), { ...credential('app', otherIdentity), serviceAccountName: 'other' }] }), rule: 'SAKS-WID-002', property: 'clusters[0].federatedIdentities[1].name' },
  { cls: 'identity', name: `two clusters in one resource group under the same name collide in Azure (${FLUX})`, props: () => ({ ...example, clusters: [example.clusters[0], { ...example.clusters[1], name: 'payments' }] , links: [] }), rule: 'SAKS-EST-001', property: 'clusters[1].name' },
  // 2. Address plans.
  { cls: 'addresses', name: `AKS's default service CIDR 10.0.0.0/16 contains the hub: no connected network may use the service CIDR (${PLAN})`, props: () => withCluster(0, { serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10' }), rule: 'SAKS-EST-010', property: 'clusters[0].serviceCidr' },
  { cls: 'addresses', name: `a service CIDR equal to another spoke, reached through the hub firewall (${PLAN})`, props: () => withCluster(0, { serviceCidr: '10.20.0.0/16', dnsServiceIp: '10.20.0.10' }), rule: 'SAKS-EST-010', property: 'clusters[0].serviceCidr' },
  { cls: 'addresses', name: `a service CIDR inside the cluster's own spoke (${PLAN})`, props: () => withCluster(0, { serviceCidr: '10.10.128.0/17', dnsServiceIp: '10.10.128.10' }), rule: 'SAKS-NET-003', property: 'clusters[0].serviceCidr' },
  { cls: 'addresses', name: `an overlay pod CIDR over the on-premises range declared as connected (${OVERLAY})`, props: () => ({ ...withCluster(1, { podNetworking: PodNetworking.azureCniOverlay({ podCidr: '192.168.0.0/16' }) }), connectedNetworks: ['192.168.0.0/16'] }), rule: 'SAKS-EST-010', property: /clusters\[1\]\.podNetworking/ },
  { cls: 'addresses', name: `a service CIDR over the on-premises range declared as connected (${PLAN})`, props: () => ({ ...withCluster(2, { serviceCidr: '172.16.0.0/16', dnsServiceIp: '172.16.0.10' }), connectedNetworks: ['172.16.0.0/12'] }), rule: 'SAKS-EST-010', property: 'clusters[2].serviceCidr' },
  { cls: 'addresses', name: 'a hub firewall address outside the hub: every spoke\'s default route would leave the hub (https://learn.microsoft.com/azure/architecture/networking/guide/spoke-to-spoke-networking)', props: () => ({ ...example, hub: { ...example.hub, firewallPrivateIp: '10.200.0.4' } }), rule: 'SAKS-EST-004', property: 'hub.firewallPrivateIp' },
  // 3. Git and OCI sources.
  { cls: 'git-oci', name: `a token in the Git URL: credentials belong in a secret (${FLUX})`, props: () => ({ ...example, delivery: gitSource('https://ci:ghp_0123456789@github.com/contoso/platform') }), rule: 'SAKS-GIT-005', property: 'delivery.source.url' },
  { cls: 'git-oci', name: `branch "main..x": ".." is refused (${REFS})`, props: () => ({ ...example, delivery: gitSource('https://github.com/contoso/platform', 'main..x') }), rule: 'SAKS-GIT-006', property: 'delivery.source.branch' },
  { cls: 'git-oci', name: `branch "release 1": a space is refused (${REFS})`, props: () => ({ ...example, delivery: gitSource('https://github.com/contoso/platform', 'release 1') }), rule: 'SAKS-GIT-006', property: 'delivery.source.branch' },
  { cls: 'git-oci', name: `branch "deploy.lock": a component ending in .lock is refused (${REFS})`, props: () => ({ ...example, delivery: gitSource('https://github.com/contoso/platform', 'deploy.lock') }), rule: 'SAKS-GIT-006', property: 'delivery.source.branch' },
  { cls: 'git-oci', name: `branch "main@{1}": "@{" is refused (${REFS})`, props: () => ({ ...example, delivery: gitSource('https://github.com/contoso/platform', 'main@{1}') }), rule: 'SAKS-GIT-006', property: 'delivery.source.branch' },
  { cls: 'git-oci', name: `branch "HEAD": git check-ref-format --branch refuses it (${REFS}; git's strbuf_check_branch_ref)`, props: () => ({ ...example, delivery: gitSource('https://github.com/contoso/platform', 'HEAD') }), rule: 'SAKS-GIT-006', property: 'delivery.source.branch' },
  { cls: 'git-oci', name: `plain http:// for the Git source: the fluxConfiguration's URL is http://, https:// or ssh://, and only the encrypted ones keep the tree private (${FLUX})`, props: () => ({ ...example, delivery: gitSource('http://github.com/contoso/platform') }), rule: 'SAKS-GIT-001', property: 'delivery.source.url' },
  { cls: 'git-oci', name: `the tag inside the OCI URL, the tag field empty (${OCI})`, props: () => ({ ...example, delivery: ociSource({ url: 'oci://contosoplatform.azurecr.io/estate/clusters:production' }) }), rule: 'SAKS-GIT-007', property: 'delivery.source.url' },
  { cls: 'git-oci', name: `an upper-case repository path (${OCI})`, props: () => ({ ...example, delivery: ociSource({ url: 'oci://contosoplatform.azurecr.io/Estate/Clusters', tag: 'production' }) }), rule: 'SAKS-GIT-007', property: 'delivery.source.url' },
  { cls: 'git-oci', name: `a tag starting with "-" (${OCI})`, props: () => ({ ...example, delivery: ociSource({ tag: '-production' }) }), rule: 'SAKS-GIT-007', property: 'delivery.source.tag' },
  { cls: 'git-oci', name: `a digest without its algorithm (${OCI})`, props: () => ({ ...example, delivery: ociSource({ digest: 'a'.repeat(64) }) }), rule: 'SAKS-GIT-007', property: 'delivery.source.digest' },
  { cls: 'git-oci', name: `workload identity against GitHub's registry: Flux's Azure provider serves ACR only (https://fluxcd.io/flux/components/source/ocirepositories/#azure)`, props: () => ({ ...example, delivery: ociSource({ url: 'oci://ghcr.io/contoso/estate', tag: 'production' }) }), rule: 'SAKS-GIT-008', property: 'delivery.source.url' },
  { cls: 'git-oci', name: `an scp-style Git address: the fluxConfiguration takes http(s):// or ssh:// URLs (${FLUX})`, props: () => ({ ...example, delivery: gitSource('git@github.com:contoso/platform.git') }), rule: 'SAKS-GIT-001', property: 'delivery.source.url' },
  // 4. Unsupported combinations and derived names.
  { cls: 'unsupported', name: `Flux on a network-isolated cluster (${ISOLATED})`, props: () => withCluster(0, { outboundType: OutboundType.networkIsolated() }), rule: 'SAKS-GIT-009', property: 'delivery' },
  { cls: 'unsupported', name: `kubenet on a network-isolated cluster delivered by Pulumi (${ISOLATED})`, props: () => withCluster(0, { outboundType: OutboundType.networkIsolated(), podNetworking: PodNetworking.kubenet(), delivery: ClusterDelivery.pulumiKubernetes() }), rule: 'SAKS-EGR-009', property: /clusters\[0\]/ },
  { cls: 'unsupported', name: `a public address for a link's internal load balancer (${ILB})`, props: () => ({ ...example, links: [{ ...example.links[0], ingressIp: '20.50.2.10' }] }), rule: 'SAKS-EST-011', property: 'links[0].ingressIp' },
  { cls: 'unsupported', name: `an internal load balancer address in another cluster's spoke (${ILB})`, props: () => ({ ...example, links: [{ ...example.links[0], ingressIp: '10.30.0.50' }] }), rule: 'SAKS-EST-011', property: 'links[0].ingressIp' },
  { cls: 'unsupported', name: `an internal load balancer address Azure reserves in the subnet (the first four): https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#are-there-any-restrictions-on-using-ip-addresses-within-these-subnets`, props: () => ({ ...example, links: [{ ...example.links[0], ingressIp: '10.20.0.1' }] }), rule: 'SAKS-EST-011', property: 'links[0].ingressIp' },
  { cls: 'unsupported', name: `a 64-character istio.io/rev label value from the add-on revision (${NAMES})`, props: () => ({ ...example, meshDistribution: 'aksIstioAddon', versions: { aksIstioRevision: `asm-${'1'.repeat(60)}` } }), rule: 'SAKS-MESH-020', property: 'versions.aksIstioRevision' },
  { cls: 'unsupported', name: `a credentials Secret named "My_Secret" in localAuthRef: a Secret's name is a DNS subdomain (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names)`, props: () => ({ ...example, delivery: gitSource('https://github.com/contoso/platform', 'main', 'My_Secret') }), rule: 'SAKS-K8S-002', property: 'delivery.source.localAuthRef' },
  { cls: 'unsupported', name: `a link name longer than a DNS label, used in derived object names (${NAMES})`, props: () => ({ ...example, links: [{ ...example.links[0], name: `l${'x'.repeat(63)}` }] }), rule: '*', property: 'links[0].name' },
  // 6. Support windows.
  { cls: 'support-window', name: `a cluster pinned to Kubernetes 1.27, out of AKS support on the evaluation date (https://learn.microsoft.com/azure/aks/supported-kubernetes-versions)`, props: () => withCluster(0, { kubernetesVersion: '1.27' }), options: { evaluationDate: '2026-12-07' }, rule: 'SAKS-VER-002', property: 'clusters[0].kubernetesVersion' },
  { cls: 'support-window', name: `upstream Istio 1.20 pinned for the estate, out of Istio's support (https://istio.io/latest/docs/releases/supported-releases/)`, props: () => ({ ...example, versions: { istio: '1.20.0' } }), options: { evaluationDate: '2026-12-07' }, rule: '*', property: 'versions.istio' },
];

/** Whether an accepted case was expected to be refused: recorded for the tally. */
const tally = new Map<string, { tried: number; caught: number }>();

describe.each(CASES)('$cls: $name', (c) => {
  test('is refused with property, value, rule, sources and fix', () => {
    const error = validationErrorOf(() => EstateModel.build(c.props(), c.options));
    const t = tally.get(c.cls) ?? { tried: 0, caught: 0 };
    tally.set(c.cls, { tried: t.tried + 1, caught: t.caught + (error ? 1 : 0) });
    expect(error, 'passed silently').toBeDefined();
    const found = error!.violations.find((v) => (c.rule === '*' || v.rule.id === c.rule) && (typeof c.property === 'string' ? v.property === c.property : c.property.test(v.property)));
    expect(found, `not named as ${c.rule} at ${c.property}: ${error!.violations.map((v) => `${v.rule.id} ${v.property}`).join(', ')}`).toBeDefined();
    expect(found!.fix.length).toBeGreaterThan(10);
    expect(found!.rule.sources.length).toBeGreaterThan(0);
    expect(error!.message).toContain(found!.rule.id);
  });
});

test('the estate the trial starts from is accepted, so each refusal is the mistake\'s', () => {
  expect(validationErrorOf(() => EstateModel.build(example))).toBeUndefined();
  expect(validationErrorOf(() => EstateModel.build(many(20)))).toBeUndefined();
  expect(validationErrorOf(() => EstateModel.build({ ...example, delivery: ociSource({ url: 'oci://contosoplatform.azurecr.us/estate/clusters', tag: 'production' }), helmChartMirror: 'oci://contosoplatform.azurecr.us/helm' }))).toBeUndefined();
  expect(expectValidationError).toBeDefined();
});

test(`the evaluation date is an input the estate records; the pinned microsoft.flux release, whose end no published release dates yet, is not refused on a later date (N-2 policy: ${NOTES})`, () => {
  const estate = EstateModel.build(example, { evaluationDate: '2031-01-01' });
  expect(estate.evaluationDate).toBe('2031-01-01');
  expect(estate.warnings.filter((w) => w.rule.id.startsWith('SAKS-VER-'))).toEqual([]);
});
