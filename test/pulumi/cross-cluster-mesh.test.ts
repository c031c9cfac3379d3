import * as pulumi from '@pulumi/pulumi';
import { Provider } from '@pulumi/kubernetes/provider';
import { Testing } from 'cdk8s';
import { beforeAll, expect, test } from 'vitest';
import { GatewayDeployment, SecureAksValidationError } from '../../lib';
import { addCrossClusterCharts } from '../../lib/cdk8s';
import { CrossClusterMesh } from '../../lib/pulumi';
import { mysqlLink } from '../support/mesh-fixtures';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';
import { expectValidationError } from '../support/validation-error';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

const urnOf = (r: { urn: { apply: (f: (u: string) => void) => void } }) => new Promise<string>((resolve) => r.urn.apply(resolve));

test('records exactly the synthesized objects of each chart, each through its cluster\'s provider', async () => {
  const link = mysqlLink();
  const clientProvider = new Provider('client-cluster', { kubeconfig: 'client' });
  const serverProvider = new Provider('server-cluster', { kubeconfig: 'server' });
  const mesh = new CrossClusterMesh('mysql', { link, clientProvider, serverProvider });
  await settle(mesh.urn);
  const app = Testing.app();
  const charts = addCrossClusterCharts(app, link);
  const group = (name: string) => resources.find((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup' && r.name === name)!;
  expect(group('mysql-client').inputs.objs).toEqual(charts.client.toJson());
  expect(group('mysql-server').inputs.objs).toEqual(charts.server.toJson());
  // The server cluster gets the backends' STRICT PeerAuthentication and the policy that keeps it.
  const guarded = (group('mysql-server').inputs.objs as { kind: string; metadata: { name: string } }[]).filter((o) => ['PeerAuthentication', 'ValidatingAdmissionPolicy'].includes(o.kind));
  expect(guarded.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([`PeerAuthentication/${link.name}-backends-strict-mtls`, `ValidatingAdmissionPolicy/secure-aks-link-${link.name}-backend-mtls`, `ValidatingAdmissionPolicy/secure-aks-link-${link.name}-server`]);
  // (Pulumi's mocks keep only the immediate parent's type in a URN.)
  expect(await urnOf(mesh.client)).toContain('secure-aks:mesh:CrossClusterMesh$secure-aks:kubernetes:ChartDeployment::mysql-client');
  expect(await urnOf(mesh.client.configGroup)).toContain('secure-aks:kubernetes:ChartDeployment$kubernetes:yaml/v2:ConfigGroup::mysql-client');
  // No chart goes to the wrong cluster: each ConfigGroup carries its own cluster's provider.
  expect(group('mysql-client').provider).toContain('pulumi:providers:kubernetes::client-cluster');
  expect(group('mysql-server').provider).toContain('pulumi:providers:kubernetes::server-cluster');
});

test('a shared gateway\'s port is applied as a ServicePatch, not in the ConfigGroup', async () => {
  const link = mysqlLink({ name: 'shared', server: { gateway: GatewayDeployment.shared() } } as any);
  const p = new Provider('p', { kubeconfig: 'x' });
  const mesh = new CrossClusterMesh('shared', { link, clientProvider: p, serverProvider: p });
  await settle(mesh.urn);
  const patch = resources.find((r) => r.type === 'kubernetes:core/v1:ServicePatch')!;
  expect(patch.inputs.metadata).toMatchObject({
    name: 'istio-ingressgateway',
    namespace: 'istio-system',
    annotations: { 'pulumi.com/patchForce': 'true', 'pulumi.com/patchFieldManager': 'secure-aks' },
  });
  expect(patch.inputs.spec.ports).toEqual([{ name: 'tls-mysql', port: 13306, targetPort: 13306, protocol: 'TCP' }]);
  const group = resources.find((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup' && r.name === 'shared-server')!;
  expect(group.inputs.objs.some((o: any) => o.kind === 'Service')).toBe(false);
});

test('fails before registering anything on an invalid link', () => {
  const before = resources.length;
  expect(() => mysqlLink({ services: [{ ...mysqlLink().services[0], gatewayPort: 15090 }] })).toThrow(SecureAksValidationError);
  expect(resources.length).toBe(before);
});

test('two components of one program whose links collide on one cluster: the second is refused before it registers anything', () => {
  const clientProvider = new Provider('shared-client', { kubeconfig: 'client' });
  const serverProvider = new Provider('shared-server', { kubeconfig: 'server' });
  new CrossClusterMesh('ledger', { link: mysqlLink({ name: 'ledger' }), clientProvider, serverProvider });
  const before = resources.length;
  // Another team's link, same service name, on the same clusters and the same gateway namespaces.
  const thrown = expectValidationError(() => new CrossClusterMesh('claims', { link: mysqlLink({ name: 'claims' }), clientProvider, serverProvider }));
  expect(thrown.ruleIds).toContain('SAKS-MESH-011');
  expect(thrown.message).toMatch(/the cluster of provider "shared-client": Gateway\/secure-aks-egress\/mysql-egress/);
  expect(pulumi.RunError.isInstance(thrown)).toBe(true);
  expect(resources.filter((r) => r.name.startsWith('claims')).length).toBe(0);
  expect(resources.length).toBe(before);
  // The same link on other clusters is fine.
  const other = new Provider('other-client', { kubeconfig: 'other' });
  expect(() => new CrossClusterMesh('claims-elsewhere', { link: mysqlLink({ name: 'claims' }), clientProvider: other, serverProvider: new Provider('other-server', { kubeconfig: 'o' }) })).not.toThrow();
});
