import { celLiteralOf } from '../admission/cel-literal-reader';
import { parseCel } from './cel-parse';
import { celWithEmptyStrings } from './cel-with-empty-strings';
import { answersByText } from '../memo/answers-by-text';

/**
 * A CEL type as Kubernetes' type checker infers it for a literal: a primitive
 * (`string`, `int`, ...), `list(T)`, `map(K, V)`, `dyn` for a value whose type
 * this check does not infer, and `?` for the free element type of `[]` and `{}`.
 */
type CelType = string;

function parts(t: CelType): { kind: 'list' | 'map' | 'other'; args: CelType[] } {
  if (t.startsWith('list(')) return { kind: 'list', args: [t.slice(5, -1)] };
  if (t.startsWith('map(')) {
    const inner = t.slice(4, -1);
    // The key type is a primitive (or `?`): the first ", " separates it from the value type.
    const at = inner.indexOf(', ');
    return { kind: 'map', args: [inner.slice(0, at), inner.slice(at + 2)] };
  }
  return { kind: 'other', args: [] };
}

/** The type of both, when one can stand for the other (cel-go's `isAssignable`, then the more general); undefined when they differ. */
function join(a: CelType, b: CelType): CelType | undefined {
  if (a === b) return a;
  if (a === 'dyn' || b === 'dyn') return 'dyn';
  if (a === '?') return b;
  if (b === '?') return a;
  const [pa, pb] = [parts(a), parts(b)];
  if (pa.kind !== pb.kind || pa.kind === 'other') return undefined;
  const args = pa.args.map((x, i) => join(x, pb.args[i]));
  if (args.some((x) => x === undefined)) return undefined;
  return pa.kind === 'list' ? `list(${args[0]})` : `map(${args[0]}, ${args[1]})`;
}

/** Where a literal's entries start to differ, said for a reader of the expression. */
interface Mismatch {
  readonly where: string;
  readonly expected: CelType;
  readonly found: CelType;
}

/** The type of a literal's entries, recording the first entry whose type cannot join the ones before it. */
function joinAll(types: readonly { readonly type: CelType; readonly where: string }[], mismatches: Mismatch[]): CelType {
  let joined: CelType | undefined;
  for (const { type, where } of types) {
    if (joined === undefined) {
      joined = type;
      continue;
    }
    const next = join(joined, type);
    if (next === undefined) {
      mismatches.push({ where, expected: joined, found: type });
      return 'dyn';
    }
    joined = next;
  }
  return joined ?? '?';
}

/** The type of a value `readCelLiteral` read (string, bigint, boolean, array, Map); `where` names the entry (`entry ['a']['port']`). */
function typeOfData(value: unknown, where: string, mismatches: Mismatch[]): CelType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return `list(${joinAll(value.map((v, i) => ({ type: typeOfData(v, `${where}[${i}]`, mismatches), where: `${where}[${i}]` })), mismatches)})`;
  const entries = [...(value as Map<string, unknown>)];
  const values = joinAll(entries.map(([k, v]) => ({ type: typeOfData(v, `${where}['${k}']`, mismatches), where: `${where}['${k}']` })), mismatches);
  return `map(${entries.length === 0 ? '?' : 'string'}, ${values})`;
}

/** Functions and operators whose result has one type whatever their arguments (the standard definitions). */
const RESULT_TYPE: ReadonlyMap<string, CelType> = new Map([
  ...['_==_', '_!=_', '_<_', '_<=_', '_>_', '_>=_', '_&&_', '_||_', '!_', '@in', 'startsWith', 'endsWith', 'contains', 'matches'].map((f) => [f, 'bool'] as const),
  ['size', 'int'],
  ['int', 'int'],
  ['uint', 'uint'],
  ['double', 'double'],
  ['string', 'string'],
  ['bool', 'bool'],
]);

const CONSTANT_TYPE: Readonly<Record<string, CelType>> = {
  boolValue: 'bool',
  int64Value: 'int',
  uint64Value: 'uint',
  doubleValue: 'double',
  stringValue: 'string',
  bytesValue: 'bytes',
  nullValue: 'null_type',
};

/** The type of a parsed node, checking every literal inside it; `dyn` where it is not inferred here. */
function typeOfNode(node: any, positions: Readonly<Record<string, number>>, mismatches: Mismatch[]): CelType {
  const kind = node?.exprKind?.case;
  const value = node?.exprKind?.value;
  const at = (n: any) => `at character ${positions[String(n.id)] ?? '?'}`;
  switch (kind) {
    case 'constExpr':
      return CONSTANT_TYPE[value.constantKind?.case] ?? 'dyn';
    case 'listExpr':
      return `list(${joinAll((value.elements ?? []).map((e: any) => ({ type: typeOfNode(e, positions, mismatches), where: `the list element ${at(e)}` })), mismatches)})`;
    case 'structExpr': {
      if (value.messageName) {
        for (const e of value.entries ?? []) typeOfNode(e.value, positions, mismatches);
        return 'dyn';
      }
      const entries = (value.entries ?? []) as any[];
      const keys = joinAll(entries.map((e) => ({ type: typeOfNode(e.keyKind?.value, positions, mismatches), where: `the map key ${at(e.keyKind?.value)}` })), mismatches);
      const values = joinAll(entries.map((e) => ({ type: typeOfNode(e.value, positions, mismatches), where: `the map value ${at(e.value)}` })), mismatches);
      return `map(${keys}, ${values})`;
    }
    case 'selectExpr':
      typeOfNode(value.operand, positions, mismatches);
      return value.testOnly ? 'bool' : 'dyn';
    case 'callExpr':
      if (value.target) typeOfNode(value.target, positions, mismatches);
      for (const a of value.args ?? []) typeOfNode(a, positions, mismatches);
      return RESULT_TYPE.get(value.function) ?? 'dyn';
    case 'comprehensionExpr':
      for (const k of ['iterRange', 'accuInit', 'loopCondition', 'loopStep', 'result']) if (value[k]) typeOfNode(value[k], positions, mismatches);
      return 'dyn';
    default:
      return 'dyn';
  }
}

/** The variables Kubernetes declares as `dyn` for an admission policy: what is read from them is `dyn` to its type checker too. */
const DYN_VARIABLES = new Set(['object', 'oldObject', 'params']);

/** Whether cel-go surely types a node `dyn`: a field or an index read from a `dyn` variable. */
function surelyDyn(node: any): boolean {
  const kind = node?.exprKind?.case;
  const value = node?.exprKind?.value;
  if (kind === 'identExpr') return DYN_VARIABLES.has(value.name);
  if (kind === 'selectExpr') return !value.testOnly && surelyDyn(value.operand);
  if (kind === 'callExpr' && value.function === '_[_]') return surelyDyn(value.args?.[0]);
  return false;
}

/**
 * What Kubernetes' CEL compiler refuses in an expression before any request:
 * text that does not parse; a list or map literal whose entries do not all
 * have one type (`{'host': 'a', 'port': 443}`), since Kubernetes compiles
 * every expression of an admission policy (and of a CRD's validation rules)
 * with cel-go's `HomogeneousAggregateLiterals`; and, given `output`, an
 * expression whose type is not that one (a validation or match condition
 * must be `bool`, a message expression `string`: `dyn` is refused too). A
 * type is inferred for constants, literals, the standard functions whose
 * result has one type, and what is read from `object`, `oldObject` and
 * `params` (declared `dyn`); anything else counts as `dyn` that matches any
 * type, so a problem found here is one the API server finds too.
 * @see https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiserver/pkg/cel/environment/base.go
 * @see https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiserver/pkg/admission/plugin/cel/compile.go
 * @see https://pkg.go.dev/github.com/google/cel-go/cel#HomogeneousAggregateLiterals
 * @category Kubernetes objects
 */
export function celCompileProblems(expression: string, output?: 'bool' | 'string'): string[] {
  // A literal of data (a policy's variables hold thousands of entries) is read without the CEL parser.
  const data = celLiteralOf(expression);
  if (data !== undefined) {
    const mismatches: Mismatch[] = [];
    return problemsOf(typeOfData(data, 'entry ', mismatches), false, mismatches, output);
  }
  // Expressions that differ only in their strings (a link's or a service's name, a
  // message) have the same problems: the tree with empty strings is checked once.
  // Its problems would name positions in that other text, so only its having none
  // is taken from it; an expression with problems is checked as written.
  const shape = celWithEmptyStrings(expression);
  if (shape !== undefined) {
    if (shapeWithoutProblems(`${output ?? ''}:${shape}`, { shape, output })) return [];
  }
  return parsedProblems(expression, output);
}

/** Whether a shape of expressions (see {@link celWithEmptyStrings}) has no problem, by `<type required>:<shape>`. */
const shapeWithoutProblems = answersByText((_key, s: { shape: string; output: 'bool' | 'string' | undefined }) => parsedProblems(s.shape, s.output).length === 0);

/** {@link celCompileProblems} of an expression that is not a literal of data, from its parsed tree. */
function parsedProblems(expression: string, output: 'bool' | 'string' | undefined): string[] {
  const parsed = parseCel(expression);
  if (parsed instanceof Error) return [`does not parse as CEL: ${parsed.message.split('\n')[0]}`];
  const mismatches: Mismatch[] = [];
  const type = typeOfNode(parsed.expr, parsed.sourceInfo?.positions ?? {}, mismatches);
  return problemsOf(type, type === 'dyn' && surelyDyn(parsed.expr), mismatches, output);
}

/** The problems of an expression of type `type` (`dyn`: surely `dyn` to cel-go too) whose literals mismatch as given. */
function problemsOf(type: CelType, dyn: boolean, mismatches: readonly Mismatch[], output: 'bool' | 'string' | undefined): string[] {
  const problems = mismatches.map((m) => `${m.where.startsWith('entry ') ? `${m.where} of the literal` : m.where} is ${m.found} where the entries before it are ${m.expected}: Kubernetes compiles CEL with homogeneous aggregate literals and refuses a literal that mixes types`);
  if (output !== undefined && ((type !== 'dyn' && join(type, output) !== output) || dyn)) {
    problems.push(`evaluates to ${type}, where Kubernetes requires ${output}`);
  }
  return problems;
}

/**
 * Every CEL expression of a ValidatingAdmissionPolicy's spec, with its path.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
function admissionPolicyExpressions(spec: Record<string, any> | undefined): { path: string; expression: string; output?: 'bool' | 'string' }[] {
  const out: { path: string; expression: string; output?: 'bool' | 'string' }[] = [];
  // The type each field must have (compile.go's ReturnTypes): a variable may have any, an audit annotation string or null.
  const fields: [string, [string, 'bool' | 'string' | undefined][]][] = [
    ['matchConditions', [['expression', 'bool']]],
    ['variables', [['expression', undefined]]],
    ['validations', [['expression', 'bool'], ['messageExpression', 'string']]],
    ['auditAnnotations', [['valueExpression', undefined]]],
  ];
  for (const [list, keys] of fields) {
    const items = spec?.[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: Record<string, unknown>, i) => {
      for (const [key, output] of keys) {
        if (typeof item?.[key] === 'string') out.push({ path: `spec.${list}[${i}]${typeof item.name === 'string' ? ` (${item.name})` : ''}.${key}`, expression: item[key] as string, output });
      }
    });
  }
  return out;
}

/**
 * What the API server's CEL compiler refuses in a ValidatingAdmissionPolicy's
 * spec: each problem of each expression (see {@link celCompileProblems}), at
 * the expression's path, with what to do.
 * @internal
 */
export function admissionPolicyCompileProblems(spec: Record<string, any> | undefined): { message: string; fix: string }[] {
  return admissionPolicyExpressions(spec).flatMap(({ path, expression, output }) =>
    celCompileProblems(expression, output).map((problem) => ({
      message: `${path}: ${problem}`,
      fix: problem.startsWith('evaluates to') ? `make the expression a ${output} (compare the value, or convert it with ${output}())` : 'write each list or map literal with entries of one type (for data of several types, one map per field)',
    })),
  );
}
