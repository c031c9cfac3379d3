/**
 * Pulumi components that would write the same Azure resource, composed in one
 * program the ways a user would: each must be refused with the library's
 * error before it registers anything. Azure addresses a resource by its id, so
 * a second deployment of one id overwrites the first; Entra names a federated
 * credential under its identity and refuses concurrent writes to one identity
 * (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
 */
import * as pulumi from '@pulumi/pulumi';
import { expect, test } from 'vitest';
import { ClusterDelivery, EstateModel, EstateProps, GitOpsSource, SecureAksValidationError } from '../../lib';
import { HardenedCluster, RegulatedEstate } from '../../lib/pulumi';
import { props as ESTATE } from '../../examples/estate/definition';
import { installMocks, RecordedResource } from '../support/pulumi-mocks';

const FLUX = ESTATE.delivery.source!.identity!;
const credential = (name: string) => ({ name, identityId: FLUX.identityId, clientId: FLUX.clientId, namespace: 'apps', serviceAccountName: name });

/** Runs `compose`, returns the library's error it throws, and the resources registered under `prefix` meanwhile. */
async function refusal(resources: RecordedResource[], prefix: string, compose: () => void): Promise<{ error: SecureAksValidationError; registered: string[] }> {
  let error: unknown;
  try {
    compose();
  } catch (e) {
    error = e;
  }
  await new Promise((r) => setTimeout(r, 300));
  expect(error, 'the collision passed silently').toBeInstanceOf(SecureAksValidationError);
  const found = error as SecureAksValidationError;
  for (const v of found.violations) {
    expect(v.rule.id).toBe('SAKS-EST-008');
    expect(v.fix.length).toBeGreaterThan(10);
    expect(v.rule.sources.length).toBeGreaterThan(0);
  }
  return { error: found, registered: resources.filter((r) => r.name.startsWith(prefix)).map((r) => r.name) };
}

test('a cluster of its own first, then an estate holding a cluster of its name and resource group: the estate registers nothing', async () => {
  const { resources } = await installMocks();
  new HardenedCluster('solo', { name: 'ledger', location: 'westeurope', resourceGroupName: 'rg-ledger' });
  const { error, registered } = await refusal(resources, 'estate', () => new RegulatedEstate('estate', { estate: EstateModel.build(ESTATE) }));
  expect(error.violations.map((v) => String(v.value))).toContain('/subscriptions/{default provider}/resourceGroups/rg-ledger/providers/Microsoft.ContainerService/managedClusters/ledger');
  expect(registered).toEqual([]);
});

test('two estates of different clusters on one Flux identity: a cluster name used in both writes the same credential, and the second estate registers nothing', async () => {
  const { resources } = await installMocks();
  new RegulatedEstate('first', { estate: EstateModel.build(ESTATE) });
  const other: EstateProps = { ...ESTATE, links: [], clusters: [{ ...ESTATE.clusters[0], resourceGroupName: 'rg-payments-dr', addressSpace: '10.60.0.0/16' }] };
  const { error, registered } = await refusal(resources, 'second', () => new RegulatedEstate('second', { estate: EstateModel.build(other) }));
  expect(error.violations.map((v) => String(v.value))).toContain(`${FLUX.identityId}/federatedIdentityCredentials/payments-flux-source-controller`);
  expect(registered).toEqual([]);
});

test('a cluster of its own that federates the estate\'s Flux identity under the name of a cluster\'s Flux credential registers nothing', async () => {
  const { resources } = await installMocks();
  new RegulatedEstate('estate', { estate: EstateModel.build(ESTATE) });
  const { error, registered } = await refusal(resources, 'tools', () =>
    new HardenedCluster('tools', { name: 'tools', location: 'westeurope', resourceGroupName: 'rg-tools', workloadIdentity: true, federatedIdentities: [credential('payments-flux-source-controller')] }),
  );
  expect(error.violations.map((v) => String(v.value))).toContain(`${FLUX.identityId}/federatedIdentityCredentials/payments-flux-source-controller`);
  expect(registered).toEqual([]);
});

test('an estate inside the user\'s own component collides with one outside it just the same', async () => {
  const { resources } = await installMocks();
  class Platform extends pulumi.ComponentResource {
    public constructor(name: string, estate: EstateModel) {
      super('contoso:platform:Platform', name);
      new RegulatedEstate(`${name}-estate`, { estate }, { parent: this });
    }
  }
  const estate = EstateModel.build({ ...ESTATE, delivery: ClusterDelivery.gitOps({ source: GitOpsSource.gitRepository({ url: 'https://github.com/contoso/platform', branch: 'main' }) }) });
  new RegulatedEstate('outside', { estate });
  const { registered } = await refusal(resources, 'inside-estate', () => new Platform('inside', estate));
  expect(registered).toEqual([]);
});
