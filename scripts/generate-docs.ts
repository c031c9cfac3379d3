import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, FLOW_LABELS, IN_CLUSTER_COVERAGE, renderRulesTable } from '../lib';

/** The generated rules page; a test fails when it is out of step with the catalog. */
export function rulesDocument(): string {
  return [
    '# Validation rules',
    '',
    '<!-- Generated from lib/core/validation/rule-catalog.ts by `npm run docs:generate`. Do not edit. -->',
    '',
    'Every rule below is checked before any resource is registered or any file is written.',
    'Errors block; warnings are printed by `npm run synth` and logged by `pulumi up`.',
    'Each message names the property, the value, the rule, the fix and the source.',
    'The `SAKS-UPD-*` rules compare a new synth with the template already in `dist/`',
    '(what is deployed) and flag changes Azure cannot make in place.',
    '',
    renderRulesTable(ALL_RULES),
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

/** Every generated page, by path below docs/. */
export function generatedDocuments(): Record<string, string> {
  return { 'validation-rules.md': rulesDocument(), 'encryption-coverage-matrix.md': coverageMatrixDocument() };
}

if (require.main === module) {
  for (const [name, content] of Object.entries(generatedDocuments())) {
    const file = path.resolve(__dirname, '../docs', name);
    fs.writeFileSync(file, content);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
