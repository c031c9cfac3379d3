import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { ViolationCollector } from '../validation/violation-collector';
import { isEvaluationDate, todayInUtc } from '../versions/evaluation-date';
import { checkPinnedSupport, FLUX_EXTENSION_PIN, PinnedComponentVersion } from '../versions/pinned-support';
import { ClusterDelivery } from './cluster-delivery';

/**
 * The `microsoft.flux` extension an estate installs on its GitOps-delivered
 * clusters, within Microsoft's support on the evaluation date (SAKS-VER-001,
 * SAKS-VER-002), so that every front end deploying the estate judges it, not
 * only the synth. Nothing is said when no cluster is delivered by GitOps, or
 * when the date is not a calendar date (the clusters' validation refuses it).
 * `pin` is the library's release; tests give an older one.
 * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/extensions-release#flux-gitops
 */
export function checkFluxExtensionSupport(
  v: ViolationCollector,
  deliveries: readonly ClusterDelivery[],
  options: RuleEvaluationOptions,
  pin: PinnedComponentVersion = FLUX_EXTENSION_PIN,
): void {
  if (!deliveries.some((d) => d.kind === 'gitOps')) return;
  const date = options.evaluationDate;
  if (date !== undefined && !isEvaluationDate(date)) return;
  v.addAll(checkPinnedSupport([pin], date ?? todayInUtc()).violations);
}
