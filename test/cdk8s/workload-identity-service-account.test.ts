import { Testing } from 'cdk8s';
import { expect, test } from 'vitest';
import { Rules } from '../../lib';
import { WorkloadIdentityServiceAccount } from '../../lib/cdk8s';
import { CERT_MANAGER_IDENTITY, GROUP } from '../support/cluster-fixtures';
import { expectValidationError } from '../support/validation-error';

const federation = { name: 'cert-manager-dns', identityId: CERT_MANAGER_IDENTITY, clientId: GROUP, namespace: 'cert-manager', serviceAccountName: 'cert-manager' };

test('writes the service account with the identity\'s client id, in a user\'s own chart', () => {
  const chart = Testing.chart();
  new WorkloadIdentityServiceAccount(chart, 'cert-manager', federation);
  expect(Testing.synth(chart)).toEqual([
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'cert-manager', namespace: 'cert-manager', annotations: { 'azure.workload.identity/client-id': GROUP } },
    },
  ]);
});

test('a client id that is not a GUID is refused with the library\'s error before the construct exists', () => {
  const chart = Testing.chart();
  const e = expectValidationError(() => new WorkloadIdentityServiceAccount(chart, 'bad', { ...federation, clientId: 'cert-manager', namespace: 'Cert_Manager' }));
  expect(e.violations.map((v) => [v.rule.id, v.property])).toEqual([
    [Rules.federatedIdentity.id, 'props.clientId'],
    [Rules.federatedIdentity.id, 'props.namespace'],
  ]);
  expect(chart.node.children).toEqual([]);
});
