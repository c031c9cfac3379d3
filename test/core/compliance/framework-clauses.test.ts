import { describe, expect, test } from 'vitest';
import {
  ALL_RULES,
  ApiServerAccess,
  AZURE_POLICY_AKS_DEFINITIONS,
  BUILT_IN_TIES,
  CITED_CLAUSES,
  ClusterMonitoring,
  compareControlIds,
  definitionRuleOutcomes,
  evaluateAksBuiltInPolicies,
  evaluateSecurityBaseline,
  FRAMEWORK_LABELS,
  frameworkClausesOf,
  frameworkClausesText,
  HardenedClusterProps,
  ManagedClusterModel,
  REGULATORY_INITIATIVES,
  SECURITY_BASELINE,
} from '../../../lib';

const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));
const BASELINE_IDS = new Set(SECURITY_BASELINE.map((c) => c.id));
const BUILT_INS = new Set(AZURE_POLICY_AKS_DEFINITIONS.map((d) => d.name));
const EVERY_CONTROL = [...RULE_IDS, ...BASELINE_IDS];
const initiative = (framework: string) => REGULATORY_INITIATIVES.find((i) => i.framework === framework)!;
/** The clause ids an initiative assigns a built-in to, read from the vendored initiative. */
const groupsOf = (framework: string, builtIn: string) => {
  const i = initiative(framework);
  return (i.members.find((m) => m.policyDefinitionName === builtIn)?.groupNames ?? []).map((g) => g.slice(i.groupPrefix.length));
};
const builtInClauses = (controlId: string, framework: string, builtIn: string) =>
  frameworkClausesOf(controlId)
    .filter((c) => c.framework === framework && c.basis.kind === 'built-in' && c.basis.policyDefinitionName === builtIn)
    .map((c) => c.control);

describe('a control tied to a built-in has exactly the groups Microsoft\'s initiatives assign that built-in', () => {
  const AUTHORIZED_RANGES = '0e246bcf-5f6f-4f87-bc6f-775d4712c7ea';

  test('authorized IP ranges (CIS 5.4.1, SAKS-API-005): the Microsoft cloud security benchmark\'s groups of the built-in, and no other', () => {
    const expected = groupsOf('mcsb', AUTHORIZED_RANGES);
    expect(expected.length).toBeGreaterThan(0);
    expect(builtInClauses('CIS 5.4.1 (control plane endpoint)', 'mcsb', AUTHORIZED_RANGES)).toEqual(expected);
    expect(builtInClauses('SAKS-API-005', 'mcsb', AUTHORIZED_RANGES)).toEqual(expected);
    expect(frameworkClausesOf('SAKS-API-005').filter((c) => c.framework === 'mcsb').map((c) => c.control)).toEqual(expected);
  });

  test('the same built-in in NIST SP 800-53 Rev. 5', () => {
    const expected = groupsOf('nist-sp-800-53-r5', AUTHORIZED_RANGES);
    expect(expected.length).toBeGreaterThan(0);
    expect(builtInClauses('SAKS-API-005', 'nist-sp-800-53-r5', AUTHORIZED_RANGES)).toEqual(expected);
  });

  test.each(BUILT_IN_TIES.flatMap((t) => t.controls.flatMap((c) => REGULATORY_INITIATIVES.map((i) => [c.id, i.framework, t.policyDefinitionName] as const))))(
    '%s in %s through %s',
    (controlId, framework, builtIn) => {
      expect(builtInClauses(controlId, framework, builtIn)).toEqual(groupsOf(framework, builtIn));
    },
  );

  test('the basis names the built-in and the initiative as published', () => {
    const clause = frameworkClausesOf('SAKS-API-005').find((c) => c.framework === 'nist-sp-800-53-r5')!;
    expect(clause.basis).toEqual({
      kind: 'built-in',
      policyDefinitionName: AUTHORIZED_RANGES,
      displayName: AZURE_POLICY_AKS_DEFINITIONS.find((d) => d.name === AUTHORIZED_RANGES)!.displayName,
      initiative: initiative('nist-sp-800-53-r5').displayName,
    });
    expect(clause.frameworkName).toBe(initiative('nist-sp-800-53-r5').displayName);
  });
});

describe('nothing is mapped without a basis', () => {
  test('every mapped clause is a group of its framework\'s initiative', () => {
    let clauses = 0;
    for (const id of EVERY_CONTROL) {
      for (const c of frameworkClausesOf(id)) {
        const i = initiative(c.framework);
        expect(i, `${id}: ${c.framework}`).toBeDefined();
        expect(i.groups.some((g) => g.name === i.groupPrefix + c.control), `${id}: ${c.framework} ${c.control}`).toBe(true);
        clauses++;
      }
    }
    expect(clauses).toBeGreaterThan(0);
  });

  test('every tied control is a rule of the catalog or a baseline control, and every built-in is vendored', () => {
    for (const t of BUILT_IN_TIES) {
      expect(BUILT_INS.has(t.policyDefinitionName), t.policyDefinitionName).toBe(true);
      expect(t.sameCheck.length).toBeGreaterThan(0);
      for (const c of t.controls) expect(RULE_IDS.has(c.id) || BASELINE_IDS.has(c.id), c.id).toBe(true);
    }
  });

  test('every cited clause names a control of the catalog or the baseline, a vendored framework, a public source and what it asks', () => {
    for (const [id, clauses] of Object.entries(CITED_CLAUSES)) {
      expect(RULE_IDS.has(id) || BASELINE_IDS.has(id), id).toBe(true);
      expect(clauses.length, id).toBeGreaterThan(0);
      for (const c of clauses) {
        expect(initiative(c.framework), `${id}: ${c.framework}`).toBeDefined();
        expect(c.source, id).toMatch(/^https:\/\/[^\s]+$/);
        expect(c.citation.length, id).toBeGreaterThan(20);
      }
    }
  });

  test('every clause of a control comes from a tie of that control or a citation for it', () => {
    for (const id of EVERY_CONTROL) {
      const tied = new Set(BUILT_IN_TIES.filter((t) => t.controls.some((c) => c.id === id)).map((t) => t.policyDefinitionName));
      const cited = CITED_CLAUSES[id] ?? [];
      for (const c of frameworkClausesOf(id)) {
        if (c.basis.kind === 'built-in') expect(tied.has(c.basis.policyDefinitionName), `${id}: ${c.basis.policyDefinitionName}`).toBe(true);
        else expect(cited.some((x) => x.framework === c.framework && x.control === c.control && x.citation === (c.basis as { citation: string }).citation), id).toBe(true);
      }
    }
  });

  test('a control with neither is unmapped: no clause, and the reports say "unmapped"', () => {
    const unmapped = EVERY_CONTROL.filter((id) => !CITED_CLAUSES[id] && !BUILT_IN_TIES.some((t) => t.controls.some((c) => c.id === id)));
    expect(unmapped).toContain('SAKS-NAME-003');
    for (const id of unmapped) expect(frameworkClausesOf(id), id).toEqual([]);
    expect(frameworkClausesText(frameworkClausesOf('SAKS-NAME-003'))).toBe('unmapped');
    expect(frameworkClausesOf('not a control')).toEqual([]);
  });
});

describe('acknowledgements and support windows are controls too', () => {
  test.each(['SAKS-ACK-001', 'SAKS-ACK-002', 'SAKS-VER-001', 'SAKS-VER-002', 'SAKS-BASE-004'])('%s has cited clauses', (id) => {
    const clauses = frameworkClausesOf(id);
    expect(clauses.length).toBeGreaterThan(0);
    expect(clauses.every((c) => c.basis.kind === 'cited')).toBe(true);
  });
});

describe('order', () => {
  test('clause ids sort in reading order', () => {
    expect(['SC-12', 'SC-7(3)', 'AC-4', 'SC-7'].sort(compareControlIds)).toEqual(['AC-4', 'SC-7', 'SC-7(3)', 'SC-12']);
    expect(['10', '9.3c', '9', '9.3a'].sort(compareControlIds)).toEqual(['9', '9.3a', '9.3c', '10']);
  });

  test('clauses come by framework in the order of the initiatives, then by clause id, the same on every call', () => {
    const order = REGULATORY_INITIATIVES.map((i) => i.framework);
    for (const id of EVERY_CONTROL) {
      const clauses = frameworkClausesOf(id);
      expect(frameworkClausesOf(id)).toEqual(clauses);
      for (let k = 1; k < clauses.length; k++) {
        const [a, b] = [clauses[k - 1], clauses[k]];
        const d = order.indexOf(a.framework) - order.indexOf(b.framework) || compareControlIds(a.control, b.control);
        expect(d, `${id}: ${a.control} before ${b.control}`).toBeLessThanOrEqual(0);
      }
    }
  });

  test('every vendored framework has a short name for the reports', () => {
    expect(Object.keys(FRAMEWORK_LABELS).sort()).toEqual(REGULATORY_INITIATIVES.map((i) => i.framework).sort());
  });

  test('the one-line form groups clauses per framework and marks cited ones', () => {
    const line = frameworkClausesText(frameworkClausesOf('transit encryption'));
    expect(line).toMatch(/^MCSB DP-3 \(cited\); NIST SP 800-53 R5 SC-8 \(cited\), SC-8\(1\) \(cited\);/);
  });
});

/** Definitions whose payloads flip the tied properties, each way. */
const DES = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des';
const VARIANTS: Record<string, Partial<HardenedClusterProps>> = {
  default: {},
  'public with ranges': { apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) },
  'public, unrestricted': { apiServerAccess: ApiServerAccess.unrestrictedPublic() },
  'run command kept': { apiServerAccess: ApiServerAccess.private({ disableRunCommand: false }) },
  'no Azure Policy add-on': { azurePolicy: false },
  'local SSH': { nodeSshAccess: 'LocalUser' },
  'no image cleaner': { imageCleaner: { enabled: false } },
  'no workload identity': { workloadIdentity: false },
  'no monitoring': { monitoring: ClusterMonitoring.none(), auditLogs: { enabled: false } },
  'no automatic upgrades': { autoUpgrade: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
  'no encryption at host': { encryptionAtHost: false },
  'customer-managed disk keys': { diskEncryptionSetId: DES },
};

test('wherever a tied baseline control without a stated difference passes, its built-in finds the cluster compliant', () => {
  const strict = BUILT_IN_TIES.flatMap((t) => t.controls.filter((c) => !c.differs && BASELINE_IDS.has(c.id)).map((c) => ({ control: c.id, builtIn: t.policyDefinitionName })));
  const seen = { pass: 0, fail: 0 };
  for (const [name, props] of Object.entries(VARIANTS)) {
    const model = ManagedClusterModel.build({ name: 'ties', location: 'westeurope', ...props });
    const baseline = evaluateSecurityBaseline(definitionRuleOutcomes(model, []), model.cluster);
    const policies = evaluateAksBuiltInPolicies(model.toArmTemplate());
    for (const { control, builtIn } of strict) {
      const status = baseline.find((r) => r.check.id === control)!.status;
      if (status !== 'pass') {
        seen.fail++;
        continue;
      }
      seen.pass++;
      expect(policies.find((p) => p.definition.name === builtIn)!.state, `${name}: ${control} passes, ${builtIn}`).toBe('compliant');
    }
  }
  expect(seen.pass).toBeGreaterThan(0);
  expect(seen.fail).toBeGreaterThan(0);
});

test('wherever a tied rule without a stated difference raises no finding, its built-in finds the cluster compliant', () => {
  const strict = BUILT_IN_TIES.flatMap((t) => t.controls.filter((c) => !c.differs && RULE_IDS.has(c.id)).map((c) => ({ rule: c.id, builtIn: t.policyDefinitionName })));
  const seen = { quiet: 0, raised: 0 };
  for (const [name, props] of Object.entries(VARIANTS)) {
    const model = ManagedClusterModel.build({ name: 'ties', location: 'westeurope', ...props });
    const raised = new Set([...model.warnings, ...model.notes].map((v) => v.rule.id));
    const policies = evaluateAksBuiltInPolicies(model.toArmTemplate());
    for (const { rule, builtIn } of strict) {
      if (raised.has(rule)) {
        seen.raised++;
        continue;
      }
      seen.quiet++;
      expect(policies.find((p) => p.definition.name === builtIn)!.state, `${name}: ${rule} quiet, ${builtIn}`).toBe('compliant');
    }
  }
  expect(seen.quiet).toBeGreaterThan(0);
  expect(seen.raised).toBeGreaterThan(0);
});
