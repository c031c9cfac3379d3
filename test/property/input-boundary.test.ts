import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import {
  ApiServerAccess,
  CertificateSource,
  ClusterNetwork,
  CrossClusterLink,
  CustomerCaIssuer,
  ManagedClusterModel,
  MeshFlavour,
  PrivateDnsZone,
  RegulatedPlatformModel,
  SecureAksValidationError,
  TransitEncryption,
} from '../../lib';
import {
  CalicoWireGuardConfiguration,
  CrossClusterClientChart,
  CrossClusterServerChart,
  CustomerCaIssuerChart,
  HostNetworkEncryptionCheck,
} from '../../lib/cdk8s';
import { ChartDeployment, CrossClusterMesh, HardenedCluster, RegulatedPlatform } from '../../lib/pulumi';
import { hardenedClusterTarget, synthesize } from '../../lib/synth';
import { MYSQL } from '../support/mesh-fixtures';
import { PLATFORM } from '../support/platform-fixtures';
import { installMocks, RecordedResource } from '../support/pulumi-mocks';
import { expectValidationError, validationErrorOf } from '../support/validation-error';

/**
 * Configuration from `pulumi config`, JSON and YAML can hold any value at any
 * property. Whatever arrives, every entry point answers with the library's
 * validation error, or builds: never a TypeError, never a partial result.
 */
const CLUSTER = { name: 'c1', location: 'westeurope' };
const LINK = {
  name: 'pair',
  certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
  services: [MYSQL],
};
/** Values YAML and JSON produce, plain objects posing as factory results, and hostile text. */
const wrong = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(null, 0, -1, Number.NaN, '', [], {}, { mode: 'private' }, { kind: 'acnsWireGuard' }, 'a\u202eb', 'x\u200by', 'l1\nl2'),
);
const someKeyOf = (o: object) => fc.constantFrom(...Object.keys(o), 'apiServerAccess', 'transitEncryption', 'tags', 'systemPool', 'userNodePools', 'unknownProperty');

const outcome = validationErrorOf;

function expectWellFormed(error: SecureAksValidationError | undefined): void {
  if (!error) return;
  expect(error.violations.length).toBeGreaterThan(0);
  for (const v of error.violations) {
    expect(typeof v.property).toBe('string');
    expect(v.fix.length).toBeGreaterThan(0);
    expect(v.rule.sources.length).toBeGreaterThan(0);
  }
}

test('cluster definitions: any value at any property gives the validation error or a cluster', () => {
  fc.assert(
    fc.property(someKeyOf(CLUSTER), wrong, (key, value) => expectWellFormed(outcome(() => ManagedClusterModel.build({ ...CLUSTER, [key]: value } as never)))),
    { numRuns: 400 },
  );
  // The whole input may be anything too.
  fc.assert(fc.property(wrong, (value) => expectWellFormed(outcome(() => ManagedClusterModel.build(value as never)))), { numRuns: 200 });
});

test('factory options: any value at any option is reported at the property that holds the factory\'s result', () => {
  const factories: Array<[string, (o: never) => unknown, string]> = [
    ['apiServerAccess', (o) => ({ apiServerAccess: ApiServerAccess.private(o) }), 'dnsZone'],
    ['apiServerAccess', (o) => ({ apiServerAccess: ApiServerAccess.public(o) }), 'authorizedIpRanges'],
    ['apiServerAccess.dnsZone', (o) => ({ apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create(o) }) }), 'subzone'],
    ['network', (o) => ({ network: ClusterNetwork.create(o) }), 'addressSpace'],
    ['network', (o) => ({ network: ClusterNetwork.fromSubnetIds(o) }), 'nodeSubnetId'],
    ['transitEncryption', (o) => ({ transitEncryption: TransitEncryption.calicoWireGuard(o) }), 'mtu'],
  ];
  for (const [at, make, option] of factories) {
    fc.assert(
      fc.property(wrong, (value) => {
        const error = outcome(() => ManagedClusterModel.build({ ...CLUSTER, ...(make({ [option]: value } as never) as object) } as never));
        expectWellFormed(error);
        if (error) expect(error.violations.some((v) => v.property.startsWith(at)), error.message).toBe(true);
      }),
      { numRuns: 100 },
    );
  }
});

test('a number in place of text is reported with the property, the expected type and what arrived', () => {
  const error = outcome(() => ManagedClusterModel.build({ ...CLUSTER, dnsPrefix: 42, tier: 'Gold', systemPool: { count: '3' } } as never));
  const found = error?.violations.map((v) => [v.rule.id, v.property, v.fix]) ?? [];
  expect(found).toHaveLength(3);
  expect(found).toEqual(
    expect.arrayContaining([
      ['SAKS-INPUT-001', 'dnsPrefix', 'give a string (received a number)'],
      ['SAKS-INPUT-001', 'systemPool.count', 'give a number (received a string)'],
      ['SAKS-NAME-007', 'tier', 'use one of "Free", "Standard", "Premium"'],
    ]),
  );
});

test('links and platforms: any value at any property gives the validation error or a model', () => {
  fc.assert(fc.property(fc.constantFrom(...Object.keys(LINK), 'egressPort', 'client', 'egressLockdown'), wrong, (key, value) => expectWellFormed(outcome(() => CrossClusterLink.build({ ...LINK, [key]: value } as never)))), {
    numRuns: 300,
  });
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(PLATFORM), 'versions', 'linkName'), wrong, (key, value) => expectWellFormed(outcome(() => RegulatedPlatformModel.build({ ...PLATFORM, [key]: value } as never)))),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(wrong, (value) =>
      expectWellFormed(outcome(() => RegulatedPlatformModel.build({ ...PLATFORM, issuer: CustomerCaIssuer.fromCaSecret({ secretName: value } as never) }))),
    ),
    { numRuns: 100 },
  );
  fc.assert(fc.property(wrong, (value) => expectWellFormed(outcome(() => CrossClusterLink.build({ ...LINK, client: { flavour: MeshFlavour.aksIstioAddon({ revision: value } as never) } })))), {
    numRuns: 100,
  });
});

test('the offline synth writes nothing for a definition with wrong types', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'saks-boundary-'));
  fc.assert(
    fc.property(someKeyOf(CLUSTER), wrong, (key, value) => {
      const result = synthesize(new Map([['bad', hardenedClusterTarget({ ...CLUSTER, [key]: value } as never)]]), out);
      for (const error of result.failures.values()) expect(error).toBeInstanceOf(SecureAksValidationError);
      if (result.failures.size > 0) expect(fs.readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual([]);
      fs.rmSync(path.join(out, 'bad'), { recursive: true, force: true });
    }),
    { numRuns: 100 },
  );
});

let recorded: RecordedResource[];
beforeAll(async () => {
  ({ resources: recorded } = await installMocks());
});

test('under Pulumi: wrong input registers nothing and surfaces as a RunError (no stack dump)', () => {
  fc.assert(
    fc.property(fc.constantFrom('location', 'tags', 'apiServerAccess', 'systemPool', 'nope'), fc.constantFrom(null, 42, 'a\u202eb', [1]), (key, value) => {
      const before = recorded.length;
      const thrown = expectValidationError(() => new HardenedCluster('bad', { ...CLUSTER, resourceGroupName: 'rg', [key]: value } as never));
      expect(pulumi.RunError.isInstance(thrown)).toBe(true);
      expect(recorded.length).toBe(before);
    }),
  );
});

test('constructs and ChartDeployment: anything in place of their props gives the validation error', () => {
  const props = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(null, {}, { link: { name: 'x' } }, { issuer: 'customer-ca' }, { transitEncryption: 'acnsWireGuard' }, { chart: {}, provider: {} }));
  const build: Array<[string, (p: unknown) => unknown]> = [
    ['CrossClusterClientChart', (p) => new CrossClusterClientChart(Testing.app(), 'c', p as never)],
    ['CrossClusterServerChart', (p) => new CrossClusterServerChart(Testing.app(), 's', p as never)],
    ['CustomerCaIssuerChart', (p) => new CustomerCaIssuerChart(Testing.app(), 'i', p as never)],
    ['HostNetworkEncryptionCheck', (p) => new HostNetworkEncryptionCheck(Testing.chart(), 'h', p as never)],
    ['CalicoWireGuardConfiguration', (p) => new CalicoWireGuardConfiguration(Testing.chart(), 'f', p as never)],
    ['ChartDeployment', (p) => new ChartDeployment('d', p as never)],
    ['CrossClusterMesh', (p) => new CrossClusterMesh('m', p as never)],
    ['RegulatedPlatform', (p) => new RegulatedPlatform('p', p as never)],
  ];
  for (const [name, make] of build) {
    fc.assert(
      fc.property(props, (p) => {
        const before = recorded.length;
        const error = outcome(() => make(p));
        expect(error, `${name} accepted ${JSON.stringify(p)}`).toBeDefined();
        expectWellFormed(error);
        expect(recorded.length).toBe(before);
      }),
      { numRuns: 60 },
    );
  }
});
