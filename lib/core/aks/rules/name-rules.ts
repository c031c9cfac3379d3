import { clusterRule, ClusterRule, poolRule } from '../../rules/cluster-rule';
import { Rules } from '../../validation/rule-catalog';
import { AZURE_REGIONS, nearestRegion } from '../azure-regions';
import { CLUSTER_NAME, isNodePoolName, KUBERNETES_VERSION, LOCATION_NAME } from '../validation-helpers';

/**
 * The names Azure accepts for a cluster, its region, its version and its pools.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftcontainerservice
 */
export const NAME_RULES: readonly ClusterRule[] = [
  clusterRule(Rules.clusterName, 'cluster', (c) => {
    const fact = c.cluster.nameFact;
    const name = c.text(fact);
    if (name !== undefined && !CLUSTER_NAME.test(name)) c.fail(fact, 'use 1-63 letters, digits, "_" or "-", starting and ending with a letter or digit');
  }),
  clusterRule(Rules.location, 'cluster', (c) => {
    const fact = c.fact('location');
    const location = c.text(fact);
    if (location !== undefined && !LOCATION_NAME.test(location)) c.fail(fact, 'use the region name, e.g. "westeurope"');
  }),
  clusterRule(Rules.unknownRegion, 'cluster', (c) => {
    const fact = c.fact('location');
    const location = c.text(fact)?.toLowerCase();
    if (location !== undefined && LOCATION_NAME.test(location) && !AZURE_REGIONS.includes(location)) {
      c.fail(fact, `check the name: the nearest known region is "${nearestRegion(location)}"`);
    }
  }),
  clusterRule(Rules.kubernetesVersion, 'cluster', (c) => {
    const fact = c.fact('properties.kubernetesVersion');
    const version = c.text(fact);
    // An empty version is Azure's default (Microsoft's own REST examples send "").
    if (version !== undefined && version !== '' && !KUBERNETES_VERSION.test(version)) c.fail(fact, 'write <major>.<minor> or <major>.<minor>.<patch>, e.g. "1.33"');
  }),
  poolRule(Rules.nodePool, 'cluster', (c) => {
    const seen = new Set<string>();
    c.each(c.pools(), (pool) => {
      const name = c.text(pool.name);
      if (name === undefined) return;
      const osType = c.text(pool.profile.fact('osType')) ?? 'Linux';
      const windows = osType.toLowerCase() === 'windows';
      if (!isNodePoolName(name, windows ? 'Windows' : 'Linux')) c.fail(pool.name, `use 1-${windows ? 6 : 12} lowercase letters and digits, starting with a letter`);
      else if (seen.has(name.toLowerCase())) c.fail(pool.name, 'give every node pool its own name');
      seen.add(name.toLowerCase());
      const count = pool.profile.fact('count');
      const n = c.number(count);
      if (n !== undefined && (!Number.isInteger(n) || n < 0)) c.fail(count, 'set a whole number of nodes (3 across zones for production)');
    });
  }),
];
