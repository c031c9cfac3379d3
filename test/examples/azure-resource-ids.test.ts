import * as fs from 'node:fs';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { expect, test } from 'vitest';
import { findIdCollisions } from '../../lib/core/arm/planned-resource-ids';
import { build as buildEstate } from '../../examples/estate/definition';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

const programOf = (example: string) => path.resolve(__dirname, '../../examples', example, 'index.ts');
/** Every example whose Pulumi program registers Azure resources (cross-cluster-mysql applies Kubernetes objects to clusters it is given). */
const examples = fs
  .readdirSync(path.resolve(__dirname, '../../examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(programOf(d.name)) && !/CrossClusterMesh\b/.test(fs.readFileSync(programOf(d.name), 'utf8')))
  .map((d) => d.name);

/** The Azure resources a program registered, by the id the mocks gave them as Azure would. */
const azureIds = (resources: readonly RecordedResource[]) =>
  resources.filter((r) => r.id?.startsWith('/subscriptions/')).map((r) => ({ id: r.id!, name: r.name }));

test('there are examples to walk', () => {
  expect(examples).toEqual(expect.arrayContaining(['acns-wireguard', 'calico-wireguard', 'estate', 'platform', 'private-cluster', 'public-authorized-ranges']));
});

test.each(examples)('no two Azure resources of the %s example\'s Pulumi program share an id', async (example) => {
  const { resources } = await installMocks();
  const program = await import(`../../examples/${example}/index.ts`);
  const outputs = Object.values(program).flatMap((v) => (pulumi.Output.isInstance(v) ? [v as pulumi.Output<unknown>] : pulumi.Output.isInstance(Object.values(v ?? {})[0]) ? (Object.values(v as object) as pulumi.Output<unknown>[]) : []));
  await settle(...outputs);
  await new Promise((r) => setTimeout(r, 300));
  const ids = azureIds(resources);
  expect(ids.length).toBeGreaterThan(5);
  expect(findIdCollisions(ids).map((c) => `${c.first.name} and ${c.second.name}: ${c.id}`)).toEqual([]);
});

test('no two resources of the estate example\'s templates share an id, nested deployments included', () => {
  const templates = buildEstate().plannedTemplates();
  const all = templates.flatMap((t) => t.ids.map((p) => ({ ...p, file: t.file })));
  expect(all.some((p) => p.type === 'Microsoft.Resources/deployments')).toBe(true);
  expect(all.filter((p) => p.type.endsWith('/federatedIdentityCredentials')).length).toBe(4);
  expect(findIdCollisions(all)).toEqual([]);
});

test('the walk can fail: the same program twice has every id twice', async () => {
  const { resources } = await installMocks();
  await import('../../examples/private-cluster/index');
  await new Promise((r) => setTimeout(r, 300));
  const ids = azureIds(resources);
  expect(findIdCollisions([...ids, ...ids.map((x) => ({ ...x, id: x.id.toUpperCase() }))]).length).toBe(ids.length);
});
