import { expect, test } from 'vitest';
import { compileExistenceDetails, compilePolicyIf, compileResourceCondition, policyField } from '../../../lib/core/policy/compile-resource-condition';
import { Cond } from '../../../lib/core/rules/resource-condition';

const T = 'Microsoft.ContainerService/managedClusters';

test('a REST path is the provider\'s alias (properties.<p> as <type>/<p>, sku.<p> as <type>/sku.<p>), identity.type the resource field', () => {
  expect(policyField('properties.networkProfile.networkPlugin')).toBe(`${T}/networkProfile.networkPlugin`);
  expect(policyField('sku.tier')).toBe(`${T}/sku.tier`);
  expect(policyField('identity.type')).toBe('identity.type');
  expect(() => policyField('location')).toThrow(/no Azure Policy field/);
});

test('a negated comparison becomes Azure Policy\'s own negative operator, which also holds on a missing field', () => {
  expect(compileResourceCondition(Cond.not(Cond.is('properties.disableLocalAccounts', true)))).toEqual({ field: `${T}/disableLocalAccounts`, notEquals: true });
  expect(compileResourceCondition(Cond.not(Cond.in('sku.tier', ['Standard'])))).toEqual({ field: `${T}/sku.tier`, notIn: ['Standard'] });
  expect(compileResourceCondition(Cond.not(Cond.exists('properties.dnsPrefix')))).toEqual({ field: `${T}/dnsPrefix`, exists: false });
  expect(compileResourceCondition(Cond.not(Cond.allOf(Cond.exists('properties.dnsPrefix'))))).toEqual({ not: { allOf: [{ field: `${T}/dnsPrefix`, exists: true }] } });
});

test('"some element meets" is a count with where above zero, its fields under the list\'s [*] alias, nested lists included', () => {
  const c = Cond.some('properties.agentPoolProfiles', Cond.allOf(Cond.is('osType', 'Linux'), Cond.some('nodeTaints', Cond.is('effect', 'NoSchedule'))));
  expect(compileResourceCondition(c)).toEqual({
    count: {
      field: `${T}/agentPoolProfiles[*]`,
      where: {
        allOf: [
          { field: `${T}/agentPoolProfiles[*].osType`, equals: 'Linux' },
          { count: { field: `${T}/agentPoolProfiles[*].nodeTaints[*]`, where: { field: `${T}/agentPoolProfiles[*].nodeTaints[*].effect`, equals: 'NoSchedule' } }, greater: 0 },
        ],
      },
    },
    greater: 0,
  });
});

test('the policy\'s if judges managed clusters only', () => {
  expect(compilePolicyIf(Cond.exists('properties.dnsPrefix'))).toEqual({ allOf: [{ field: 'type', equals: T }, { field: `${T}/dnsPrefix`, exists: true }] });
});

test('a pool rule\'s if judges the cluster\'s agentPoolProfiles and an agentPools resource, whose profile is under properties', () => {
  const pool = Cond.allOf(Cond.is('osType', 'Linux'), Cond.not(Cond.in('securityProfile.sshAccess', ['Disabled'])));
  const P = `${T}/agentPools`;
  expect(compilePolicyIf(Cond.some('properties.agentPoolProfiles', pool), pool)).toEqual({
    anyOf: [
      {
        allOf: [
          { field: 'type', equals: T },
          {
            count: {
              field: `${T}/agentPoolProfiles[*]`,
              where: { allOf: [{ field: `${T}/agentPoolProfiles[*].osType`, equals: 'Linux' }, { field: `${T}/agentPoolProfiles[*].securityProfile.sshAccess`, notIn: ['Disabled'] }] },
            },
            greater: 0,
          },
        ],
      },
      { allOf: [{ field: 'type', equals: P }, { allOf: [{ field: `${P}/osType`, equals: 'Linux' }, { field: `${P}/securityProfile.sshAccess`, notIn: ['Disabled'] }] }] },
    ],
  });
});

test('a required resource compiles to the related type and an existenceCondition over its own aliases', () => {
  const D = 'Microsoft.Insights/diagnosticSettings';
  expect(compileExistenceDetails(D, Cond.some('properties.logs', Cond.is('enabled', true)))).toEqual({
    type: D,
    existenceCondition: { count: { field: `${D}/logs[*]`, where: { field: `${D}/logs[*].enabled`, equals: true } }, greater: 0 },
  });
  expect(compileExistenceDetails('Microsoft.Authorization/locks', Cond.is('properties.level', 'CanNotDelete'))).toEqual({
    type: 'Microsoft.Authorization/locks',
    existenceCondition: { field: 'Microsoft.Authorization/locks/level', equals: 'CanNotDelete' },
  });
});

test('a nested resource\'s properties member is left out of the alias, as the providers name them (a subnet\'s delegations)', () => {
  const S = 'Microsoft.Network/virtualNetworks/subnets';
  expect(policyField('properties.addressPrefix', S)).toBe(`${S}/addressPrefix`);
  expect(compileResourceCondition(Cond.some('properties.delegations', Cond.is('properties.serviceName', 'X')), undefined, S)).toEqual({
    count: { field: `${S}/delegations[*]`, where: { field: `${S}/delegations[*].serviceName`, equals: 'X' } },
    greater: 0,
  });
});

test('a prefix longer than /n is a value condition on the number after the "/", read with field() on the resource and current() in a count; a missing prefix or one without "/" never reaches int()', () => {
  const S = 'Microsoft.Network/virtualNetworks/subnets';
  expect(compileResourceCondition(Cond.prefixLonger('properties.addressPrefix', 28), undefined, S)).toEqual({
    value: `[if(empty(field('${S}/addressPrefix')), 0, if(contains(field('${S}/addressPrefix'), '/'), int(last(split(field('${S}/addressPrefix'), '/'))), 0))]`,
    greater: 28,
  });
  const each = compileResourceCondition(Cond.some('properties.addressPrefixes', Cond.prefixLonger('', 28)), undefined, S);
  expect(each.count.field).toBe(`${S}/addressPrefixes[*]`);
  expect(each.count.where.value).toContain(`current('${S}/addressPrefixes[*]')`);
});
