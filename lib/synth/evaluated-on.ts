import { Rules } from '../core/validation/rule-catalog';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { EvaluationDate } from '../core/versions/evaluation-date';

/**
 * Refuses a model a target's build function judged on another date than the
 * synth's: a build function that drops the options it is given would judge
 * the support windows on today, whatever the evaluation date asked for.
 */
export function checkEvaluatedOn(asked: EvaluationDate, model: { readonly evaluationDate: EvaluationDate }, subject: string, fix: string): void {
  if (model.evaluationDate === asked) return;
  throw new SecureAksValidationError(subject, [
    { rule: Rules.evaluationDate, property: 'build', value: model.evaluationDate, fix, detail: `synth evaluates on ${asked}; the build function returned a model evaluated on ${model.evaluationDate}` },
  ]);
}
