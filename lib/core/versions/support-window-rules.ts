import { DescribedValue } from '../description/described-value';
import { Fact } from '../description/fact';
import { ClusterRule, ClusterRuleContext, poolRule } from '../rules/cluster-rule';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { SupportComponent } from './release-line';
import { judgeSupport } from './support-judgement';

/**
 * The support windows of what a cluster's description shows: the Kubernetes
 * version of the cluster (asked for and running) and of each pool, the AKS
 * Istio add-on revisions, and the cluster's ARM API version when it is a
 * preview. SAKS-VER-001 reports a version that is ending, SAKS-VER-002 one
 * that has ended, both by {@link judgeSupport}; a version the table cannot
 * date leaves them undecided, with the reason.
 * @see https://learn.microsoft.com/azure/aks/supported-kubernetes-versions
 * @see https://learn.microsoft.com/azure/aks/istio-support-policy
 */

const MESH = 'properties.serviceMeshProfile';

/** One version the description shows, and where. */
interface ShownVersion {
  readonly component: SupportComponent;
  readonly at: Fact | DescribedValue;
}

function shownVersions(c: ClusterRuleContext): ShownVersion[] {
  const shown: ShownVersion[] = [
    { component: 'aks-kubernetes', at: c.fact('properties.kubernetesVersion') },
    { component: 'aks-kubernetes', at: c.fact('properties.currentKubernetesVersion') },
  ];
  c.guard(() => {
    for (const p of c.pools()) {
      shown.push({ component: 'aks-kubernetes', at: p.profile.fact('orchestratorVersion') }, { component: 'aks-kubernetes', at: p.profile.fact('currentOrchestratorVersion') });
    }
  });
  c.guard(() => {
    const mode = c.text(c.fact(`${MESH}.mode`));
    if (mode?.toLowerCase() !== 'istio') return;
    for (const r of c.list(`${MESH}.istio.revisions`)) shown.push({ component: 'aks-istio-addon', at: r });
  });
  return shown;
}

/** The cluster resource's API version when it is a preview, as a fact of its document. */
function previewApiVersion(c: ClusterRuleContext): Fact | undefined {
  const { apiVersion, type, origin } = c.cluster.resource;
  if (apiVersion === undefined || !apiVersion.toLowerCase().endsWith('-preview')) return undefined;
  return { state: 'known', value: `${type}@${apiVersion}`, path: 'apiVersion', at: origin };
}

function checkSupport(c: ClusterRuleContext, rule: Rule): void {
  const shown = shownVersions(c);
  const api = previewApiVersion(c);
  if (api) shown.push({ component: 'arm-api-version', at: api });
  c.each(shown, ({ component, at }) => {
    const fact = at instanceof DescribedValue ? at.asFact() : at;
    const version = c.text(fact);
    // Empty, as absent: Azure chooses its default version (REST examples write "").
    if (version === undefined || version === '') return;
    const judged = judgeSupport(component, component === 'aks-istio-addon' ? version.toLowerCase() : version, c.evaluationDate);
    if (judged.status === 'unknown') c.cannotDecide(judged.reason, fact, true);
    else if (judged.status !== 'supported' && judged.rule === rule) c.fail(at, judged.fix, { detail: judged.detail, value: version });
  });
}

export const SUPPORT_WINDOW_RULES: readonly ClusterRule[] = [
  poolRule(Rules.supportEnding, 'cluster', (c) => checkSupport(c, Rules.supportEnding)),
  poolRule(Rules.supportEnded, 'cluster', (c) => checkSupport(c, Rules.supportEnded)),
];
