import { Provider } from '@pulumi/kubernetes/provider';
import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { beforeAll, expect, test } from 'vitest';
import { analyzeMesh, analyzeMeshLink } from '../../lib';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';
import { GUIDE_CLIENT, GUIDE_INGRESS_PORT, GUIDE_SERVER } from '../support/egress-ingress-guide-objects';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

const docs = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJSON());
async function synth() {
  const mod = await import('../../examples/cross-cluster-mysql/definition');
  const files = mod.default.artifacts();
  return { link: mod.link, client: docs(files['client.k8s.yaml']), server: docs(files['server.k8s.yaml']), files };
}

/** Our name for each of the guide's objects. */
const NAMES: Record<string, string> = {
  'mysql-external': 'mysql-external',
  'istio-egressgateway-mysql': 'mysql-egress',
  'direct-mysql-through-egress-gateway': 'mysql-via-egress',
  'egressgateway-for-mysql': 'mysql-egress-gateway',
  'originate-mtls-for-mysql': 'mysql-originate-mtls',
  'gateway-mysql': 'mysql-ingress',
  'mysql-virtual-service': 'mysql-ingress',
};

/**
 * Our object reduced by the documented differences: API version v1, explicit
 * namespaces/labels/exportTo, a dedicated gateway (its selector and Service
 * host), namespace-qualified gateway references, IP auto-allocation on the
 * ServiceEntry, an explicit port match on the server route, and port names.
 */
function asGuide(o: any): any {
  const s = JSON.parse(JSON.stringify(o));
  s.apiVersion = 'networking.istio.io/v1alpha3';
  delete s.metadata.namespace;
  delete s.metadata.labels;
  delete s.spec.exportTo;
  const text = JSON.stringify(s)
    .replace(/mysql-egressgateway\.secure-aks-egress\.svc\.cluster\.local/g, 'istio-egressgateway.istio-system.svc.cluster.local')
    .replace(/"istio":"mysql-egressgateway"/g, '"istio":"egressgateway"')
    .replace(/"istio":"mysql-ingressgateway"/g, '"istio":"ingressgateway"')
    .replace(/secure-aks-egress\/mysql-egress"/g, 'istio-egressgateway-mysql"')
    .replace(/secure-aks-ingress\/mysql-ingress"/g, 'gateway-mysql"');
  const r = JSON.parse(text);
  if (r.kind === 'Gateway' && r.spec.servers[0].tls.mode === 'ISTIO_MUTUAL') r.spec.servers[0].port.name = 'tls';
  if (r.kind === 'VirtualService' && r.spec.tcp.length === 1) delete r.spec.tcp[0].match;
  return r;
}

const sortKeys = (v: any): any =>
  Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;

test.each([...GUIDE_CLIENT.map((o) => ['client', `${o.kind} ${o.metadata.name}`, o] as const), ...GUIDE_SERVER.map((o) => ['server', `${o.kind} ${o.metadata.name}`, o] as const)])(
  'the %s side matches the guide\'s %s field by field, but for the documented differences',
  async (side, _name, guideObject) => {
    const out = await synth();
    const ours = (side === 'client' ? out.client : out.server).find((o: any) => o.kind === guideObject.kind && o.metadata.name === NAMES[guideObject.metadata.name]);
    expect(ours, `no ${guideObject.kind} ${NAMES[guideObject.metadata.name]}`).toBeDefined();
    expect(sortKeys(asGuide(ours).spec)).toEqual(sortKeys(guideObject.spec));
    expect(ours.apiVersion).toBe('networking.istio.io/v1');
  },
);

test('the port the guide patched in imperatively is part of the server chart (a dedicated ingress gateway Service)', async () => {
  const { server } = await synth();
  const svc = server.find((o: any) => o.kind === 'Service');
  expect(svc.spec.ports).toEqual([GUIDE_INGRESS_PORT].map((p) => expect.objectContaining(p)));
});

test('certificates replace the guide\'s hand-made secrets: same secret names, in the gateway namespaces', async () => {
  const { client, server } = await synth();
  expect(client.filter((o: any) => o.kind === 'Certificate').map((c: any) => [c.metadata.namespace, c.spec.secretName])).toEqual([['secure-aks-egress', 'client-credential']]);
  expect(server.filter((o: any) => o.kind === 'Certificate').map((c: any) => [c.metadata.namespace, c.spec.secretName])).toEqual([['secure-aks-ingress', 'mysql-credential']]);
});

test('the analyzer reports zero findings on the example', async () => {
  const { link, client, server } = await synth();
  expect(analyzeMesh(client, link.clientInventory())).toEqual([]);
  expect(analyzeMesh(server, link.serverInventory())).toEqual([]);
  expect(analyzeMeshLink(client, server)).toEqual([]);
});

test('writes the three encryption segments', async () => {
  const { files } = await synth();
  const md = files['cross-cluster-encryption.md'];
  expect(md).toContain('| 1 | client pod (default) :3306 | egress gateway mysql-egressgateway.secure-aks-egress.svc.cluster.local:15443 | ISTIO_MUTUAL (SNI mysql.fqdn.example) | mesh CA (client cluster) |');
  expect(md).toContain('| 2 | egress gateway | ingress gateway mysql.fqdn.example:13306 |');
  expect(md).toContain('customer CA');
  expect(md).toContain('| 3 | ingress gateway | mysql.default.svc.cluster.local:3306 |');
  expect(md).toContain('sequenceDiagram');
});

test('the Pulumi program applies exactly the synthesized objects to the two clusters', async () => {
  pulumi.runtime.setConfig('project:clientKubeconfig', 'client-kubeconfig');
  pulumi.runtime.setConfig('project:serverKubeconfig', 'server-kubeconfig');
  const program = await import('../../examples/cross-cluster-mysql/index');
  await settle(program.mesh);
  await new Promise((r) => setTimeout(r, 100));
  const { charts } = await import('../../examples/cross-cluster-mysql/definition');
  const app = Testing.app();
  charts(app);
  const [client, server] = app.charts;
  const group = (name: string) => resources.find((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup' && r.name === name)!;
  expect(group('mysql-client').inputs.objs).toEqual(client.toJson());
  expect(group('mysql-server').inputs.objs).toEqual(server.toJson());
  expect(group('mysql-client').provider).toContain('::client-cluster::');
  expect(group('mysql-server').provider).toContain('::server-cluster::');
  void Provider;
});

test('cdk8s synth (main.ts, as the CLI runs it) writes the same bytes as npm run synth', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { spawnSync } = await import('node:child_process');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-synth-'));
  try {
    const dir = path.resolve(__dirname, '../../examples/cross-cluster-mysql');
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'main.ts'], { cwd: dir, env: { ...process.env, CDK8S_OUTDIR: out }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { files } = await synth();
    for (const f of ['client.k8s.yaml', 'server.k8s.yaml']) expect(fs.readFileSync(path.join(out, f), 'utf8')).toBe(files[f]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
