import { describe, expect, test } from 'vitest';
import { assembleEvidence } from '../../../lib/core/evidence/assemble-evidence';
import { EvidencePack } from '../../../lib/core/evidence/evidence-pack';
import { definitionFindings } from '../../../lib/core/evidence/definition-evidence';
import { ALL_RULES, Rules } from '../../../lib/core/validation/rule-catalog';
import { validateCrossClusterLink } from '../../../lib/core/mesh/validate-cross-cluster-link';
import { mysqlLink } from '../../support/mesh-fixtures';
import estate, { props as exampleProps } from '../../../examples/estate/definition';
import { EstateModel, EstateProps, validateEstate } from '../../../lib';
import { estateTarget } from '../../../lib/synth/estate-target';
import { renderOscalAssessmentResults } from '../../../lib/core/evidence/oscal-assessment-results';
import { renderEvidenceHtml } from '../../../lib/core/evidence/evidence-html';
import { CERT_MANAGER_IDENTITY } from '../../support/cluster-fixtures';
import { oscalProblems } from './oscal-checks';
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

describe('the estate\'s failing findings carry the property and value read, and the command that re-reads what it becomes', () => {
  const federation = (name: string) => ({ name, identityId: CERT_MANAGER_IDENTITY, clientId: '00000000-0000-0000-0000-0000000000c1', namespace: 'cert-manager', serviceAccountName: 'cert-manager' });
  /** The evidence of a definition's violations (an estate with an error is not built: its validation's violations are given as they are). */
  const estatePack = (props: EstateProps): EvidencePack => {
    const v = validateEstate(props, { evaluationDate: '2026-11-01' });
    return assembleEvidence({ title: 't', evaluatedAt: '2026-11-01', toolVersion: '0', origin: 'synth', clusters: [], estate: { name: 'hub-vnet', warnings: [...v.errors, ...v.warnings], evaluated: v.evaluatedRules, definition: props } });
  };

  test('an identity given credentials by two clusters\' templates: the identity read, and its credentials listed', () => {
    const pack = estatePack({ ...exampleProps, clusters: exampleProps.clusters.map((c, i) => (i < 2 ? { ...c, federatedIdentities: [federation(`cert-manager-${c.name}`)] } : c)) });
    const finding = pack.findings.find((f) => f.key === `${Rules.estateFederatedCredentials.id}@estate:hub-vnet`)!;
    expect(finding.verdict).toBe('fail');
    expect(finding.observed).toEqual([
      { path: 'clusters[1]', state: 'known', value: JSON.stringify(CERT_MANAGER_IDENTITY), at: { definition: 'clusters[1]' }, recheck: 'az identity federated-credential list --resource-group ids --identity-name cert-manager --output table' },
    ]);
  });

  test('an address overlap: the spoke\'s address space read, and re-read on its network; a network outside Azure is given without a command', () => {
    const pack = estatePack({ ...exampleProps, connectedNetworks: ['10.0.0.0/23'], clusters: exampleProps.clusters.map((c, i) => (i === 1 ? { ...c, addressSpace: '10.10.0.0/16' } : c)) });
    const finding = pack.findings.find((f) => f.key === `${Rules.estateAddressOverlap.id}@estate:hub-vnet`)!;
    expect(finding.verdict).toBe('fail');
    expect(finding.observed.map((o) => [o.path, o.value, o.at.definition, o.recheck])).toEqual([
      ['connectedNetworks[0]', '"10.0.0.0/23"', 'connectedNetworks[0]', undefined],
      ['clusters[1].addressSpace', '"10.10.0.0/16"', 'clusters[1].addressSpace', expect.stringMatching(/^az resource show --ids \S+\/resourceGroups\/rg-ledger\/providers\/Microsoft\.Network\/virtualNetworks\/ledger-vnet .*--query properties\.addressSpace\.addressPrefixes$/)],
    ]);
    // Both reports state it: OSCAL (still valid against NIST's schema) and the HTML.
    const oscal = JSON.parse(renderOscalAssessmentResults(pack));
    expect(oscalProblems(oscal)).toEqual([]);
    const evidence = oscal['assessment-results'].results[0].observations.flatMap((o: { 'relevant-evidence'?: unknown[] }) => o['relevant-evidence'] ?? []);
    const propsOf = (path: string) => Object.fromEntries(evidence.find((e: { props: Array<{ name: string; value: string }> }) => e.props.some((p) => p.name === 'rest-path' && p.value === path)).props.map((p: { name: string; value: string }) => [p.name, p.value]));
    expect(propsOf('clusters[1].addressSpace')).toMatchObject({ 'definition-property': 'clusters[1].addressSpace', recheck: finding.observed[1].recheck });
    expect(propsOf('connectedNetworks[0]').recheck).toBeUndefined();
    const html = renderEvidenceHtml(pack);
    expect(html).toContain(`re-check: <code>${finding.observed[1].recheck}</code>`);
    expect(html).toContain('<code>connectedNetworks[0]</code> = <code>&quot;10.0.0.0/23&quot;</code>; read in definition property <code>connectedNetworks[0]</code>; nothing on the live system to re-check');
  });

  test('a synthesized estate\'s warning carries its fact and recheck: a spoke brought by id, its peerings listed', () => {
    const spokeId = `/subscriptions/${exampleProps.subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/reporting-spoke`;
    const brought: EstateProps = {
      ...exampleProps,
      clusters: exampleProps.clusters.map((c) => (c.name === 'reporting' ? { ...c, existingSpoke: { virtualNetworkId: spokeId, nodeSubnetName: 'aks-nodes', nodeSubnetPrefix: '10.40.4.0/22', apiServerSubnetName: 'aks-api' } } : c)),
    };
    const files = estateTarget((options) => EstateModel.build(brought, options)).artifacts({ evaluationDate: '2026-11-01' });
    const oscal = JSON.parse(files[EVIDENCE_FILES.oscal]);
    expect(oscalProblems(oscal)).toEqual([]);
    const evidence = oscal['assessment-results'].results[0].observations.flatMap((o: { 'relevant-evidence'?: unknown[] }) => o['relevant-evidence'] ?? []);
    const fact = evidence.find((e: { props: Array<{ name: string; value: string }> }) => e.props.some((p) => p.name === 'definition-property' && p.value === 'clusters[3].existingSpoke.virtualNetworkId'));
    expect(fact.props.find((p: { name: string }) => p.name === 'recheck').value).toBe('az network vnet peering list --resource-group rg-net --vnet-name reporting-spoke --output table');
    expect(files[EVIDENCE_FILES.html]).toContain('re-check: <code>az network vnet peering list --resource-group rg-net --vnet-name reporting-spoke --output table</code>');
  });
});
