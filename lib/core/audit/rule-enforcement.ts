import { Rule } from '../validation/rule';
import { PAYLOAD_ONLY_RULE_IDS, PAYLOAD_RULE_IDS } from './cluster-payload-rules';

/**
 * Where a rule is enforced.
 * @category Audit
 */
export type Enforcement = 'intent' | 'policy pack' | 'audit';

/**
 * Where `rule` is checked: on a definition before synthesis (intent), on
 * Pulumi resources by the CrossGuard policy pack, and on clusters' Azure
 * JSON by `secure-aks audit`. The payload rules are the same for the last two.
 * @category Audit
 */
export function enforcementOf(rule: Rule): Enforcement[] {
  const where: Enforcement[] = PAYLOAD_ONLY_RULE_IDS.has(rule.id) ? [] : ['intent'];
  if (PAYLOAD_RULE_IDS.has(rule.id)) where.push('policy pack', 'audit');
  return where;
}
