import { expect, test } from 'vitest';
import { frameworkClausesLine, markdownCell, renderAcknowledgedWarnings, Rules } from '../../../lib';

const acknowledged = (ruleId: keyof typeof Rules, reason: string) => ({
  violation: { rule: Rules[ruleId], property: 'transitEncryption', value: 'none', fix: 'use TransitEncryption.acnsWireGuard()' },
  acknowledgement: { ruleId: Rules[ruleId].id, reason },
});

test('each acknowledged warning gives its reason and the framework clauses its rule supports', () => {
  const md = renderAcknowledgedWarnings([acknowledged('transitEncryptionNone', 'the platform encrypts with its own mesh | reviewed 2026-11')]);
  const row = md.split('\n').find((l) => l.startsWith('| SAKS-ENC-013 |'))!;
  expect(frameworkClausesLine('SAKS-ENC-013')).not.toBe('unmapped');
  expect(row).toBe(
    `| SAKS-ENC-013 | transitEncryption | ${markdownCell(Rules.transitEncryptionNone.statement)} | the platform encrypts with its own mesh \\| reviewed 2026-11 | ${markdownCell(frameworkClausesLine('SAKS-ENC-013'))} |`,
  );
});

test('the acknowledgement itself is reported as a control, with its own clauses', () => {
  const md = renderAcknowledgedWarnings([acknowledged('transitEncryptionNone', 'the platform encrypts with its own mesh')]);
  expect(frameworkClausesLine('SAKS-ACK-001')).not.toBe('unmapped');
  expect(md).toContain(`(SAKS-ACK-001: ${frameworkClausesLine('SAKS-ACK-001')})`);
});
