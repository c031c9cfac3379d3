import { ClusterDescription } from '../description/cluster-description';
import { ClusterRuleContext } from '../rules/cluster-rule';
import { Sources } from '../validation/sources';
import type { PathsFound } from './api-server-reachability';
import { reading } from './description-reading';
import { Recheck } from './recheck-targets';

/** Who may use run command: Azure RBAC's action on the cluster, through Azure Resource Manager's public endpoint. */
const RUN_COMMAND_USERS = 'Azure identities holding runcommand/action on the cluster, through Azure Resource Manager';

/**
 * Run command (`az aks command invoke`): a POST to the cluster's `runCommand`
 * on Azure Resource Manager, whose endpoint is on the internet; AKS then
 * runs the command in a pod inside the cluster, which reaches the API server
 * from within. It is on unless `disableRunCommand` is true. A path from the
 * internet, for Entra ID identities that Azure RBAC allows
 * `Microsoft.ContainerService/managedClusters/runcommand/action`.
 * @see https://learn.microsoft.com/azure/aks/access-private-cluster
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/run-command
 */
export function runCommandPath(cluster: ClusterDescription, c: ClusterRuleContext): PathsFound {
  const fact = c.fact('properties.apiServerAccessProfile.disableRunCommand');
  const disabled = reading(() => c.bool(fact));
  const base = { kind: 'run-command' as const, from: RUN_COMMAND_USERS, provenance: [fact.at], recheck: Recheck.runCommand(cluster), source: Sources.commandInvoke };
  if (!disabled.known) {
    const reason = `whether run command is disabled is not known offline (${disabled.reason})`;
    return { paths: [{ ...base, fromInternet: 'undecided', statement: `Run command may be on: ${reason}.` }], undecided: [{ reason, at: fact.at }] };
  }
  if (disabled.value === true) return { paths: [], undecided: [] };
  const how = disabled.value === undefined ? 'Run command is on (disableRunCommand is not set; it is on by default)' : 'Run command is on (disableRunCommand is false)';
  const statement = `${how}: any Entra ID identity that Azure RBAC allows runcommand/action on the cluster can, from anywhere on the internet, ask Azure Resource Manager to have AKS run a command (kubectl, helm) in a pod inside the cluster, which reaches the API server from within.`;
  return { paths: [{ ...base, fromInternet: true, statement }], undecided: [] };
}
