/**
 * Microsoft's published models of the ARM APIs, from Microsoft's own JS SDKs,
 * used to prove that every property we send exists at the API version we pin.
 *
 * Each check deserializes our wire payload into the SDK's model and serializes
 * it back: a property the model of that version does not have is dropped on
 * the way, so the round trip equals the input only if every property is real.
 * The serializers are internal to the SDK packages (not in their `exports`
 * maps), so they are loaded by file path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';

function packageDir(pkg: string): string {
  // The packages' `exports` maps hide package.json; cut the resolved entry at the package folder.
  const entry = require.resolve(pkg);
  const marker = path.join('node_modules', pkg);
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length);
}

function load(pkg: string, file: string): any {
  return require(path.join(packageDir(pkg), file));
}

/** Loads a bundled file and returns one of its module-internal bindings. */
function loadInternal(pkg: string, file: string, binding: string): any {
  const filename = path.join(packageDir(pkg), file);
  const source = `${fs.readFileSync(filename, 'utf8')}\nmodule.exports.__internal = ${binding};`;
  const m = new Module(filename, module) as Module & { _compile(code: string, file: string): void };
  m.filename = filename;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
  m._compile(source, filename);
  return (m.exports as { __internal: unknown }).__internal;
}

/** The default API version compiled into an SDK package. */
export function sdkApiVersion(pkg: string, file: string, pattern: RegExp): string {
  const text = fs.readFileSync(path.join(packageDir(pkg), file), 'utf8');
  const m = pattern.exec(text);
  if (!m) throw new Error(`no API version found in ${pkg}/${file}`);
  return m[1];
}

/**
 * The API version of the PUT of `pathSuffix` in @azure/arm-authorization: the
 * operation spec names its api-version parameter, whose default is the version.
 */
function authorizationPutApiVersion(pathSuffix: string): string {
  const text = fs.readFileSync(path.join(packageDir('@azure/arm-authorization'), 'dist/index.js'), 'utf8');
  const spec = new RegExp(`path: "[^"]*${pathSuffix.replace(/[{}]/g, '\\$&')}",\\s*httpMethod: "PUT"[\\s\\S]*?queryParameters: \\[(\\w+)\\]`).exec(text);
  if (!spec) throw new Error(`no PUT ${pathSuffix} in @azure/arm-authorization`);
  const param = new RegExp(`const ${spec[1]} = \\{[\\s\\S]*?defaultValue: "([^"]+)"`).exec(text);
  if (!param) throw new Error(`no default for ${spec[1]}`);
  return param[1];
}

const containerService = () => load('@azure/arm-containerservice', 'dist/commonjs/models/models.js');
const networkMappers = () => loadInternal('@azure/arm-network', 'dist/index.js', 'Mappers');
const privateDns = () => load('@azure/arm-privatedns', 'dist/commonjs/models/models.js');
const msiMappers = () => loadInternal('@azure/arm-msi', 'dist/index.js', 'Mappers');
/** The API version of an older-style SDK: its `apiVersion` parameter's default. */
const parameterApiVersion = (pkg: string) => sdkApiVersion(pkg, 'dist/index.js', /const apiVersion = \{\s*parameterPath: "apiVersion",\s*mapper: \{\s*defaultValue: "([^"]+)"/);
const privateDnsApiVersion = () =>
  sdkApiVersion('@azure/arm-privatedns', 'dist/commonjs/api/privateZones/operations.js', /"api%2Dversion": context\.apiVersion \?\? "([^"]+)"/);
const msiApiVersion = () => sdkApiVersion('@azure/arm-msi', 'dist/index.js', /this\.apiVersion = options\.apiVersion \|\| "([^"]+)"/);
const operationalInsights = () => load('@azure/arm-operationalinsights', 'dist/commonjs/models/models.js');
const kubernetesConfigurationMappers = () => loadInternal('@azure/arm-kubernetesconfiguration', 'dist/index.js', 'Mappers');
const monitorModels = () => load('@azure/arm-monitor', 'dist/commonjs/models/diagnosticsSettings/models.js');

function mapperRoundTrip(mappers: Record<string, any>, mapperName: string, wire: unknown): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createSerializer } = require('@azure/core-client');
  const serializer = createSerializer(mappers, false);
  const mapper = mappers[mapperName];
  const model = serializer.deserialize(mapper, wire, 'wire');
  return serializer.serialize(mapper, model, 'wire');
}

/** Round trips of a wire payload through the SDK model of each resource type, and the version that model is for. */
export const MicrosoftModels: Record<string, { apiVersion: () => string; roundTrip: (wire: any) => unknown }> = {
  /** Cluster extensions: `@azure/arm-kubernetesconfiguration` 6.1.0. */
  'Microsoft.KubernetesConfiguration/extensions': {
    apiVersion: () => parameterApiVersion('@azure/arm-kubernetesconfiguration'),
    roundTrip: (wire) => mapperRoundTrip(kubernetesConfigurationMappers(), 'Extension', wire),
  },
  'Microsoft.ContainerService/managedClusters': {
    apiVersion: () =>
      sdkApiVersion('@azure/arm-containerservice', 'dist/commonjs/api/managedClusters/operations.js', /"api%2Dversion": context\.apiVersion \?\? "([^"]+)"/),
    roundTrip: (wire) => containerService().managedClusterSerializer(containerService().managedClusterDeserializer(wire)),
  },
  'Microsoft.Network/virtualNetworks': {
    apiVersion: () => parameterApiVersion('@azure/arm-network'),
    roundTrip: (wire) => mapperRoundTrip(networkMappers(), 'VirtualNetwork', wire),
  },
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': {
    apiVersion: () => parameterApiVersion('@azure/arm-network'),
    roundTrip: (wire) => mapperRoundTrip(networkMappers(), 'VirtualNetworkPeering', wire),
  },
  'Microsoft.Network/privateDnsZones/A': {
    apiVersion: privateDnsApiVersion,
    roundTrip: (wire) => privateDns().recordSetSerializer(privateDns().recordSetDeserializer(wire)),
  },
  'Microsoft.Network/networkSecurityGroups': {
    apiVersion: () => parameterApiVersion('@azure/arm-network'),
    roundTrip: (wire) => mapperRoundTrip(networkMappers(), 'NetworkSecurityGroup', wire),
  },
  'Microsoft.OperationalInsights/workspaces': {
    apiVersion: () =>
      sdkApiVersion('@azure/arm-operationalinsights', 'dist/commonjs/api/workspaces/operations.js', /"api%2Dversion": context\.apiVersion \?\? "([^"]+)"/),
    roundTrip: (wire) => operationalInsights().workspaceSerializer(operationalInsights().workspaceDeserializer(wire)),
  },
  'Microsoft.ManagedIdentity/userAssignedIdentities': {
    apiVersion: msiApiVersion,
    roundTrip: (wire) => mapperRoundTrip(msiMappers(), 'Identity', wire),
  },
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials': {
    apiVersion: msiApiVersion,
    roundTrip: (wire) => mapperRoundTrip(msiMappers(), 'FederatedIdentityCredential', wire),
  },
  'Microsoft.Network/privateDnsZones': {
    apiVersion: privateDnsApiVersion,
    roundTrip: (wire) => privateDns().privateZoneSerializer(privateDns().privateZoneDeserializer(wire)),
  },
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': {
    apiVersion: privateDnsApiVersion,
    roundTrip: (wire) => privateDns().virtualNetworkLinkSerializer(privateDns().virtualNetworkLinkDeserializer(wire)),
  },
  'Microsoft.Insights/diagnosticSettings': {
    apiVersion: () => sdkApiVersion('@azure/arm-monitor', 'dist/commonjs/api/diagnosticSettings/operations.js', /"api%2Dversion": "([^"]+)"/),
    roundTrip: (wire) => monitorModels().diagnosticSettingsResourceSerializer(monitorModels().diagnosticSettingsResourceDeserializer(wire)),
  },
  'Microsoft.Authorization/roleAssignments': {
    apiVersion: () => authorizationPutApiVersion('roleAssignments/{roleAssignmentName}'),
    roundTrip: (wire) =>
      mapperRoundTrip(loadInternal('@azure/arm-authorization', 'dist/index.js', 'Mappers'), 'RoleAssignmentCreateParameters', wire),
  },
  'Microsoft.Authorization/roleDefinitions': {
    apiVersion: () => authorizationPutApiVersion('roleDefinitions/{roleDefinitionId}'),
    roundTrip: (wire) => mapperRoundTrip(loadInternal('@azure/arm-authorization', 'dist/index.js', 'Mappers'), 'RoleDefinition', wire),
  },
  'Microsoft.Authorization/locks': {
    apiVersion: () => sdkApiVersion('@azure/arm-locks', 'dist/index.js', /this\.apiVersion = options\.apiVersion \|\| "([^"]+)"/),
    roundTrip: (wire) => mapperRoundTrip(loadInternal('@azure/arm-locks', 'dist/index.js', 'Mappers'), 'ManagementLockObject', wire),
  },
  'Microsoft.Network/routeTables': {
    apiVersion: () => parameterApiVersion('@azure/arm-network'),
    roundTrip: (wire) => mapperRoundTrip(networkMappers(), 'RouteTable', wire),
  },
};


type Transcribed = Record<string, Record<string, string | null | { additionalProperties?: string | null; items?: string | null }>>;

/**
 * The property paths of a fluxConfiguration body that the 2025-04-01 REST API
 * specification does not define (see test/fixtures/flux-configurations-2025-04-01).
 */
export function unknownFluxConfigurationProperties(body: Record<string, unknown>): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model = require('../fixtures/flux-configurations-2025-04-01/writable-properties.json') as Transcribed;
  const out: string[] = [];
  const visit = (value: unknown, definition: string | null, at: string): void => {
    if (definition === null || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const properties = model[definition];
    if (!properties) {
      out.push(`${at} (${definition} is not transcribed)`);
      return;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!(k in properties)) {
        out.push(at === '' ? k : `${at}.${k}`);
        continue;
      }
      const ref = properties[k];
      const path = at === '' ? k : `${at}.${k}`;
      if (ref !== null && typeof ref === 'object') {
        if ('additionalProperties' in ref) for (const [key, item] of Object.entries(v as Record<string, unknown>)) visit(item, ref.additionalProperties ?? null, `${path}.${key}`);
        if ('items' in ref) (v as unknown[]).forEach((item, i) => visit(item, ref.items ?? null, `${path}[${i}]`));
      } else {
        visit(v, ref, path);
      }
    }
  };
  visit(body, 'FluxConfiguration', '');
  return out;
}
