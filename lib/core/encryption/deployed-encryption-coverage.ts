import { authorizedRanges, hasVnetIntegration, isPrivateCluster } from '../aks/rules/cluster-facts';
import { ClusterDescription } from '../description/cluster-description';
import { reading, readingContext } from '../reachability/description-reading';
import { Sources } from '../validation/sources';
import { apiServerCoverage, FlowCoverage, IN_CLUSTER_COVERAGE, InClusterFlow, notVerifiedInClusterFacts } from './encryption-coverage';
import { DeployedTransitEncryption } from './pod-traffic-encryption';

const IN_CLUSTER_FLOWS: readonly InClusterFlow[] = ['pod-to-pod-same-node', 'pod-to-pod-cross-node', 'host-network-pods', 'node-to-node'];

/**
 * The encryption coverage of a described cluster whose pod traffic
 * encryption is `enc` (read by {@link transitEncryptionOfCluster}, as the
 * rules read it): the in-cluster rows from the mechanism's facts, or
 * `not-verified` with the reason; the API server row from the facts the API
 * server rules read; the cross-cluster row `not-verified`, since mutual TLS
 * between clusters is configured inside them.
 * @internal
 */
export function deployedEncryptionCoverageOf(cluster: ClusterDescription, enc: DeployedTransitEncryption): FlowCoverage[] {
  const crossCluster: FlowCoverage = {
    flow: 'cross-cluster',
    status: 'not-verified',
    by: 'not read: cross-cluster mutual TLS is configured inside the clusters (Istio gateways), not in ARM',
    sources: [Sources.istioEgressGateway],
  };
  const api = apiServerCoverageOfCluster(cluster);
  const facts = enc.kind === 'not-verified' ? notVerifiedInClusterFacts(enc.reason) : IN_CLUSTER_COVERAGE[enc.kind];
  return [...IN_CLUSTER_FLOWS.map((flow): FlowCoverage => ({ flow, ...facts[flow] })), api, crossCluster];
}

/**
 * The nodes-to-API-server row from the facts the API server rules read
 * (private, API Server VNet Integration, authorized ranges);
 * `not-verified` with the reason where one of them is not known offline.
 */
function apiServerCoverageOfCluster(cluster: ClusterDescription): FlowCoverage {
  const c = readingContext(cluster);
  const access = reading(() => {
    const isPrivate = isPrivateCluster(c);
    const vnetIntegration = hasVnetIntegration(c);
    // The ranges limit only a public endpoint: a private one's are not read.
    const ranges = isPrivate || vnetIntegration ? [] : authorizedRanges(c).ranges;
    return { isPrivate, vnetIntegration, authorizedIpRanges: ranges };
  });
  if (access.known) return apiServerCoverage(access.value);
  return { flow: 'nodes-to-api-server', status: 'not-verified', by: `not verified: ${access.reason}`, sources: [Sources.privateClusters, Sources.apiServerVnetIntegration] };
}
