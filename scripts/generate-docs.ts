import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ALL_RULES,
  AZURE_POLICY_AKS_DEFINITIONS,
  BUILT_IN_TIES,
  CITED_CLAUSES,
  CitedClause,
  FRAMEWORK_LABELS,
  FRAMEWORKS_NOTE,
  frameworkClausesLine,
  frameworkClausesText,
  markdownLink,
  REGULATORY_INITIATIVES,
  REGULATORY_INITIATIVES_COMMIT,
  COMPONENT_LABELS,
  CREATE_ONLY_CLUSTER_PROPERTIES,
  FLOW_LABELS,
  IN_CLUSTER_COVERAGE,
  markdownTable,
  renderRulesTable,
  Rules,
  SECURITY_BASELINE,
  decidingRuleIds,
  SUPPORT_WARNING_DAYS,
  SUPPORT_WINDOWS,
  SECURITY_ADVISORIES,
  UNDATED_SUPPORT,
} from '../lib';
import { admissionPoliciesOf } from '../lib/core/admission/admission-policy-catalog';
import { enforcementOf } from '../lib/core/audit/rule-enforcement';
import { withCatalogSeverities } from './rule-severity-mentions';
import { azurePolicyOf } from '../lib/core/policy/rule-policy-coverage';
import { CLUSTER_RULES } from '../lib/core/aks/cluster-rule-set';
import { BUILT_IN_POLICY_ALIASES } from '../lib/core/policy/built-in-policy-aliases.generated';
import { ALIASES_NEWER_THAN_SNAPSHOTS, PROVIDER_NAMING_RULE } from '../lib/core/policy/policy-alias-evidence';
import { PROVIDER_ALIAS_SNAPSHOTS, PROVIDER_SNAPSHOT_ALIASES } from '../lib/core/policy/provider-aliases.generated';
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
    '"Admission policy" names the ValidatingAdmissionPolicy that the charts apply with the objects it guards,',
    'so that the cluster\'s API server keeps enforcing the rule after deployment. See',
    '[admission-policies.md](admission-policies.md).',
    '',
    '"Azure Policy" names the custom Azure Policy definition compiled from the rule (the same condition,',
    'or resource required on the cluster, the library decides), or says why Azure Policy cannot express',
    'it. See [azure-policy.md](azure-policy.md).',
    '',
    renderRulesTable(ALL_RULES, enforcementOf, admissionPoliciesOf, azurePolicyOf),
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
    'The default cluster configuration meets every control below that it can meet alone; the',
    `exceptions are the opt-outs, which need a resource only you can bring (${SECURITY_BASELINE.filter((c) => c.optOut).map((c) => c.id).join(', ')}). A`,
    'control that is missing is reported as `fail`, never as "not applicable". Every weaker choice is',
    'visible: a rule reports it on every synth and deployment (SAKS-BASE-*, each with its severity in',
    '[validation-rules.md](validation-rules.md)).',
    '',
    'Each control is decided by the rules of the catalog in its "Decided by" column, and by nothing',
    'else: the same rules a definition\'s validation, the policy pack and `secure-aks audit` run. A',
    'control fails when one of its rules fails (an opt-out control is `opt-out` then), is',
    '`not-verified` when one of them is undecided (a value not known offline, a resource not read),',
    'is `partial` when a rule marked "(partial)" fails, and passes otherwise. `npm run synth` writes',
    'the evaluation of each cluster to `dist/<example>/security-baseline.md`, from its exact ARM',
    'payload and the Kubernetes objects its deployment applies; the audit and the evidence pack give',
    'each control with the facts its rules read.',
    '',
    'Checkov\'s ARM checks are replicated as written, so a report never claims a pass that Checkov',
    'would not give. Where Checkov inspects something else than the control (a key spelt',
    'differently from Azure\'s documents, a boolean where the API takes a string, the first node pool',
    'only, no exemption for private clusters), the report gives Checkov\'s verdict and the reason.',
    '',
    FRAMEWORKS_NOTE.replace('docs/frameworks.md', '[frameworks.md](frameworks.md)'),
    '',
    markdownTable(
      ['Control', 'What', 'Decided by', 'How the library meets it', 'Checkov check', 'Frameworks', 'Opt-out and why', 'Test'],
      SECURITY_BASELINE.map((c) => [
        c.id,
        c.title,
        decidingRuleIds(c),
        c.how,
        c.checkov ? `${c.checkov.id}${c.checkov.evaluate ? ': checks ' : ': no ARM check. '}${c.checkov.inspects}` : '',
        frameworkClausesLine(c.id),
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

/** Each cited clause once, with every rule or control it is cited for, in the order first cited. */
function citedRows(): { readonly clause: CitedClause; readonly ids: string[] }[] {
  const rows = new Map<string, { clause: CitedClause; ids: string[] }>();
  for (const [id, clauses] of Object.entries(CITED_CLAUSES)) {
    for (const clause of clauses) {
      const key = JSON.stringify([clause.framework, clause.control, clause.citation, clause.source]);
      const row = rows.get(key) ?? { clause, ids: [] };
      row.ids.push(id);
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

/** The frameworks page: where each mapping comes from, the ties to built-ins and the cited clauses. */
export function frameworksDocument(): string {
  const builtIn = new Map(AZURE_POLICY_AKS_DEFINITIONS.map((d) => [d.name, d]));
  const clausesOfBuiltIn = (name: string) => {
    const text = frameworkClausesText(
      REGULATORY_INITIATIVES.flatMap((i) =>
        (i.members.find((m) => m.policyDefinitionName === name)?.groupNames ?? []).map((g) => ({
          framework: i.framework,
          frameworkName: i.displayName,
          control: g.slice(i.groupPrefix.length),
          basis: { kind: 'built-in' as const, policyDefinitionName: name, displayName: builtIn.get(name)!.displayName, initiative: i.displayName },
        })),
      ),
    );
    return text === 'unmapped' ? 'none: no vendored initiative assigns it' : text;
  };
  return [
    '# Compliance frameworks',
    '',
    '<!-- Generated from lib/core/compliance/ by `npm run docs:generate`. Do not edit. -->',
    '',
    'Auditors ask which clauses of a framework a control supports. Every rule in',
    '[validation-rules.md](validation-rules.md) and every control in [security-baseline.md](security-baseline.md),',
    'and every `security-baseline*.md` that `npm run synth` writes, lists them in its Frameworks column;',
    '`secure-aks audit` gives them with each finding and control (text, JSON, SARIF tags).',
    '`frameworkClausesOf(id)` returns them with their basis, for your own reports.',
    '',
    'A clause has one of two bases, and no other:',
    '',
    '- **Built-in.** Microsoft publishes regulatory-compliance initiatives for Azure Policy: each assigns',
    '  built-in policy definitions to the controls of a framework (its policy definition groups,',
    '  <https://learn.microsoft.com/azure/governance/policy/concepts/regulatory-compliance>). Where a rule or',
    '  a baseline control checks the same property of the cluster as one of the AKS built-ins, it supports',
    '  exactly the groups Microsoft assigns that built-in. The ties are below, with what both check and,',
    '  where they do not decide alike on every payload, how they differ.',
    '- **Cited.** A control that no built-in checks is mapped only from the framework\'s public text, whose',
    '  requirement is paraphrased with its address. These are marked "(cited)".',
    '',
    'Anything else is **unmapped**: the library claims no clause for it. That is not a statement that the',
    'control is irrelevant to a framework, only that no public basis is recorded here. A clause is met by',
    'everything an organisation does; a control that supports it is evidence for it, not the whole of it.',
    '',
    '## Frameworks',
    '',
    `The initiatives are vendored by \`scripts/vendor-regulatory-initiatives.ts\` from <https://github.com/Azure/azure-policy> at commit \`${REGULATORY_INITIATIVES_COMMIT}\` (MIT licence), the commit of the vendored built-ins. A clause is written as the initiative writes it, without the initiative's prefix (\`NIST_SP_800-53_R5_SC-7(3)\` is SC-7(3); DORA's 9.3a is Article 9(3)(a); NIS2's 21 is Article 21).`,
    '',
    markdownTable(
      ['Framework', 'Id', "Microsoft's initiative", 'Version', 'File', 'Groups', 'AKS built-ins assigned'],
      REGULATORY_INITIATIVES.map((i) => [FRAMEWORK_LABELS[i.framework] ?? i.framework, i.framework, i.displayName, i.version, i.file, String(i.groups.length), String(i.members.filter((m) => m.groupNames.length > 0).length)]),
    ),
    '',
    'To read them at another commit: `npx tsx scripts/vendor-regulatory-initiatives.ts <clone of Azure/azure-policy> <commit>`, then `npm run docs:generate`; the tests check every mapped clause against the groups read.',
    '',
    'What the initiatives do not cover:',
    '',
    '- ISO/IEC 27001:2022: Microsoft\'s initiative holds clauses 6 to 10 of the management system, not the',
    '  Annex A controls (A.8.20 networks security, A.8.24 use of cryptography). The standard\'s text is not',
    '  public, so no Annex A control is cited.',
    '- SWIFT CSCF 2024: its text is available to SWIFT users only, so no SWIFT clause is cited. PCI DSS',
    '  v4.0.1 is in the PCI Security Standards Council\'s document library; the one clause cited from it',
    '  (4.2.1) says its own scope: open, public networks.',
    '- CIS Azure Foundations 3.0.0 assigns none of the AKS built-ins.',
    '- Azure/azure-policy also holds NIST SP 800-53 R5.1.1, a second NIS2 initiative and a preview of the',
    '  Microsoft cloud security benchmark v2; they are not vendored.',
    '',
    '## Rules and controls tied to built-ins',
    '',
    markdownTable(
      ['Built-in', 'Definition', 'What both check', 'Rules and controls', 'Where they differ', 'Clauses'],
      BUILT_IN_TIES.map((t) => [
        builtIn.get(t.policyDefinitionName)?.displayName ?? t.policyDefinitionName,
        t.policyDefinitionName,
        t.sameCheck,
        t.controls.map((c) => c.id).join(', '),
        t.controls.filter((c) => c.differs).map((c) => `${c.id}: ${c.differs}`).join('; '),
        clausesOfBuiltIn(t.policyDefinitionName),
      ]),
    ),
    '',
    '## Cited clauses',
    '',
    'Each clause, with the rules and controls it is cited for:',
    '',
    markdownTable(
      ['Framework', 'Clause', 'What it asks', 'Rules and controls', 'Source'],
      citedRows().map((r) => [FRAMEWORK_LABELS[r.clause.framework] ?? r.clause.framework, r.clause.control, r.clause.citation, r.ids.join(', '), { raw: markdownLink(r.clause.source) }]),
    ),
    '',
  ].join('\n');
}

/** The Azure Policy page: how to deploy the compiled definitions, each definition, and the proof of each alias it uses. */
export function azurePolicyDocument(): string {
  const definitions = rulePolicyDefinitions();
  const used = new Set(definitions.flatMap((d) => JSON.stringify(d.properties.policyRule).match(/"field":"[^"]+"/g) ?? []).map((f) => f.slice(9, -1).toLowerCase()));
  const builtIn = BUILT_IN_POLICY_ALIASES.filter((a) => used.has(a.alias.toLowerCase()));
  const provenByBuiltIn = new Set(builtIn.map((a) => a.alias.toLowerCase()));
  const byKind = (kind: 'condition' | 'pools' | 'existence') =>
    definitions.filter((d) => (d.properties.policyRule.then.details ? 'existence' : d.properties.mode === 'All' ? 'pools' : 'condition') === kind).map((d) => d.properties.metadata.ruleId);
  return [
    '# Azure Policy definitions compiled from the rules',
    '',
    '<!-- Generated from the rules (lib/core/policy/) by `npm run docs:generate`. Do not edit. -->',
    '',
    `${definitions.length} of the ${CLUSTER_RULES.length} rules the library decides on a cluster are also custom Azure Policy`,
    'definitions. Such a rule is written once, over the REST properties of the resources Azure Policy',
    'judges (`lib/core/rules/resource-condition.ts`): the library decides it for a definition, `npm run',
    'synth`, the CrossGuard policy pack and `secure-aks audit` (a value it cannot know leaves the rule',
    'undecided), and the same rule is compiled into the definition with Azure Policy\'s aliases. No',
    'definition is written by hand. Every other rule says in the "Azure Policy" column of',
    '[validation-rules.md](validation-rules.md) why Azure Policy cannot express it.',
    '',
    'Three kinds of rule compile, each the way Microsoft\'s built-ins judge that kind of fact:',
    '',
    `- a condition on the managed cluster (\`Microsoft.ContainerService/managedClusters\`), mode \`Indexed\`: ${byKind('condition').join(', ')};`,
    '- a condition on each node pool, mode `All`: the definition flags a cluster one of whose',
    '  `agentPoolProfiles[*]` meets it (a `count`, as the built-in "Temp disks and cache for agent node pools',
    '  in Azure Kubernetes Service clusters should be encrypted at host" does), and a node pool created as',
    '  a resource of its own (`Microsoft.ContainerService/managedClusters/agentPools`) that meets it, which',
    '  Azure Policy judges apart from its cluster and which `Indexed` would leave out (it carries no tags',
    `  or location of its own): ${byKind('pools').join(', ')};`,
    '- a resource required on the cluster, as `AuditIfNotExists` with `details.type` and an',
    '  `existenceCondition` (as the built-in "Resource logs in Azure Kubernetes Service should be enabled"',
    '  does): a diagnostic setting that sends the API server\'s audit log (`kube-audit` or `kube-audit-admin`,',
    `  or the category group \`audit\` or \`allLogs\`), and a \`CanNotDelete\` lock: ${byKind('existence').join(', ')}.`,
    '  <https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists>',
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
    '2. the provider\'s alias list, as the ARM providers API returns it (`GET /providers/<namespace>?$expand=resourceTypes/aliases`),',
    '   in the dated snapshots PSRule for Azure keeps, read by `scripts/vendor-provider-aliases.ts` into',
    '   `lib/core/policy/provider-aliases.generated.ts` with the REST path each alias names (a test checks',
    '   that it is the property the rule reads):',
    '',
    markdownTable(
      ['Snapshot', 'Commit', 'Licence'],
      PROVIDER_ALIAS_SNAPSHOTS.map((s) => [`${s.repository}, ${s.path}`, s.commit, s.licence]),
    ),
    '',
    markdownTable(
      ['Alias', 'REST path', 'Type in the snapshot (newest API version)'],
      PROVIDER_SNAPSHOT_ALIASES.filter((a) => !provenByBuiltIn.has(a.alias.toLowerCase())).map((a) => [a.alias, a.path, `${a.resourceType} (${a.newestApiVersion ?? 'none listed'})`]),
    ),
    '',
    '3. properties newer than every snapshot, which no built-in uses yet. Their aliases are named by the',
    `   provider's naming rule: ${PROVIDER_NAMING_RULE}.`,
    '',
    ...ALIASES_NEWER_THAN_SNAPSHOTS.map((a) => `   - \`${a.alias}\` (\`${a.property}\`): ${a.why}.`),
    '',
    '   If Azure does not know one of them yet, creating that definition fails and the deployment names',
    '   the alias: remove that definition\'s file (and its reference) or deploy the others; the rule',
    '   itself is still enforced by the policy pack and the audit.',
    '',
    'The definitions follow the conventions of Microsoft\'s built-ins: an `effect` parameter (Audit,',
    'Deny or Disabled, Audit by default; AuditIfNotExists or Disabled for a required resource),',
    'category Kubernetes, a semantic version (a test fails when a definition changes without a new',
    'version), the rule id, severity and sources in `metadata`. Each is named by ARM\'s',
    '`guid(\'secure-aks\', \'<rule id>\')`, so its name never changes between releases; the initiative',
    `(policy set) grouping them all is \`${INITIATIVE_NAME}\`, with one \`effect\` parameter for the`,
    'definitions of a condition and one `effectIfNotExists` for those of a required resource.',
    '<https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics>',
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
    '  --params \'{ "effect": { "value": "Audit" }, "effectIfNotExists": { "value": "AuditIfNotExists" } }\'',
    'az policy exemption create --name legacy-aks --scope <cluster id> --exemption-category Waiver \\',
    '  --policy-assignment <assignment id> --policy-definition-reference-ids SAKS-BASE-005 \\',
    '  --description "replaced by payments-v2 in Q3, ticket OPS-142"',
    '```',
    '',
    'In one subscription, `az deployment sub create --location westeurope --template-file',
    'dist/azure-policy/azure-policy.subscription.template.json`. One definition alone:',
    '`az policy definition create --name <name> --mode "$(jq -r .properties.mode <file>)" --rules "$(jq .properties.policyRule <file>)"',
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
    'import { AzurePolicyInitiative } from \'secure-aks/pulumi\';',
    '',
    '// The cluster to exempt, by its resource id.',
    'const legacyClusterId = \'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-legacy/providers/Microsoft.ContainerService/managedClusters/legacy-aks\';',
    '',
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
    '## Limits',
    '',
    '- Agreement is proven with the library\'s own evaluator of Azure Policy (the one that evaluates the',
    '  built-ins on every synthesized cluster), on every example, every misconfiguration of the corpus,',
    '  and every value an unknown could take; not against Azure itself.',
    '- Rules that combine the cluster\'s settings with its pools\' are not compiled: Azure Policy judges a',
    '  pool created as an `agentPools` resource without its cluster.',
    '- An AuditIfNotExists definition only reports (it never refuses a deployment), and Azure looks for the',
    '  required resource on the cluster itself: a lock on the resource group, like the rule, does not count.',
    '- Azure Policy judges the values Azure stores. Where the library cannot know a value (a template',
    '  parameter without a default) it says undecided; Azure Policy will decide on the deployed value.',
    '',
  ].join('\n');
}

/** Every generated page, by path below docs/. */
/** The support windows page: the one table the support-window rules read, with each owner's source. */
export function supportWindowsDocument(): string {
  const dated = SUPPORT_WINDOWS.map((w) => [COMPONENT_LABELS[w.component], w.line, w.endOfSupport, w.note ?? '', { raw: `<${w.source}>` }]);
  const undated = UNDATED_SUPPORT.map((u) => [COMPONENT_LABELS[u.component], u.line, u.note, { raw: `<${u.source}>` }]);
  const advisories = SECURITY_ADVISORIES.map((a) => [COMPONENT_LABELS[a.component], { raw: `[${a.id}](${a.url})` }, a.published, a.fixedIn.join(', '), a.olderLinesAffected ? 'yes' : 'no', a.note]);
  return [
    '# Support windows',
    '',
    '<!-- Generated from SUPPORT_WINDOWS and UNDATED_SUPPORT (lib/core/versions/support-windows.ts) and SECURITY_ADVISORIES (lib/core/versions/security-advisories.ts) by `npm run docs:generate`. Do not edit. -->',
    '',
    'Every version a cluster runs or the library installs is checked against its owner\'s published',
    'support policy, on an **evaluation date**:',
    '',
    `- (${Rules.supportEnding.id}, ${Rules.supportEnding.severity}): support ends within ${SUPPORT_WARNING_DAYS} days of the evaluation date: plan the upgrade.`,
    `- (${Rules.supportEnded.id}, ${Rules.supportEnded.severity}): support ended before the evaluation date: the version gets no security patches.`,
    '- A version the table cannot date (a release whose end waits on a later release, a version newer',
    '  than the table, a value only known at deployment) is **undecided**, with the reason: never passed, never failed.',
    '  A minor older than the oldest dated AKS, Istio, cert-manager or Calico minor has ended once that one has',
    '  (those owners end support in minor order).',
    '',
    'What is checked: the cluster\'s `kubernetesVersion` and `currentKubernetesVersion`, each node pool\'s',
    '`orchestratorVersion` and `currentOrchestratorVersion` (AKS versions such as `1.33` or `1.33.2`: the',
    'minor decides), the AKS Istio add-on `serviceMeshProfile.istio.revisions`, and the cluster resource\'s',
    'ARM API version when it is a preview; and what the library installs: upstream Istio and cert-manager',
    '(or a platform\'s or estate\'s `versions`), Calico, the `microsoft.flux` extension and every preview',
    'ARM API version it writes. Each cluster\'s `security-baseline.md` lists what the cluster runs and what',
    'its deployment installs, with their status on the evaluation date.',
    'Calico Open Source supports its two newest minors: a minor is dated once the second minor after it is released.',
    '',
    '## Setting the evaluation date',
    '',
    'The date is an input, `YYYY-MM-DD` in UTC, by default today. The same input on the same date gives',
    'byte-identical output, and every report records the date used. A value that is not a calendar date',
    `is refused with the library's error (${Rules.evaluationDate.id}, ${Rules.evaluationDate.severity}).`,
    '',
    '| Where | How |',
    '|---|---|',
    '| `secure-aks synth` | `--evaluation-date 2026-12-01` (the repository\'s `npm run synth` pins one, so `dist/` does not change from one day to the next) |',
    '| `secure-aks audit` | `--evaluation-date 2026-12-01`; recorded in the text report, the JSON (`evaluationDate`) and the SARIF run\'s `properties` |',
    '| definitions | `validateHardenedCluster(props, { evaluationDate })`, `ManagedClusterModel.build(props, { evaluationDate })`, and the same option of `RegulatedPlatformModel.build`, `EstateModel.build`, `validateRegulatedPlatform` and `validateEstate` |',
    '| synth targets | `synthesize(targets, out, { evaluationDate })` passes it to each target; `regulatedPlatformTarget` and `estateTarget` give it to their build function, which must pass it on: `estateTarget((options) => EstateModel.build(props, options))` |',
    '| policy pack | the policy configuration\'s `evaluationDate` for `saks-ver-001` and `saks-ver-002` (`pulumi preview --policy-pack-config`) |',
    '| Pulumi components | `new HardenedCluster(name, { ...props, resourceGroupName, evaluationDate })`; `RegulatedPlatform` and `RegulatedEstate` judge their clusters on the date their model was built with (`RegulatedPlatformModel.build(props, { evaluationDate })`); each component records it as `evaluationDate`, and a version that has ended stops the program before anything is registered |',
    '',
    '## Dated ends of support',
    '',
    'An end given as a month means the version is supported through the last day of that month, as',
    'Microsoft\'s AKS calendar defines it.',
    '',
    markdownTable(['Component', 'Release line', 'End of support', 'Note', 'Source'], dated),
    '',
    '## Lines whose end is not dated yet',
    '',
    markdownTable(['Component', 'Release line', 'Why', 'Source'], undated),
    '',
    '## Published security fixes',
    '',
    `A version the library installs (upstream Istio: a platform's or estate's \`versions.istio\`, or the`,
    `default) is also checked against the security advisories its owner published on or before the`,
    `evaluation date (${Rules.securityFixPublished.id}, ${Rules.securityFixPublished.severity}): a release older than the first patch of its line that`,
    'carries the fix fails, with that patch to pin. A line older than every line the advisory lists fails',
    'too when the advisory says older releases are affected. A line the advisory does not list passes.',
    'A version that names no patch (`1.30`, a release candidate, a value only known at deployment) is',
    '**undecided**. The AKS Istio add-on is not judged here: a revision (`asm-1-30`) names no patch, and the',
    'patch within a revision is Microsoft\'s to roll out, not the definition\'s',
    '(<https://learn.microsoft.com/azure/aks/istio-upgrade#patch-version-upgrade>).',
    '',
    markdownTable(['Component', 'Advisory', 'Published', 'First fixed patch per line', 'Older lines affected', 'What it fixes'], advisories),
    '',
  ].join('\n');
}

/** The layers page: which rule each layer enforces, how to assign the initiative, and a scheduled tenant audit with drift. */
export function enforcingLayersDocument(): string {
  const layers = ALL_RULES.map((r) => {
    const where = enforcementOf(r);
    const policy = azurePolicyOf(r);
    return {
      rule: r,
      definition: where.includes('intent'),
      preview: where.includes('policy pack'),
      azurePolicy: policy.startsWith('definition ') ? policy.slice('definition '.length) : undefined,
      admission: admissionPoliciesOf(r),
      audit: where.includes('audit'),
    };
  });
  const count = (f: (l: (typeof layers)[number]) => boolean) => layers.filter(f).length;
  const mark = (on: boolean) => (on ? 'yes' : '');
  return [
    '# Enforcing at every layer',
    '',
    '<!-- Generated from the rule catalog and the layers that compile or run each rule by `npm run docs:generate`. Do not edit. -->',
    '',
    'A cluster changes after day 0: in the portal, with `az aks update`, from another team\'s Terraform, with',
    '`kubectl edit`. Each layer below runs or compiles the same rule, written once beside its domain, so a',
    'change is caught wherever it is made. A rule a layer cannot see (a property of another resource, a',
    'Kubernetes object, a calendar) is left to the layers that can, and the tables say which.',
    '',
    '| Layer | When it runs | What it sees | Rules |',
    '|---|---|---|---|',
    `| Definition | \`new HardenedCluster(...)\`, \`cdk8s synth\`, \`secure-aks synth\`, before anything is registered or written | the definition and the payload the library builds from it | ${count((l) => l.definition)} |`,
    `| Preview | \`pulumi preview\` and \`pulumi up\`, the CrossGuard policy pack ([enforcing-on-clusters-you-did-not-build.md](enforcing-on-clusters-you-did-not-build.md#the-policy-pack)) | every resource of the stack, the library\'s or not | ${count((l) => l.preview)} |`,
    `| Azure Policy | every create and update in the subscriptions under the assignment ([azure-policy.md](azure-policy.md)) | one managed cluster or node pool (\`agentPools\`) resource per request, with the diagnostic settings and locks on a cluster | ${count((l) => l.azurePolicy !== undefined)} |`,
    `| Admission | every create and update of the guarded Kubernetes objects, in the API server ([admission-policies.md](admission-policies.md)) | one Kubernetes object per request | ${count((l) => l.admission.length > 0)} |`,
    `| Scheduled audit | \`secure-aks audit\` of the tenant, with \`--approved\` for drift ([enforcing-on-clusters-you-did-not-build.md](enforcing-on-clusters-you-did-not-build.md#drift-secure-aks-audit---approved)) | what Azure Resource Graph, a GET or \`az\` describes, and the approved synth | ${count((l) => l.audit)} |`,
    '',
    '## Assigning the initiative at a management group',
    '',
    'Synthesize the definitions and deploy them where every subscription below can be assigned, then assign',
    'the initiative in Audit first, and move definitions to Deny one by one once the audit is clean:',
    '',
    '```sh',
    'npx secure-aks synth examples/azure-policy --output dist',
    'az deployment mg create --management-group-id platform --location westeurope \\',
    '  --template-file dist/azure-policy/azure-policy.management-group.template.json',
    `az policy assignment create --name secure-aks --scope /providers/Microsoft.Management/managementGroups/platform \\`,
    `  --policy-set-definition /providers/Microsoft.Management/managementGroups/platform/providers/Microsoft.Authorization/policySetDefinitions/${INITIATIVE_NAME} \\`,
    '  --params \'{ "effect": { "value": "Audit" }, "effectIfNotExists": { "value": "AuditIfNotExists" } }\'',
    '```',
    '',
    'An exemption records its reason and category, and the Pulumi component `AzurePolicyInitiative` refuses',
    'one without a reason ([azure-policy.md](azure-policy.md)).',
    '<https://learn.microsoft.com/azure/governance/policy/assign-policy-azurecli>',
    '',
    '## A scheduled tenant audit, with drift, uploaded as SARIF',
    '',
    'The audit reads an Azure Resource Graph export of every cluster of the tenant, compares each with the',
    'templates the platform repository approved, and uploads the findings to code scanning. The job needs a',
    'read-only identity (Reader on the management group) and nothing else:',
    '',
    '```yaml',
    'name: secure-aks tenant audit',
    'on:',
    '  schedule: [{ cron: "0 5 * * *" }]',
    'permissions: { id-token: write, contents: read, security-events: write }',
    'jobs:',
    '  audit:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 22',
    '      - run: npm ci && npx secure-aks synth definition.ts --output approved',
    '      - uses: azure/login@v2',
    '        with:',
    '          client-id: ${{ vars.AZURE_CLIENT_ID }}',
    '          tenant-id: ${{ vars.AZURE_TENANT_ID }}',
    '          allow-no-subscriptions: true',
    '      - run: |',
    '          az extension add --name resource-graph',
    '          az graph query -q "resources | where type =~ \'microsoft.containerservice/managedclusters\'" \\',
    '            --management-groups platform --first 1000 > clusters.json',
    '          # Exit 1 means findings: write both logs, then fail the job.',
    '          status=0',
    '          npx secure-aks audit clusters.json --format sarif --output audit.sarif || status=$?',
    '          npx secure-aks audit --approved approved clusters.json --format sarif --output drift.sarif || status=$?',
    '          exit $status',
    '      - if: always()',
    '        uses: github/codeql-action/upload-sarif@v3',
    '        with:',
    '          sarif_file: .',
    '          category: secure-aks',
    '```',
    '',
    'A tenant larger than one page of Resource Graph results is read with `--skip-token` into several files,',
    'all given to one `secure-aks audit`. <https://learn.microsoft.com/azure/governance/resource-graph/concepts/work-with-data#paging-results>',
    '<https://docs.github.com/code-security/code-scanning/integrating-with-code-scanning/uploading-a-sarif-file-to-github>',
    '',
    '## Which layer enforces each rule',
    '',
    markdownTable(
      ['Rule', 'Severity', 'Definition', 'Preview', 'Azure Policy', 'Admission', 'Scheduled audit'],
      layers.map((l) => [l.rule.id, l.rule.severity, mark(l.definition), mark(l.preview), l.azurePolicy ?? '', l.admission.map((p) => `\`${p}\``).join(', '), mark(l.audit)]),
    ),
    '',
    'Why Azure Policy cannot express a rule is in the "Azure Policy" column of [validation-rules.md](validation-rules.md).',
    '',
  ].join('\n');
}

export function generatedDocuments(): Record<string, string> {
  const generated: Record<string, string> = {
    'validation-rules.md': rulesDocument(),
    'encryption-coverage-matrix.md': coverageMatrixDocument(),
    'security-baseline.md': securityBaselineDocument(),
    'frameworks.md': frameworksDocument(),
    'support-windows.md': supportWindowsDocument(),
    'azure-policy.md': azurePolicyDocument(),
    'enforcing-at-every-layer.md': enforcingLayersDocument(),
  };
  return { ...generated, ...handWrittenPagesWithCatalogSeverities(Object.keys(generated)) };
}

/**
 * The hand-written pages (the README and the other pages of docs/), each with the severity of every
 * `(SAKS-..., severity)` mention written from the rule catalog: one severity per rule everywhere.
 */
function handWrittenPagesWithCatalogSeverities(generated: readonly string[]): Record<string, string> {
  const docs = path.resolve(__dirname, '../docs');
  const pages = ['../README.md', ...fs.readdirSync(docs).filter((f) => f.endsWith('.md') && !generated.includes(f)).sort()];
  return Object.fromEntries(pages.map((p) => [p, withCatalogSeverities(fs.readFileSync(path.join(docs, p), 'utf8'), ALL_RULES, path.join('docs', p))]));
}

if (require.main === module) {
  for (const [name, content] of Object.entries(generatedDocuments())) {
    const file = path.resolve(__dirname, '../docs', name);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) continue;
    fs.writeFileSync(file, content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
