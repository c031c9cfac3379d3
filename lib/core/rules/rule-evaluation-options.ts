import { EvaluationDate } from '../versions/evaluation-date';

/**
 * What the rules are evaluated against besides the cluster's description.
 * @category Validation
 */
export interface RuleEvaluationOptions {
  /**
   * The day the support windows are judged on, `YYYY-MM-DD` in UTC. Reports
   * record it, so the same input on the same date gives the same report.
   * @default - today in UTC
   * @see https://learn.microsoft.com/azure/aks/supported-kubernetes-versions
   */
  readonly evaluationDate?: EvaluationDate;
}
