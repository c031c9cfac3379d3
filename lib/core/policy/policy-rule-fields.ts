/**
 * Every field a policy rule reads: each `field` of a condition or a `count`,
 * and each alias a `value` expression reads with `field('<alias>')` or
 * `current('<alias>')`. Each must be an alias Azure knows (or a field of
 * every resource, such as `type`), or Azure refuses the definition.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#fields
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions
 * @internal
 */
export function policyRuleFields(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => policyRuleFields(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k.toLowerCase() === 'field' && typeof v === 'string') out.add(v);
      else policyRuleFields(v, out);
    }
  } else if (typeof node === 'string' && node.startsWith('[') && node.endsWith(']')) {
    for (const m of node.matchAll(/\b(?:field|current)\('([^']+)'\)/gi)) out.add(m[1]);
  }
  return out;
}
