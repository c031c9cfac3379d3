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

/** Every generated page, by path below docs/. */
export function generatedDocuments(): Record<string, string> {
  return {
    'validation-rules.md': rulesDocument(),
    'encryption-coverage-matrix.md': coverageMatrixDocument(),
    'security-baseline.md': securityBaselineDocument(),
  };
}

if (require.main === module) {
  for (const [name, content] of Object.entries(generatedDocuments())) {
    const file = path.resolve(__dirname, '../docs', name);
    fs.writeFileSync(file, content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
