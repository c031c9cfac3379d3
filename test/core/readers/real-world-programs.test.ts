import * as path from 'node:path';
import * as authorization from '@pulumi/azure/authorization';
import * as containerservice from '@pulumi/azure/containerservice';
import * as core from '@pulumi/azure/core';
import * as network from '@pulumi/azure/network';
import * as pulumi from '@pulumi/pulumi';
import type { ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy/policy';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { PAYLOAD_RULE_IDS } from '../../../lib/core/audit/cluster-payload-rules';
import { evaluateAzurePolicy } from '../../../lib/core/policy/evaluate-azure-policy';
import { policyName, secureAksPolicies } from '../../../lib/policy';
import { describePulumiStack, StackResource } from '../../../lib/policy/pulumi-stack-description';
import { asOutputs, inAnalyzerOrder } from '../../support/pulumi-analyzer';
import { installClassicProgramMocks, RegisteredResource, registrationsSettled } from '../../support/classic-program-mocks';
import { Application, PrivateKey, ServicePrincipal, ServicePrincipalPassword } from '../../support/pulumi-classic-stand-ins';
import { azurePolicyView, COMPILED, evaluable } from '../../support/policy-agreement';
import { expectedOf, PROGRAM_FORM, REAL_WORLD_CASES, REAL_WORLD_ROOT, verdictsToCompare } from '../../support/real-world-corpus';

/**
 * The classic-provider Pulumi programs of the real-world corpus
 * (test/fixtures/real-world, `form: pulumi-classic-program`), run under
 * Pulumi's mocks. Every resource they register goes through the policy pack's
 * reader (the stack's resources, described as one deployment) and is judged
 * three ways that must agree: the audit of that description gives the
 * verdicts a reader expects (expected.json), the policy pack's policies report
 * exactly the rules it fails, and each Azure Policy definition synth writes
 * flags the cluster exactly where its rule fails.
 */

// Packages the programs import that are not installed: stand-ins register their type tokens.
vi.mock('@pulumi/azuread', () => import('../../support/pulumi-classic-stand-ins'));
vi.mock('@pulumi/tls', () => import('../../support/pulumi-classic-stand-ins'));
vi.mock('@pulumi/docker', () => import('../../support/pulumi-classic-stand-ins'));

/** The stack's configuration the programs require (`config.require`). */
const CONFIG = { password: 'placeholder', sshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2E placeholder' };

const PROGRAM_CASES = REAL_WORLD_CASES.filter((slug) => expectedOf(slug).form === PROGRAM_FORM);

/**
 * The TypeScript programs, run unmodified: the entry module of each (the
 * imports of `@pulumi/random` in them are unused, and compiled away).
 */
const RUN_UNMODIFIED: Readonly<Record<string, string>> = {
  'pulumi-classic-ts-aks-keda': 'index.ts',
  'pulumi-classic-ts-aks-mean': 'index.ts',
};

/**
 * The programs in languages that cannot run here (Python, Go, F#), each as
 * the TypeScript program it translates to line by line: the same classic
 * resources, logical names and arguments, with the argument names spelled as
 * TypeScript spells them (`dns_prefix`, `DnsPrefix` are `dnsPrefix`). Azure AD
 * and TLS resources are the stand-ins of the TypeScript programs.
 */
const TRANSLATED: Readonly<Record<string, () => void>> = {
  // __main__.py: the password is in the stack's configuration, so no RandomPassword (nothing the cluster reads) is created.
  'pulumi-classic-py-aks-multicluster': () => {
    const sshPublicKey = new pulumi.Config().require('sshPublicKey');
    const resourceGroup = new core.ResourceGroup('aksresourcegroup');
    const adApp = new Application('aks', { displayName: 'aks' });
    const adSp = new ServicePrincipal('aksSp', { clientId: adApp.clientId });
    const adSpPassword = new ServicePrincipalPassword('aksSpPassword', { servicePrincipalId: adSp.id, endDate: '2099-01-01T00:00:00Z' });
    const configs = [
      { name: 'east', location: 'eastus', nodeCount: 2, nodeSize: 'Standard_D2_v2' },
      { name: 'west', location: 'westus', nodeCount: 2, nodeSize: 'Standard_D2_v2' },
    ];
    for (const config of configs) {
      new containerservice.KubernetesCluster(`aksCluster-${config.name}`, {
        resourceGroupName: resourceGroup.name,
        linuxProfile: { adminUsername: 'aksuser', sshKey: { keyData: sshPublicKey } },
        servicePrincipal: { clientId: adApp.clientId, clientSecret: adSpPassword.value },
        location: config.location,
        defaultNodePool: { name: 'aksagentpool', nodeCount: config.nodeCount, vmSize: config.nodeSize },
        dnsPrefix: 'sample-kube',
      });
    }
  },
  // main.go
  'pulumi-classic-go-aks-multicluster': () => {
    const c = new pulumi.Config();
    const location = c.get('location') || 'eastus';
    const sshPublicKey = c.require('sshPublicKey');
    const resourceGroup = new core.ResourceGroup('aks', { location });
    const adApp = new Application('aks', { displayName: 'aks' });
    const adSp = new ServicePrincipal('aksSp', { applicationId: adApp.applicationId });
    const adSpPassword = new ServicePrincipalPassword('aksSpPassword', { servicePrincipalId: adSp.id });
    const configs = [
      { name: 'east', location: 'eastus', nodeCount: 2, nodeSize: 'Standard_D2_v2' },
      { name: 'west', location: 'westus', nodeCount: 5, nodeSize: 'Standard_D2_v2' },
    ];
    for (const perClusterConfig of configs) {
      new containerservice.KubernetesCluster(`aksCluster-${perClusterConfig.name}`, {
        resourceGroupName: resourceGroup.name,
        linuxProfile: { adminUsername: 'aksuser', sshKey: { keyData: sshPublicKey } },
        servicePrincipal: { clientId: adApp.applicationId, clientSecret: adSpPassword.value },
        location: perClusterConfig.location,
        defaultNodePool: { name: 'aksagentpool', nodeCount: perClusterConfig.nodeCount, vmSize: perClusterConfig.nodeSize },
        dnsPrefix: `${pulumi.getStack()}-kube`,
      });
    }
  },
  // Program.fs: the helpers inlined at their call sites in infra ().
  'pulumi-classic-fs-aks': () => {
    const resourceGroup = new core.ResourceGroup('fsaks');
    const privateKey = new PrivateKey('fsakssshkey', { algorithm: 'RSA', rsaBits: 4096 });
    const app = new Application('fsaks', { displayName: 'aks' });
    const servicePrincipal = new ServicePrincipal('fsakssp', { applicationId: app.applicationId });
    const servicePrincipalPassword = new ServicePrincipalPassword('fsakssppassword', { servicePrincipalId: servicePrincipal.id, endDate: '2099-01-01T00:00:00Z' });
    new authorization.Assignment('role-assignment', { principalId: servicePrincipal.id, scope: resourceGroup.id, roleDefinitionName: 'Network Contributor' });
    const vnet = new network.VirtualNetwork('fsaksvnet', { resourceGroupName: resourceGroup.name, addressSpaces: ['10.2.0.0/16'] });
    const subnet = new network.Subnet('fsakssubnet', { resourceGroupName: resourceGroup.name, virtualNetworkName: vnet.name, addressPrefixes: ['10.2.1.0/24'] });
    new containerservice.KubernetesCluster('fsakscluster', {
      resourceGroupName: resourceGroup.name,
      defaultNodePool: { name: 'aksagentpool', nodeCount: 3, vmSize: 'Standard_B2s', osDiskSizeGb: 30, vnetSubnetId: subnet.id },
      dnsPrefix: 'fsaks',
      linuxProfile: { adminUsername: 'aksuser', sshKey: { keyData: privateKey.publicKeyOpenssh } },
      servicePrincipal: { clientId: app.applicationId, clientSecret: servicePrincipalPassword.value },
      kubernetesVersion: '1.16.4',
      roleBasedAccessControlEnabled: true,
      networkProfile: { networkPlugin: 'azure', dnsServiceIp: '10.2.2.254', serviceCidr: '10.2.2.0/24' },
    });
  },
};

/** Every resource each program registered, by case. */
const registered: Record<string, readonly RegisteredResource[]> = {};

beforeAll(async () => {
  const all = await installClassicProgramMocks(CONFIG);
  // One program after the other, each done before the next starts: its resources are the ones registered meanwhile.
  for (const slug of PROGRAM_CASES) {
    const start = all.length;
    if (RUN_UNMODIFIED[slug] !== undefined) await import(path.join(REAL_WORLD_ROOT, slug, RUN_UNMODIFIED[slug]));
    else TRANSLATED[slug]?.();
    await registrationsSettled(all);
    registered[slug] = all.slice(start);
  }
}, 120_000);

/** A program's resources as the policy pack receives them. */
function stackOf(slug: string): StackResource[] {
  return registered[slug].map((r) => ({ type: r.type, name: r.name, props: r.inputs, urn: r.urn }));
}

/** The clusters of a program's stack, as the policy pack describes the stack, each with its resource and its audit. */
function auditedClusters(slug: string) {
  const { described, deployment } = describePulumiStack(stackOf(slug));
  return deployment.clusters.map((cluster) => ({ r: described.find((x) => x.d === cluster.resource)!.r, cluster, audit: auditCluster(cluster) }));
}

/** The policies of the pack that report on each resource (by URN), run as CrossGuard runs them: resource policies per resource, stack policies once. */
function reportedByPack(stack: readonly StackResource[]): Map<string, Set<string>> {
  const reported = new Map<string, Set<string>>();
  const add = (urn: string, policy: string) => reported.set(urn, (reported.get(urn) ?? new Set()).add(policy));
  const resource = (r: StackResource) => ({ ...r, opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined });
  const common = { stackTags: new Map<string, string>(), getConfig: () => ({}), notApplicable: (): never => { throw new Error('not applicable'); } };
  for (const p of inAnalyzerOrder(secureAksPolicies())) {
    if ('validateStack' in p) {
      (p as StackValidationPolicy).validateStack({ resources: stack.map((r) => asOutputs(resource(r))), ...common } as never, (_message, urn) => add(urn ?? 'stack', p.name));
    } else {
      const validate = (p as ResourceValidationPolicy).validateResource as (args: object, report: (message: string) => void) => void;
      for (const r of stack) validate({ ...resource(r), ...common }, () => add(r.urn, p.name));
    }
  }
  return reported;
}

test('every program of the corpus is judged: the TypeScript ones run unmodified, exactly the others translated', () => {
  const isTypeScript = (slug: string) => expectedOf(slug).documents.every((d) => d.endsWith('.ts'));
  expect(PROGRAM_CASES.length).toBeGreaterThanOrEqual(5);
  expect(Object.keys(RUN_UNMODIFIED).sort()).toEqual(PROGRAM_CASES.filter(isTypeScript));
  expect(Object.keys(TRANSLATED).sort()).toEqual(PROGRAM_CASES.filter((slug) => !isTypeScript(slug)));
});

describe.each(PROGRAM_CASES)('%s', (slug) => {
  const expected = expectedOf(slug);

  test('registers its clusters, and every verdict of the audit on the stack as the policy pack reads it is the one a reader expects', () => {
    const clusters = auditedClusters(slug);
    expect(clusters.map((c) => c.r.name).sort()).toEqual(expected.clusters.map((c) => c.match.name).sort());
    const found: Record<string, Record<string, string>> = {};
    const wanted: Record<string, Record<string, string>> = {};
    for (const c of expected.clusters) {
      const key = c.match.name!;
      const { audit } = clusters.find((x) => x.r.name === key)!;
      const compared = verdictsToCompare(slug, c.verdicts, Object.fromEntries(audit.outcomes.map((o) => [o.rule.id, o.verdict])));
      for (const [id, verdict] of Object.entries(compared.moreCareful)) expect(verdict, `${slug} ${id} is listed as more careful`).toBe('undecided');
      wanted[key] = compared.wanted;
      found[key] = compared.found;
    }
    expect(found).toEqual(wanted);
  });

  test('the policy pack reports on each cluster and its separate pools exactly the rules the audit fails', () => {
    const reported = reportedByPack(stackOf(slug));
    for (const { r, cluster, audit } of auditedClusters(slug)) {
      const failed = audit.outcomes.filter((o) => PAYLOAD_RULE_IDS.has(o.rule.id) && o.verdict === 'fail').map((o) => policyName(o.rule));
      expect(failed.length, r.name).toBeGreaterThan(0);
      // A rule's companion (`-with-pools`) reports what it finds with the pools declared as their own resources, on the pool whose setting it is.
      const urns = [r.urn, ...cluster.poolResources.map((p) => p.origin.document)];
      const rules = new Set(urns.flatMap((urn) => [...(reported.get(urn) ?? [])]).map((policy) => policy.replace(/-with-pools$/, '')));
      expect([...rules].sort(), r.name).toEqual(failed.sort());
    }
  });

  test('each Azure Policy definition synth writes flags each cluster exactly where its rule fails, wherever the rule decides', () => {
    let decided = 0;
    for (const { r, cluster, audit } of auditedClusters(slug)) {
      const verdicts = new Map(audit.outcomes.map((o) => [o.rule.id, o.verdict]));
      const resource = azurePolicyView(cluster, r.name);
      for (const { rule, definition } of COMPILED) {
        const verdict = verdicts.get(rule.rule.id);
        if (verdict === 'undecided') continue;
        expect(evaluateAzurePolicy(evaluable(definition), resource).state, `${r.name}: ${rule.rule.id} (rule ${verdict})`).toBe(verdict === 'fail' ? 'non-compliant' : 'compliant');
        decided++;
      }
    }
    expect(decided).toBeGreaterThan(expected.clusters.length * 5);
  });
});
