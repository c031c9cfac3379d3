import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { CLUSTER_RULES } from '../../lib/core/aks/cluster-rule-set';

const PAGE = path.resolve(__dirname, '../../docs/enforcing-on-clusters-you-did-not-build.md');

test('the page lists exactly the rules that judge a pool whose cluster is not read', () => {
  const text = fs.readFileSync(PAGE, 'utf8').replace(/\s+/g, ' ');
  const listed = /judged on its own by the rules of node pools: ([^.]*)\./.exec(text);
  expect(listed, 'the sentence listing the rules of node pools').not.toBeNull();
  const ids = [...listed![1].matchAll(/SAKS-[A-Z]+-\d{3}/g)].map((m) => m[0]);
  expect(ids.sort()).toEqual(CLUSTER_RULES.filter((r) => r.judgesPools).map((r) => r.rule.id).sort());
});
