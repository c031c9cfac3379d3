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
  CREATE_ONLY_CLUSTER_PROPERTIES,
  FLOW_LABELS,
  IN_CLUSTER_COVERAGE,
  markdownTable,
  renderRulesTable,
  SECURITY_BASELINE,
} from '../lib';
import { enforcementOf } from '../lib/core/audit/rule-enforcement';

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
    renderRulesTable(ALL_RULES, enforcementOf),
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
    FRAMEWORKS_NOTE.replace('docs/frameworks.md', '[frameworks.md](frameworks.md)'),
    '',
    markdownTable(
      ['Control', 'What', 'How the library meets it', 'Checkov check', 'Frameworks', 'Opt-out and why', 'Test'],
      SECURITY_BASELINE.map((c) => [
        c.id,
        c.title,
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

/** Every generated page, by path below docs/. */
export function generatedDocuments(): Record<string, string> {
  return {
    'validation-rules.md': rulesDocument(),
    'encryption-coverage-matrix.md': coverageMatrixDocument(),
    'security-baseline.md': securityBaselineDocument(),
    'frameworks.md': frameworksDocument(),
  };
}

if (require.main === module) {
  for (const [name, content] of Object.entries(generatedDocuments())) {
    const file = path.resolve(__dirname, '../docs', name);
    fs.writeFileSync(file, content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
