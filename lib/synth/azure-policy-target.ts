import { rulePolicyDefinitions } from '../core/policy/rule-policy-definitions';
import { rulePolicyTemplate } from '../core/policy/rule-policy-initiative';
import { SynthTarget, toJsonFile } from './synth-target';

/**
 * A synth target for the Azure Policy definitions compiled from the
 * library's rules: `definitions/<rule id>.json` (each definition, the body
 * `az policy definition create` and the REST API take), and two ARM templates
 * that create every definition and the initiative grouping them,
 * `azure-policy.management-group.template.json` (`az deployment mg create`)
 * and `azure-policy.subscription.template.json` (`az deployment sub create`).
 * docs/azure-policy.md shows how to deploy and assign them.
 * @see https://learn.microsoft.com/azure/governance/policy/how-to/programmatically-create
 * @category Synthesis targets
 */
export function azurePolicyTarget(): SynthTarget {
  return {
    artifacts: () => {
      const definitions = rulePolicyDefinitions();
      return {
        ...Object.fromEntries(definitions.map((d) => [`definitions/${d.properties.metadata.ruleId}.json`, toJsonFile(d)])),
        'azure-policy.management-group.template.json': toJsonFile(rulePolicyTemplate(definitions, 'managementGroup')),
        'azure-policy.subscription.template.json': toJsonFile(rulePolicyTemplate(definitions, 'subscription')),
      };
    },
  };
}
