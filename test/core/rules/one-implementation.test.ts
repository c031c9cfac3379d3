import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { CLUSTER_RULES } from '../../../lib/core/aks/cluster-rule-set';
import { Rules } from '../../../lib/core/validation/rule-catalog';

/**
 * Each rule decided on a cluster's description has exactly one predicate:
 * one `ClusterRule` in the rule set, and no other module of the library
 * raises its id, except those that apply the very same predicate function to
 * what they hold (named here with the module whose function they call).
 */
const LIB = path.resolve(__dirname, '../../../lib');
const RULE_FILES = /(^core\/aks\/rules\/|^core\/encryption\/transit-encryption-rules\.ts$|^core\/mesh\/istio-addon-rules\.ts$|^core\/versions\/support-window-rules\.ts$|^core\/gitops\/gitops-source-cluster-rules\.ts$)/;
/** Modules that raise a cluster rule's id through the rule's own predicate function, and that function's module. */
const SAME_PREDICATE: Readonly<Record<string, { readonly predicate: string; readonly keys: readonly string[] }>> = {
  'core/aks/authorized-ranges.ts': { predicate: 'the predicate itself, called by the range rules', keys: ['authorizedRangesWithPrivateCluster', 'publicWithoutRanges', 'authorizedRangesLimit', 'cidrMalformed', 'cidrHostBits'] },
  'core/aks/private-dns-zone-name.ts': { predicate: 'the predicate itself, called by the zone name rules', keys: ['ownZoneName', 'ownZoneSubzoneLength'] },
  // The subnet rules (SUBNET_RULES, beside the cluster rules) are decided there by their conditions; the zone's name by the zone name rules' predicate.
  'core/audit/related-payload-rules.ts': { predicate: "from '../aks/private-dns-zone-name'", keys: ['ownZoneName'] },
  'core/aks/api-server-subnet-check.ts': { predicate: "from './api-server-subnet'", keys: ['apiServerSubnetDedicated', 'apiServerSubnetSize'] },
  'core/reachability/public-endpoint-paths.ts': { predicate: "from '../aks/authorized-ranges'", keys: ['publicWithoutRanges'] },
  // The support windows: one predicate (supportStatus, through judgeSupport) for what a cluster runs and what the library pins.
  'core/versions/support-judgement.ts': { predicate: "from './support-windows'", keys: ['supportEnding', 'supportEnded'] },
  'core/versions/support-window-report.ts': { predicate: "from './support-windows'", keys: ['supportEnding', 'supportEnded'] },
  // The GitOps source rules: one predicate for an estate's definition and the Flux configurations beside a cluster.
  'core/gitops/gitops-source-rules.ts': { predicate: 'the predicate itself, called by the GitOps source cluster rules', keys: ['gitOpsUrlCredentials', 'gitOpsBranchName', 'gitOpsOciReference', 'gitOpsAzureProvider'] },
  'core/versions/pinned-support.ts': { predicate: "from './support-judgement'", keys: ['supportEnded'] },
  // Where a recheck looks for each rule's facts: a switch on ids, not a predicate.
  'core/estate/estate-recheck.ts': { predicate: 'an id switch', keys: ['supportEnding', 'supportEnded'] },
  // Lists of ids, not predicates: the rules only a payload breaks.
  'core/audit/cluster-payload-rules.ts': { predicate: 'an id list', keys: ['publicUnrestricted', 'servicePrincipalIdentity', 'localAccountsEnabled', 'kubernetesRbacOff', 'nodePublicIp'] },
};

/** Where a module names rules without deciding them: the security baseline's controls list the rules that decide them. */
const NAMED_ONLY = /\b(decidedBy|partlyMetUnless): \[[^\]]*\]/g;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

test('every rule id of the cluster rule set is implemented once', () => {
  const ids = CLUSTER_RULES.map((r) => r.rule.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  expect(ids.length).toBeGreaterThan(60);
});

test('no module outside the rules beside their domains raises a cluster rule\'s id with a predicate of its own', () => {
  const keys = Object.entries(Rules).filter(([, r]) => CLUSTER_RULES.some((c) => c.rule === r)).map(([k]) => k);
  const elsewhere: string[] = [];
  for (const file of files(LIB)) {
    const relative = path.relative(LIB, file).split(path.sep).join('/');
    if (RULE_FILES.test(relative) || relative === 'core/validation/rule-catalog.ts') continue;
    const text = fs.readFileSync(file, 'utf8').replace(NAMED_ONLY, '');
    for (const key of keys) {
      if (!new RegExp(`Rules\\.${key}\\b`).test(text)) continue;
      const allowed = SAME_PREDICATE[relative];
      if (!allowed?.keys.includes(key)) elsewhere.push(`${relative}: Rules.${key}`);
    }
  }
  expect(elsewhere).toEqual([]);
  // The modules that raise an id through the shared predicate do call it.
  for (const [relative, { predicate }] of Object.entries(SAME_PREDICATE)) {
    if (predicate.startsWith('from ')) expect(fs.readFileSync(path.join(LIB, relative), 'utf8'), relative).toContain(predicate.slice(5));
  }
});
