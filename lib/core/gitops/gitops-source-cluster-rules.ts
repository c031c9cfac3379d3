import { DescribedResource } from '../description/described-resource';
import { Fact } from '../description/fact';
import { certain, extensionResources } from '../aks/rules/cluster-facts';
import { clusterRule, ClusterRule, ClusterRuleContext } from '../rules/cluster-rule';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { urlScheme } from './gitops-source';
import { checkGitOpsSource, GitOpsSourceFacts } from './gitops-source-rules';

const FLUX_CONFIGURATIONS = 'Microsoft.KubernetesConfiguration/fluxConfigurations';

/** Where each field of a source lives in a fluxConfiguration's body, by source kind. */
const PATHS: Readonly<Record<GitOpsSourceFacts['kind'], Readonly<Record<string, string>>>> = {
  GitRepository: { url: 'properties.gitRepository.url', branch: 'properties.gitRepository.repositoryRef.branch', localAuthRef: 'properties.gitRepository.localAuthRef' },
  OCIRepository: {
    url: 'properties.ociRepository.url',
    tag: 'properties.ociRepository.repositoryRef.tag',
    digest: 'properties.ociRepository.repositoryRef.digest',
    useWorkloadIdentity: 'properties.ociRepository.useWorkloadIdentity',
  },
};

/**
 * Judges one fluxConfiguration's source by `rule`, with the one predicate
 * the estate's definitions are judged by ({@link checkGitOpsSource}): the
 * template, the stack or the deployed resource a user wrote by hand is held
 * to what Git and the OCI distribution spec accept, as the library's own are.
 * A value not known offline (a parameter, an output) stops it undecided.
 */
function checkConfiguration(c: ClusterRuleContext, r: DescribedResource, rule: Rule): void {
  const described = c.cluster.describe(r);
  const kind = c.text(described.fact('properties.sourceKind'));
  if (kind !== 'GitRepository' && kind !== 'OCIRepository') return; // Buckets and Azure Blob have no such rules
  const facts = new Map<string, Fact>(Object.entries(PATHS[kind]).map(([field, path]) => [field, described.fact(path)]));
  const text = (field: string): string | undefined => (facts.has(field) ? c.text(facts.get(field)!) : undefined);
  const url = text('url') ?? '';
  const source: GitOpsSourceFacts = {
    kind,
    url,
    scheme: urlScheme(url),
    branch: text('branch'),
    localAuthRef: text('localAuthRef'),
    tag: text('tag'),
    digest: text('digest'),
    identity: kind === 'OCIRepository' && c.value(facts.get('useWorkloadIdentity')!) === true ? {} : undefined,
  };
  // A reference by semver or commit, instead of a branch, tag or digest, is Flux's to resolve: an absent field is not judged.
  for (const found of checkGitOpsSource(source, '').filter((v) => v.rule === rule && v.value !== undefined)) {
    const field = found.property.replace(/^\./, '');
    c.fail(facts.get(field) ?? facts.get('url')!, found.fix, { value: found.value, detail: found.detail });
  }
}

/**
 * `rule` on every fluxConfiguration deployed on the cluster; one deployed
 * under a condition is undecided, and so is a cluster read without the
 * resources deployed on it (az aks show): its configurations were not read.
 */
function gitOpsSourceRule(rule: Rule): ClusterRule {
  return clusterRule(rule, 'deployment', (c) => {
    const configurations = extensionResources(c, FLUX_CONFIGURATIONS);
    if (configurations.length === 0 && !c.cluster.wholeDeployment) {
      c.cannotDecide("the cluster's Flux configurations are separate resources, not among those read", undefined, true);
    }
    c.each(configurations, (r) => {
      if (!certain(r)) c.cannotDecide(`the ${r.type} "${r.name}" is deployed under a condition not known offline`);
      else checkConfiguration(c, r, rule);
    });
  });
}

/**
 * The GitOps source rules on the fluxConfigurations deployed beside a
 * cluster, so that the policy pack and the audit judge a hand-written
 * template or stack as the estate's definition is judged: no credentials in
 * the URL (SAKS-GIT-005), a branch git accepts (SAKS-GIT-006), the OCI
 * distribution spec's repository, tag and digest (SAKS-GIT-007), and the Azure
 * provider only for an Azure Container Registry (SAKS-GIT-008).
 * @see https://learn.microsoft.com/rest/api/kubernetesconfiguration/flux-configurations/create-or-update
 */
export const GITOPS_SOURCE_RULES: readonly ClusterRule[] = [Rules.gitOpsUrlCredentials, Rules.gitOpsBranchName, Rules.gitOpsOciReference, Rules.gitOpsAzureProvider].map(gitOpsSourceRule);
