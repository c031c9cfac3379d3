import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ALL_RULES,
  AZURE_POLICY_AKS_DEFINITIONS,
  CREATE_ONLY_CLUSTER_PROPERTIES,
  FLOW_LABELS,
  IN_CLUSTER_COVERAGE,
  markdownTable,
  renderRulesTable,
  SECURITY_BASELINE,
} from '../lib';
import { enforcementOf } from '../lib/core/audit/rule-enforcement';
import { azurePolicyOf } from '../lib/core/policy/rule-policy-coverage';
import { CLUSTER_RULES } from '../lib/core/aks/cluster-rule-set';
import { BUILT_IN_POLICY_ALIASES } from '../lib/core/policy/built-in-policy-aliases.generated';
import { ALIASES_NEWER_THAN_SNAPSHOTS, PROVIDER_ALIAS_SNAPSHOT, PROVIDER_NAMING_RULE, PROVIDER_SNAPSHOT_ALIASES } from '../lib/core/policy/policy-alias-evidence';
import { POLICY_API_VERSION, rulePolicyDefinitions } from '../lib/core/policy/rule-policy-definitions';
import { INITIATIVE_NAME } from '../lib/core/policy/rule-policy-initiative';

/** The generated rules page; a test fails when it is out of step with the catalog. */
export function rulesDocument(): string {
  return [
    '# Validation rules',
    '',
    '<!-- Generated from lib/core/validation/rule-catalog.ts by `npm run docs:generate`. Do not edit. -->',
    '',
    'Every rule below is checked before any resource is registered or any file is written.',
    'Errors block; warnings are printed by `npm run synth` and logged by `pulumi up`; infos are',
    'facts recorded in each cluster\'s `security-baseline.md`. The library\'s defaults raise no warning.',
    'A reviewed warning can be accepted in the definition, by rule id with a reason',
    '(`acknowledgements: [{ ruleId, reason }]` on a cluster or a link); it is then no longer printed',
    'and is recorded in the report (SAKS-ACK-*).',
    'Each message names the property, the value, the rule, the fix and the source.',
    'The `SAKS-UPD-*` rules compare a new synth with the template already in `dist/`',
    '(what is deployed) and flag changes Azure cannot make in place.',
    '',
    '"Enforced in" says where each rule is checked: *intent* on a definition before synthesis,',
    '*policy pack* on the Pulumi resources of any program (`secure-aks/policy`), and *audit* on a',
    'cluster\'s Azure JSON (`secure-aks audit`); the last two share one implementation on the ARM',
    'payload. See [enforcing-on-clusters-you-did-not-build.md](enforcing-on-clusters-you-did-not-build.md).',
    '',
    '"Azure Policy" names the custom Azure Policy definition compiled from the rule (the same condition',
    'the library decides), or says why Azure Policy cannot express it. See [azure-policy.md](azure-policy.md).',
    '',
    renderRulesTable(ALL_RULES, enforcementOf, azurePolicyOf),
    '',
    '## Create-only cluster properties',
    '',
    'A change to any of these is a replacement (SAKS-UPD-001; `replaceOnChanges` with',
    '`deleteBeforeReplace` in Pulumi):',
    '',
    ...CREATE_ONLY_CLUSTER_PROPERTIES.map((p) => `- \`properties.${p}\``),
    '- `properties.networkProfile.networkDataplane` when the new dataplane is not Cilium (Azure upgrades to Cilium in place, never back)',
    '- `properties.apiServerAccessProfile.enablePrivateCluster` without API Server VNet Integration',
    '',
  ].join('\n');
}

/** The generated coverage matrix: what each transit encryption mechanism encrypts inside a cluster. */
export function coverageMatrixDocument(): string {
  const mechanisms = Object.keys(IN_CLUSTER_COVERAGE) as (keyof typeof IN_CLUSTER_COVERAGE)[];
  const flows = Object.keys(IN_CLUSTER_COVERAGE.acnsWireGuard) as (keyof (typeof IN_CLUSTER_COVERAGE)['acnsWireGuard'])[];
  const cell = (m: (typeof mechanisms)[number], f: (typeof flows)[number]) => {
    const fact = IN_CLUSTER_COVERAGE[m][f];
    return `${fact.status}${fact.caveat ? ` (${fact.caveat})` : ''}`;
  };
  return [
    '# What each transit encryption mechanism encrypts',
    '',
    '<!-- Generated from IN_CLUSTER_COVERAGE (lib/core/encryption/encryption-coverage.ts) by `npm run docs:generate`. Do not edit. -->',
    '',
    'The same facts produce every `dist/<example>/encryption-coverage.md`. Traffic from the nodes to the',
    'API server is always TLS; its path depends on the API server access mode.',
    '',
    `| Flow | ${mechanisms.join(' | ')} |`,
    `|---|${mechanisms.map(() => '---').join('|')}|`,
    ...flows.map((f) => `| ${FLOW_LABELS[f]} | ${mechanisms.map((m) => cell(m, f)).join(' | ')} |`),
    '',
  ].join('\n');
}

/** The security baseline page: each control, how the default meets it, Checkov's own check, and the test that proves it. */
export function securityBaselineDocument(): string {
  return [
    '# Security baseline',
    '',
    '<!-- Generated from SECURITY_BASELINE (lib/core/aks/security-baseline.ts) by `npm run docs:generate`. Do not edit. -->',
    '',
    'The default cluster configuration meets every control below that it can meet alone; the one',
    'exception is an opt-out that needs a resource only you can bring (a disk encryption set). A',
    'control that is missing is reported as `fail`, never as "not applicable". Every weaker choice is',
    'visible: it is a warning on every synth and deployment (SAKS-BASE-*, see',
    '[validation-rules.md](validation-rules.md)). `npm run synth` writes the evaluation of each cluster',
    'to `dist/<example>/security-baseline.md`, from its exact ARM payload and the encryption its',
    'deployment actually contains.',
    '',
    'Checkov\'s ARM checks are replicated as written, so a report never claims a pass that Checkov',
    'would not give. Where Checkov inspects something else than the control (a key spelt',
    'differently from Azure\'s documents, a boolean where the API takes a string, the first node pool',
    'only, no exemption for private clusters), the report gives Checkov\'s verdict and the reason.',
    '',
    markdownTable(
      ['Control', 'What', 'How the library meets it', 'Checkov check', 'Opt-out and why', 'Test'],
      SECURITY_BASELINE.map((c) => [
        c.id,
        c.title,
        c.how,
        c.checkov ? `${c.checkov.id}${c.checkov.evaluate ? ': checks ' : ': no ARM check. '}${c.checkov.inspects}` : '',
        c.optOut ?? '',
        `security baseline ${c.id} > ${c.title}: met by the default configuration, or a documented opt-out`,
      ]),
    ),
    '',
    '## Azure Policy built-in definitions',
    '',
    'Every `security-baseline*.md` also reports each of Azure Policy\'s built-in definitions for managed',
    'clusters, evaluated by the library on the cluster\'s exact payload with the definition\'s own `if`',
    'condition and default parameters (`evaluateAksBuiltInPolicies`). The definitions are vendored by',
    '`scripts/vendor-azure-policy.ts`; their source and version are recorded in',
    '`lib/core/policy/azure-policy-definitions.generated.ts`.',
    '',
    markdownTable(
      ['Definition', 'Id', 'Version', 'Effect (default)'],
      AZURE_POLICY_AKS_DEFINITIONS.map((d) => [d.displayName, d.name, d.version ?? '', String(d.parameters.effect?.defaultValue ?? '')]),
    ),
    '',
  ].join('\n');
}

/** The Azure Policy page: how to deploy the compiled definitions, each definition, and the proof of each alias it uses. */
export function azurePolicyDocument(): string {
  const definitions = rulePolicyDefinitions();
  const used = new Set(definitions.flatMap((d) => JSON.stringify(d.properties.policyRule.if).match(/"field":"[^"]+"/g) ?? []).map((f) => f.slice(9, -1).toLowerCase()));
  const builtIn = BUILT_IN_POLICY_ALIASES.filter((a) => used.has(a.alias.toLowerCase()));
  return [
    '# Azure Policy definitions compiled from the rules',
    '',
    '<!-- Generated from the rules (lib/core/policy/) by `npm run docs:generate`. Do not edit. -->',
    '',
    `${definitions.length} of the ${CLUSTER_RULES.length} rules the library decides on a cluster are also custom Azure Policy`,
    'definitions. Such a rule is written once, as a condition on the managed cluster resource over its',
    'REST properties (`lib/core/rules/resource-condition.ts`): the library decides that condition for a',
    'definition, `npm run synth`, the CrossGuard policy pack and `secure-aks audit` (a value it cannot',
    'know leaves the rule undecided), and the same condition is compiled into the definition\'s `if`',
    'with Azure Policy\'s aliases. No definition is written by hand. Every other rule says in the',
    '"Azure Policy" column of [validation-rules.md](validation-rules.md) why Azure Policy cannot express it.',
    '',
    'The definitions follow the conventions of Microsoft\'s built-ins: an `effect` parameter (Audit,',
    'Deny or Disabled; Audit by default), category Kubernetes, a semantic version (a test fails when a',
    'definition changes without a new version), the rule id, severity and sources in `metadata`. Each',
    'is named by ARM\'s `guid(\'secure-aks\', \'<rule id>\')`, so its name never changes between releases;',
    `the initiative (policy set) grouping them all is \`${INITIATIVE_NAME}\`, with one \`effect\` parameter`,
    'for every definition. <https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics>',
    '',
    '## What synth writes',
    '',
    'A definition file whose default export is `azurePolicyTarget()` (from `secure-aks/synth`), such as',
    '[examples/azure-policy/definition.ts](../examples/azure-policy/definition.ts), writes into `dist/<target>/`:',
    '',
    '- `definitions/<rule id>.json`: each definition, as the REST API and `az policy definition create` take it;',
    '- `azure-policy.management-group.template.json`: an ARM template creating every definition and the',
    '  initiative in a management group (the usual place: every subscription under it can be assigned);',
    '- `azure-policy.subscription.template.json`: the same in one subscription.',
    '',
    `Both templates use \`Microsoft.Authorization/policyDefinitions\` and \`policySetDefinitions\` at ${POLICY_API_VERSION},`,
    'the version azure-native\'s typed resources send. The expressions of the policies themselves',
    '(`[parameters(\'effect\')]`) are escaped as `[[...]` so the deployment writes them for Azure Policy.',
    '',
    '## Deploying with the Azure CLI, Bicep or ARM',
    '',
    '```sh',
    'npx secure-aks synth examples/azure-policy --output dist',
    'az deployment mg create --management-group-id platform --location westeurope \\',
    '  --template-file dist/azure-policy/azure-policy.management-group.template.json',
    '# the initiative id is the deployment\'s output initiativeId',
    'az policy assignment create --name secure-aks --scope /providers/Microsoft.Management/managementGroups/platform \\',
    `  --policy-set-definition /providers/Microsoft.Management/managementGroups/platform/providers/Microsoft.Authorization/policySetDefinitions/${INITIATIVE_NAME} \\`,
    '  --params \'{ "effect": { "value": "Audit" } }\'',
    'az policy exemption create --name legacy-aks --scope <cluster id> --exemption-category Waiver \\',
    '  --policy-assignment <assignment id> --policy-definition-reference-ids SAKS-BASE-005 \\',
    '  --description "replaced by payments-v2 in Q3, ticket OPS-142"',
    '```',
    '',
    'In one subscription, `az deployment sub create --location westeurope --template-file',
    'dist/azure-policy/azure-policy.subscription.template.json`. One definition alone:',
    '`az policy definition create --name <name> --mode Indexed --rules "$(jq .properties.policyRule <file>)"',
    '--params "$(jq .properties.parameters <file>)" --display-name "$(jq -r .properties.displayName <file>)"`.',
    'Bicep deploys the ARM template as a module (`targetScope = \'managementGroup\'`, then',
    '`module secureAksPolicies \'azure-policy.management-group.template.json\' = { name: \'secure-aks-policies\' }`).',
    'An assignment\'s `overrides` set another effect for some definitions, selected by their reference id,',
    'which is the rule id. <https://learn.microsoft.com/azure/governance/policy/concepts/assignment-structure#overrides>',
    '<https://learn.microsoft.com/azure/azure-resource-manager/bicep/modules#local-file>',
    '',
    '## Deploying with Pulumi',
    '',
    '`AzurePolicyInitiative` (from `secure-aks/pulumi`) registers the same definitions and initiative',
    '(azure-native `PolicyDefinitionAtManagementGroup` and `PolicySetDefinitionAtManagementGroup`, or in',
    'the provider\'s subscription without `managementGroupId`), an optional `PolicyAssignment` with',
    'per-rule effects, and a `PolicyExemption` for each exemption. An exemption must give its reason',
    '(at least 20 characters, recorded as its description), its category (Mitigated or Waiver) and may',
    'name the rules it exempts and when it ends; every input is checked before anything is registered.',
    '',
    '```ts',
    'new AzurePolicyInitiative(\'secure-aks\', {',
    '  managementGroupId: \'platform\',',
    '  assignment: {',
    '    scope: \'/providers/Microsoft.Management/managementGroups/platform\',',
    '    effect: \'Audit\',',
    '    effects: { \'SAKS-BASE-016\': \'Deny\', \'SAKS-NET-011\': \'Deny\' },',
    '    exemptions: [{ name: \'legacy-aks\', scope: legacyClusterId, ruleIds: [\'SAKS-BASE-005\'], category: \'Waiver\', reason: \'replaced by payments-v2 in Q3, ticket OPS-142\' }],',
    '  },',
    '});',
    '```',
    '',
    '## The definitions',
    '',
    markdownTable(
      ['Rule', 'Definition', 'Display name', 'Version'],
      definitions.map((d) => [d.properties.metadata.ruleId, d.name, d.properties.displayName, d.properties.version]),
    ),
    '',
    '## Every alias is proven',
    '',
    'Azure refuses a definition that uses an alias it does not know. Each alias the definitions use is',
    'shown to exist (a test fails otherwise), in this order:',
    '',
    '1. a built-in definition of Microsoft uses it (found by `scripts/vendor-policy-aliases.ts` in',
    '   Azure/azure-policy, recorded in `lib/core/policy/built-in-policy-aliases.generated.ts`):',
    '',
    markdownTable(['Alias', 'Built-in definition that uses it'], builtIn.map((a) => [a.alias, `${a.definition} (${a.file})`])),
    '',
    `2. the provider's alias list, as the ARM providers API returns it (\`$expand=resourceTypes/aliases\`), in the snapshot PSRule for Azure keeps (${PROVIDER_ALIAS_SNAPSHOT.repository}, \`${PROVIDER_ALIAS_SNAPSHOT.path}\` at commit ${PROVIDER_ALIAS_SNAPSHOT.commit.slice(0, 8)}, ${PROVIDER_ALIAS_SNAPSHOT.licence} licence; its newest API version of managed clusters is ${PROVIDER_ALIAS_SNAPSHOT.newestApiVersion}):`,
    '',
    ...PROVIDER_SNAPSHOT_ALIASES.map((a) => `   - \`${a}\``),
    '',
    '3. properties newer than every snapshot, which no built-in uses yet. Their aliases are named by the',
    `   provider's naming rule: ${PROVIDER_NAMING_RULE}.`,
    '',
    ...ALIASES_NEWER_THAN_SNAPSHOTS.map((a) => `   - \`${a.alias}\` (\`${a.property}\`)`),
    '',
    '   If Azure does not know one of them yet, creating that definition fails and the deployment names',
    '   the alias: remove that definition\'s file (and its reference) or deploy the others; the rule',
    '   itself is still enforced by the policy pack and the audit.',
    '',
    '## Limits',
    '',
    '- Agreement is proven with the library\'s own evaluator of Azure Policy (the one that evaluates the',
    '  built-ins on every synthesized cluster), on every example, every misconfiguration of the corpus,',
    '  and every value an unknown could take; not against Azure itself.',
    '- The node pool definitions read the cluster\'s `agentPoolProfiles`. Azure returns every pool there,',
    '  so a compliance scan sees them all; but a pool created on its own (`managedClusters/agentPools`)',
    '  is not judged when it is created, so Deny does not stop it. Rules that combine the cluster\'s',
    '  settings with its pools are not compiled for this reason.',
    '- Azure Policy judges the values Azure stores. Where the library cannot know a value (a template',
    '  parameter without a default) it says undecided; Azure Policy will decide on the deployed value.',
    '',
  ].join('\n');
}

/** Every generated page, by path below docs/. */
export function generatedDocuments(): Record<string, string> {
  return {
    'validation-rules.md': rulesDocument(),
    'encryption-coverage-matrix.md': coverageMatrixDocument(),
    'security-baseline.md': securityBaselineDocument(),
    'azure-policy.md': azurePolicyDocument(),
  };
}

if (require.main === module) {
  for (const [name, content] of Object.entries(generatedDocuments())) {
    const file = path.resolve(__dirname, '../docs', name);
    fs.writeFileSync(file, content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
