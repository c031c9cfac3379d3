import { expect, test } from 'vitest';
import { ApiServerAccess, ClusterNetwork, formatViolation, HardenedClusterProps, ManagedClusterModel, PrivateDnsZone, Rules, validateHardenedCluster } from '../../../lib';
import { CLUSTER_RULES } from '../../../lib/core/aks/cluster-rule-set';
import { readDefinition } from '../../../lib/core/aks/definition-description';
import { definitionUndecided, valueAtProperty } from '../../../lib/core/aks/definition-undecided';
import { resolveClusterConfig } from '../../../lib/core/aks/resolved-cluster-config';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';
import { RuleOutcome } from '../../../lib/core/rules/rule-outcome';
import { HUB_VNET, VALID_CLUSTERS } from '../../support/cluster-fixtures';
import { expectValidationError } from '../../support/validation-error';

const base = { name: 'c1', location: 'westeurope' } as const;
const withSubzone = (subzone: string): HardenedClusterProps => ({ ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ subzone }) }) });
const undecidedErrors = (props: HardenedClusterProps) => validateHardenedCluster(props).errors.filter((v) => v.rule.id === Rules.definitionUndecided.id);

test.each(['../../etc', 'a/b', 'payments/../../x'])('a subzone "%s" that breaks the zone\'s id is refused at its property, with its value, rule, fix and source', (subzone) => {
  const error = expectValidationError(() => ManagedClusterModel.build(withSubzone(subzone)));
  const [found] = error.violations.filter((v) => v.rule.id === Rules.definitionUndecided.id);
  expect(found.property).toBe('apiServerAccess.dnsZone.subzone');
  expect(found.value).toBe(subzone);
  // What the reader could not read, and the rule that could not decide because of it.
  expect(found.detail).toMatch(/cannot be read back: the expression .*privateDnsZones/);
  expect(found.detail).toContain(`${Rules.ownZoneName.id} cannot be decided`);
  const message = formatViolation(found);
  expect(message).toContain(`[SAKS-INPUT-003] apiServerAccess.dnsZone.subzone = ${JSON.stringify(subzone)}`);
  expect(message).toContain(`rule: ${Rules.definitionUndecided.statement}`);
  expect(message).toMatch(/fix: give apiServerAccess\.dnsZone\.subzone a value of its documented form/);
  expect(message).toMatch(/source: https:\/\/learn\.microsoft\.com\//);
  expect(error.message).toContain(message);
});

test('every unreadable value is refused at once, beside the other errors of the definition', () => {
  const errors = validateHardenedCluster({ ...withSubzone('../../etc'), name: 'a/b' }).errors;
  const ids = errors.map((v) => `${v.rule.id} ${v.property}`);
  expect(ids).toContain(`${Rules.clusterName.id} name`);
  expect(ids).toContain(`${Rules.definitionUndecided.id} apiServerAccess.dnsZone.subzone`);
  // The names built from the cluster's name break the ids of the network's resources too: each said once, at its property.
  expect(ids).toContain(`${Rules.definitionUndecided.id} network.nodeSubnetPrefix`);
  expect(new Set(ids).size).toBe(ids.length);
});

test('an id that is not a resource id is its own error, never a TypeError from building the template', () => {
  const props = { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ linkedVnetIds: ["/subscriptions/x/resourceGroups/[concat('a')]/providers/Microsoft.Network/virtualNetworks/v"] }) }) };
  const error = expectValidationError(() => ManagedClusterModel.build(props));
  expect(error.violations.map((v) => v.property)).toContain('apiServerAccess.dnsZone.linkedVnetIds[0]');
});

test.each(Object.entries(VALID_CLUSTERS))('valid definition "%s": its template reads back whole, and it leaves undecided only what it does not hold', (_name, props) => {
  const reading = readDefinition(resolveClusterConfig(props));
  expect(reading.unread).toEqual([]);
  const outcomes = evaluateClusterRules(reading.cluster, CLUSTER_RULES);
  expect(outcomes.flatMap((o) => o.undecided).filter((u) => !u.notHeld)).toEqual([]);
  expect(undecidedErrors(props)).toEqual([]);
});

test('a definition that brings its network and zone by id leaves their rules undecided, not refused and not passed', () => {
  const props = VALID_CLUSTERS.hubZone;
  const reading = readDefinition(resolveClusterConfig(props));
  const undecided = evaluateClusterRules(reading.cluster, CLUSTER_RULES).filter((o) => o.verdict === 'undecided');
  expect(undecided.map((o) => o.rule.id)).toContain(Rules.ownZoneNeedsUserAssignedIdentity.id);
  expect(undecided.flatMap((o) => o.undecided).every((u) => u.notHeld === true)).toBe(true);
  expect(undecidedErrors(props)).toEqual([]);
});

test('any reason a rule is undecided on a definition is an error, unless the definition does not hold what it needs', () => {
  const reading = readDefinition(resolveClusterConfig({ ...base, network: ClusterNetwork.create({}) }));
  const outcome = (notHeld: boolean): RuleOutcome => ({
    rule: Rules.apiServerSubnetSize,
    verdict: 'undecided',
    findings: [],
    observed: [],
    undecided: [{ reason: 'a value not known', path: 'properties.apiServerAccessProfile.subnetId', at: { definition: 'network.apiServerSubnetPrefix' }, ...(notHeld ? { notHeld: true as const } : {}) }],
  });
  const valueOf = (property: string) => valueAtProperty({ network: { apiServerSubnetPrefix: '10.224.16.0/28' } }, property);
  const [refused] = definitionUndecided(reading, [outcome(false)], valueOf);
  expect(refused).toMatchObject({ rule: Rules.definitionUndecided, property: 'network.apiServerSubnetPrefix', value: '10.224.16.0/28' });
  expect(refused.detail).toBe(`${Rules.apiServerSubnetSize.id} cannot be decided on what it builds: a value not known`);
  expect(definitionUndecided(reading, [outcome(true)], valueOf)).toEqual([]);
  // Beside a failure too: a rule that failed on one part and could not decide another is not half passed.
  expect(definitionUndecided(reading, [{ ...outcome(false), verdict: 'fail' }], valueOf)).toHaveLength(1);
  // A reason that names no property is refused for the whole definition.
  expect(definitionUndecided(reading, [{ ...outcome(false), undecided: [{ reason: 'no place' }] }], valueOf).map((v) => v.property)).toEqual(['(the definition)']);
});

test('what the definition\'s own template cannot be read back is refused at the property that wrote it', () => {
  const reading = { ...readDefinition(resolveClusterConfig(base)), unread: [{ reason: 'not read', path: 'properties.dnsPrefix', at: { definition: 'dnsPrefix' } }] };
  expect(definitionUndecided(reading, [], (p) => valueAtProperty({ dnsPrefix: 'c1' }, p))).toEqual([
    expect.objectContaining({ rule: Rules.definitionUndecided, property: 'dnsPrefix', value: 'c1', detail: 'the template it builds cannot be read back: not read' }),
  ]);
});

test('a definition\'s value is found by its property path, own members only', () => {
  const definition = { apiServerAccess: { dnsZone: { subzone: 'x' } }, userNodePools: [{ vmSize: 'a' }, { vmSize: 'b' }] };
  expect(valueAtProperty(definition, 'apiServerAccess.dnsZone.subzone')).toBe('x');
  expect(valueAtProperty(definition, 'userNodePools[1].vmSize')).toBe('b');
  expect(valueAtProperty(definition, 'userNodePools[2].vmSize')).toBeUndefined();
  expect(valueAtProperty(definition, 'constructor')).toBeUndefined();
  expect(valueAtProperty({ linked: [HUB_VNET] }, 'linked[0]')).toBe(HUB_VNET);
});
