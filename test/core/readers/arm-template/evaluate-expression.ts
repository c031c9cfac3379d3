import { ReadProblem } from '../../../../lib/core/description/described-resource';
import { TOP_LEVEL_SCOPE } from '../../../../lib/core/readers/arm-template/deployment-scope';
import { ReadSink } from '../../../../lib/core/readers/arm-template/read-sink';
import { templateContext } from '../../../../lib/core/readers/arm-template/template-context';
import { evaluateTemplateString } from '../../../../lib/core/readers/arm-template/template-values';

/** Evaluates `[expression]` in a template (its parameters, variables, functions) at the top level. */
export function run(expression: string, template: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}): { value: unknown; problems: ReadProblem[] } {
  const sink = new ReadSink('t.json');
  const supplied = new Map(Object.entries(parameters).map(([k, v]) => [k.toLowerCase(), v]));
  const context = templateContext({ template, pointer: '', supplied, scope: TOP_LEVEL_SCOPE }, sink);
  const value = evaluateTemplateString(`[${expression}]`, '/x', context, sink);
  return { value, problems: sink.problems };
}

/** The value of `[expression]`, failing the test on a read problem. */
export function evaluate(expression: string, template: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}): unknown {
  const { value, problems } = run(expression, template, parameters);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  return value;
}
