import * as fs from 'fs';
import { CLUSTER_RULE_IDS } from '../lib/core/aks/cluster-rule-set';
import { Rules } from '../lib/core/validation/rule-catalog';
const keys = Object.entries(Rules).filter(([, r]) => CLUSTER_RULE_IDS.has(r.id)).map(([k]) => k);
for (const f of process.argv.slice(2)) {
  const lines = fs.readFileSync(f, 'utf8').split('\n');
  lines.forEach((l, i) => { for (const k of keys) if (new RegExp(`Rules\\.${k}\\b`).test(l)) console.log(`${f}:${i + 1}: ${k}`); });
}
