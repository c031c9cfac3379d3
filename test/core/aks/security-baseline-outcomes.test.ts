import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { BaselineCheck, BaselineStatus, definitionRuleOutcomes, evaluateSecurityBaseline, ManagedClusterModel, SECURITY_BASELINE } from '../../../lib';
import { CLUSTER_RULES } from '../../../lib/core/aks/cluster-rule-set';
import { securityBaselineStatuses } from '../../../lib/core/aks/security-baseline';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { checkClusterPayload } from '../../../lib/core/audit/cluster-payload-rules';
import { ClusterDescription, describeDeployment } from '../../../lib/core/description/cluster-description';
import { decodeDocument, parseJsonDocument } from '../../../lib/core/readers/document-text';
import { readDocument } from '../../../lib/core/readers/read-document';
import { RuleOutcome } from '../../../lib/core/rules/rule-outcome';
import { hardenedPayload } from '../../support/misconfiguration-corpus';
import { azAksShowOf } from '../../support/live-cluster';

const REAL_WORLD = path.resolve(__dirname, '../../fixtures/real-world');
/** A fixture read as the library reads a document (comments and trailing commas of ARM's JSON included). */
function json(slug: string, file: string): Record<string, any> {
  const decoded = decodeDocument(fs.readFileSync(path.join(REAL_WORLD, slug, file)), file);
  if ('problem' in decoded) throw new Error(decoded.problem.message);
  const parsed = parseJsonDocument(decoded.text, file);
  if ('problems' in parsed) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.value as Record<string, any>;
}
const cluster = (document: unknown, name: string): ClusterDescription => describeDeployment([readDocument(document, name)]).clusters[0];

/** The contract of a control, in its own words: fail when a deciding rule fails, not verified when one is undecided, partial when a rule of the part it may miss fails. */
function fromVerdicts(check: BaselineCheck, outcomes: readonly RuleOutcome[]): BaselineStatus {
  const verdict = (id: string) => outcomes.find((o) => o.rule.id === id)?.verdict;
  const deciding = check.decidedBy.map((r) => verdict(r.id));
  const partly = (check.partlyMetUnless ?? []).map((r) => verdict(r.id));
  if (deciding.includes('fail')) return check.optOut ? 'opt-out' : 'fail';
  if ([...deciding, ...partly].some((v) => v !== 'pass' && v !== 'fail')) return 'not-verified';
  return partly.includes('fail') ? 'partial' : 'pass';
}

/** The quickstart of Azure's quickstart templates, the VM size parameter's default removed: a parameter nobody has given yet. */
function quickstartWithoutVmSize(): Record<string, any> {
  const template = json('quickstart-aks-basic', 'azuredeploy.json');
  delete template.parameters.agentVMSize.defaultValue;
  return template;
}

/** The Azure CLI's recording of a private cluster, as `az aks show` prints it, with the nulls it prints for what is not set. */
function azAksShowWithNulls(): Record<string, any> {
  const get = json('azure-cli-recording-private-cluster-get', 'cliakstest000001.json');
  get.properties = {
    ...get.properties,
    diskEncryptionSetID: null,
    securityProfile: { defender: null, imageCleaner: null, workloadIdentity: null, azureKeyVaultKms: null },
    oidcIssuerProfile: null,
  };
  return azAksShowOf(get);
}

/** Each control's status on a description, with the outcomes of every rule on it. */
const DESCRIPTIONS: Record<string, () => { statuses: Map<string, BaselineStatus>; outcomes: readonly RuleOutcome[] }> = {
  'the library\'s hardened definition': () => {
    const model = ManagedClusterModel.build({ name: 'baseline', location: 'westeurope' });
    const outcomes = definitionRuleOutcomes(model, []);
    return { statuses: new Map(evaluateSecurityBaseline(outcomes, model.cluster).map((r) => [r.check.id, r.status])), outcomes };
  },
  'the public AKS quickstart template': () => audited(cluster(json('quickstart-aks-basic', 'azuredeploy.json'), 'azuredeploy.json')),
  'the AKS baseline reference implementation (tier "Paid")': () => audited(describeDeployment([readDocument(json('aks-baseline-cluster-stamp-2022', 'cluster-stamp.json'), 'cluster-stamp.json')]).clusters.find((c) => c.resource.origin.pointer === '/resources/17')!),
  'a live cluster as az aks show prints it, with nulls': () => audited(cluster(azAksShowWithNulls(), 'show.json')),
  'the quickstart with a parameter without default': () => audited(cluster(quickstartWithoutVmSize(), 'azuredeploy.json')),
};

function audited(d: ClusterDescription) {
  const a = auditCluster(d);
  return { statuses: new Map(a.baseline.map((c) => [c.id, c.status])), outcomes: a.outcomes };
}

test('no control has a predicate of its own: each is decided by rules of the cluster rule set, and holds no function but Checkov\'s replica', () => {
  const ruleSet = new Set(CLUSTER_RULES.map((r) => r.rule));
  for (const check of SECURITY_BASELINE) {
    expect(check.decidedBy.length, check.id).toBeGreaterThan(0);
    for (const rule of [...check.decidedBy, ...(check.partlyMetUnless ?? [])]) expect(ruleSet.has(rule), `${check.id}: ${rule.id}`).toBe(true);
    const functions = Object.entries(check).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(functions, check.id).toEqual([]);
  }
});

test.each(Object.keys(DESCRIPTIONS))('on %s, every control\'s status is the one its rules\' outcomes give', (name) => {
  const { statuses, outcomes } = DESCRIPTIONS[name]();
  expect([...statuses.keys()]).toEqual(SECURITY_BASELINE.map((c) => c.id));
  for (const check of SECURITY_BASELINE) expect(statuses.get(check.id), check.id).toBe(fromVerdicts(check, outcomes));
});

test.each(Object.keys(DESCRIPTIONS))('on %s, the statuses the audit reports are evaluateSecurityBaseline\'s, control by control', (name) => {
  const { outcomes } = DESCRIPTIONS[name]();
  expect(securityBaselineStatuses(outcomes)).toEqual(evaluateSecurityBaseline(outcomes).map((r) => ({ check: r.check, status: r.status })));
});

test('the hardened definition meets every control but the opt-outs', () => {
  const { statuses } = DESCRIPTIONS['the library\'s hardened definition']();
  for (const check of SECURITY_BASELINE) expect(statuses.get(check.id), check.id).toBe(check.optOut ? 'opt-out' : 'pass');
});

test('the quickstart\'s public API server fails CIS 5.4.2 and 5.4.1; the Free tier fails the uptime SLA', () => {
  const { statuses } = DESCRIPTIONS['the public AKS quickstart template']();
  expect(statuses.get('CIS 5.4.2 (private endpoint, public access disabled)')).toBe('fail');
  expect(statuses.get('CIS 5.4.1 (control plane endpoint)')).toBe('fail');
  expect(statuses.get('uptime SLA')).toBe('fail');
  expect(statuses.get('control-plane audit logs')).toBe('fail');
});

test('the legacy tier "Paid" is the tier with the uptime SLA (now Standard)', () => {
  const { statuses } = DESCRIPTIONS['the AKS baseline reference implementation (tier "Paid")']();
  expect(statuses.get('uptime SLA')).toBe('pass');
});

test('a live cluster\'s nulls are settings not made, and what lives beside it is not verified', () => {
  const { statuses } = DESCRIPTIONS['a live cluster as az aks show prints it, with nulls']();
  expect(statuses.get('CIS 5.1.1 (image scanning)')).toBe('fail');
  expect(statuses.get('workload identity')).toBe('fail');
  expect(statuses.get('customer-managed disk keys')).toBe('opt-out');
  expect(statuses.get('control-plane audit logs')).toBe('not-verified');
  expect(statuses.get('delete locks')).toBe('not-verified');
});

test('a control whose rule reads a parameter without default is not verified, and says why', () => {
  const { statuses, outcomes } = DESCRIPTIONS['the quickstart with a parameter without default']();
  expect(statuses.get('ephemeral OS disks')).toBe('not-verified');
  const outcome = outcomes.find((o) => o.rule.id === 'SAKS-BASE-020')!;
  expect(outcome.verdict).toBe('undecided');
  expect(outcome.undecided.map((u) => u.reason).join(' ')).toMatch(/agentVMSize/);
  // With the default, Standard_D2s_v3, it is still not verified: that size has a temporary disk its name does not show.
  const quickstart = DESCRIPTIONS['the public AKS quickstart template']();
  expect(quickstart.statuses.get('ephemeral OS disks')).toBe('not-verified');
  expect(quickstart.outcomes.find((o) => o.rule.id === 'SAKS-BASE-020')!.undecided.map((u) => u.reason).join(' ')).toMatch(/Standard_D2s_v3 has a local temporary disk/);
});

test('ARM\'s enum values without regard to case: a "system" pool without the taint fails the isolation control', () => {
  const pool = { ...hardenedPayload().properties.agentPoolProfiles[0], mode: 'system', nodeTaints: [] };
  const { outcomes } = checkClusterPayload(hardenedPayload({ agentPoolProfiles: [pool] }), []);
  expect(evaluateSecurityBaseline(outcomes).find((r) => r.check.id === 'system pool isolation')!.status).toBe('fail');
});
