import { UnknownValue } from '../../description/unknown-value';

/** Why a value marked in `after_unknown` is not known. */
export const KNOWN_AFTER_APPLY = 'known only after apply';

/** Why a value marked sensitive is not read (a secret must not reach a report). */
export const SENSITIVE = 'marked sensitive in the plan, not read';

/**
 * A resource's values with Terraform's marks applied: every value
 * `after_unknown` marks `true` becomes an {@link UnknownValue} (planned values
 * omit them, so an unset-looking attribute is never taken as absent), every
 * value `sensitive_values`/`after_sensitive` marks becomes one too.
 * `symbolOf` names what a top-level unknown attribute refers to, when the
 * configuration says (`azurerm_kubernetes_cluster.main.id`).
 * @see https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 */
export function markedValues(
  values: unknown,
  unknownMarks: unknown,
  sensitiveMarks: unknown,
  symbolOf: (attribute: string) => string | undefined,
): Record<string, unknown> {
  const out = overlay(values, unknownMarks, sensitiveMarks);
  if (out === null || typeof out !== 'object' || Array.isArray(out)) return {};
  const record = out as Record<string, unknown>;
  for (const [k, v] of Object.entries(record)) {
    const symbol = symbolOf(k);
    if (v instanceof UnknownValue && v.reason === KNOWN_AFTER_APPLY && symbol) record[k] = new UnknownValue(KNOWN_AFTER_APPLY, symbol);
  }
  return record;
}

function overlay(value: unknown, unknown: unknown, sensitive: unknown): unknown {
  if (unknown === true) return new UnknownValue(KNOWN_AFTER_APPLY);
  if (sensitive === true) return new UnknownValue(SENSITIVE);
  if (Array.isArray(value) || Array.isArray(unknown)) {
    const values = Array.isArray(value) ? value : [];
    const marks = Array.isArray(unknown) ? unknown : [];
    const secrets = Array.isArray(sensitive) ? sensitive : [];
    const length = Math.max(values.length, marks.length);
    return Array.from({ length }, (_, i) => overlay(values[i], marks[i], secrets[i]));
  }
  if (isRecord(value) || isRecord(unknown)) {
    const values = isRecord(value) ? value : {};
    const marks = isRecord(unknown) ? unknown : {};
    const secrets = isRecord(sensitive) ? sensitive : {};
    const keys = new Set([...Object.keys(values), ...Object.keys(marks).filter((k) => containsTrue(marks[k]))]);
    return Object.fromEntries([...keys].map((k) => [k, overlay(values[k], marks[k], secrets[k])]));
  }
  return value;
}

/** Whether a mark marks anything (a value it holds is `true`). */
function containsTrue(mark: unknown): boolean {
  if (mark === true) return true;
  if (mark === null || typeof mark !== 'object') return false;
  return Object.values(mark).some(containsTrue);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
