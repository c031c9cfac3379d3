import { expect, test } from 'vitest';
import { assembleEvidence } from '../../../lib/core/evidence/assemble-evidence';
import { EvidencePack } from '../../../lib/core/evidence/evidence-pack';
import { definitionFindings } from '../../../lib/core/evidence/definition-evidence';
import { ALL_RULES, Rules } from '../../../lib/core/validation/rule-catalog';
import { validateCrossClusterLink } from '../../../lib/core/mesh/validate-cross-cluster-link';
import { mysqlLink } from '../../support/mesh-fixtures';
import estate from '../../../examples/estate/definition';
import { EVIDENCE_FILES } from '../../../lib/synth/deployment-evidence';

const pack = (link: ReturnType<typeof mysqlLink>): EvidencePack =>
  assembleEvidence({ title: 't', evaluatedAt: '2026-11-01', toolVersion: '0', origin: 'synth', clusters: [], links: [{ link, client: 'a', server: 'b' }] });
const verdicts = (p: EvidencePack, subject: string) => Object.fromEntries(p.findings.filter((f) => f.subject === subject).map((f) => [f.controlId, f.verdict]));

test('a link lists every rule its validation checked: pass where nothing breaks it, fail with the broken property where a warning does', () => {
  const kept = verdicts(pack(mysqlLink()), 'link:mysql');
  // The rules a link's definition is always checked against: kept by this link.
  for (const id of ['SAKS-INPUT-001', 'SAKS-MESH-001', 'SAKS-MESH-002', 'SAKS-MESH-006', 'SAKS-MESH-008', 'SAKS-MESH-018', 'SAKS-K8S-002']) expect(kept[id], id).toBe('pass');
  // Checked only where the definition has what they judge: existing secrets, the AKS add-on's revision.
  expect(kept['SAKS-MESH-005']).toBeUndefined();
  expect(kept['SAKS-MESH-016']).toBeUndefined();
  expect(Object.values(kept).every((v) => v === 'pass')).toBe(true);

  const open = pack(mysqlLink({ egressLockdown: { enabled: false } }));
  const off = open.findings.find((f) => f.key === 'SAKS-MESH-008@link:mysql')!;
  expect(off.verdict).toBe('fail');
  expect(off.observed).toEqual([expect.objectContaining({ path: 'egressLockdown.enabled', value: 'false', at: { definition: 'egressLockdown.enabled' } })]);
  // The fact is re-read on what the link becomes: its labelled objects, in each cluster.
  expect(off.observed[0].recheck).toMatch(/^kubectl get \S*destinationrules\.networking\.istio\.io\S* --all-namespaces --selector secure-aks\.io\/link=mysql -o yaml$/);
  expect(open.links[0].recheck).toBe(off.observed[0].recheck);
});

test('a rule is said to pass only where the validation checked it: the checked rules are those the validator records', () => {
  const checked = validateCrossClusterLink({ name: 'x', certificates: mysqlLink().certificates, services: [] } as never).evaluatedRules.map((r) => r.id);
  // No service: the per-service rules were not reached.
  expect(checked).not.toContain('SAKS-MESH-001');
  expect(checked).toContain('SAKS-MESH-018');
});

test('the estate lists the rules its validation checked across clusters, each with its verdict', () => {
  const files = estate.artifacts({ evaluationDate: '2026-11-01' });
  const oscal = JSON.parse(files[EVIDENCE_FILES.oscal]);
  const propOf = (f: { props: Array<{ name: string; value: string }> }, name: string) => f.props.find((p) => p.name === name)?.value;
  const estateFindings = oscal['assessment-results'].results[0].findings.filter((f: never) => propOf(f, 'subject')?.startsWith('estate:'));
  const byRule = Object.fromEntries(estateFindings.map((f: never) => [propOf(f, 'control-id'), propOf(f, 'verdict')]));
  for (const id of ['SAKS-EST-001', 'SAKS-EST-002', 'SAKS-EST-003', 'SAKS-EST-005', 'SAKS-EST-006']) expect(byRule[id], id).toBe('pass');
  expect(Object.keys(byRule).length).toBeGreaterThan(8);
});

test('nothing checked, nothing claimed: a warning is listed as fail, a note (info) never as pass', () => {
  const warning = Rules.meshEgressLockdownOff;
  const note = ALL_RULES.find((r) => r.severity === 'info')!;
  const findings = definitionFindings({ evaluated: [note], violations: [{ rule: warning, property: 'p', value: false, fix: 'f' }] }, 'estate:hub', () => []);
  expect(findings.map((f) => [f.controlId, f.verdict])).toEqual([[warning.id, 'fail']]);
  expect(definitionFindings({ evaluated: [], violations: [] }, 'estate:hub', () => [])).toEqual([]);
});
