import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, renderRulesTable } from '../lib';

/** The generated page; a test fails when it is out of step with the catalog. */
export function rulesDocument(): string {
  return [
    '# Validation rules',
    '',
    '<!-- Generated from lib/core/validation/rule-catalog.ts by `npm run docs:rules`. Do not edit. -->',
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

if (require.main === module) {
  const file = path.resolve(__dirname, '../docs/validation-rules.md');
  fs.writeFileSync(file, rulesDocument());
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
