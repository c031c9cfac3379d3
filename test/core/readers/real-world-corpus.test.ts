import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { parseJsonDocument } from '../../../lib/core/readers/document-text';
import { PAYLOAD_RULE_IDS } from '../../../lib/core/audit/cluster-payload-rules';
import { ClusterDescription } from '../../../lib/core/description/cluster-description';
import { policyName, secureAksPolicies, STACK_RULE_IDS } from '../../../lib/policy';
import { expectedOf, PROGRAM_FORM, readRealWorldCase, REAL_WORLD_CASES, REAL_WORLD_ROOT, verdictsToCompare } from '../../support/real-world-corpus';

/**
 * Real AKS documents nobody here wrote (test/fixtures/real-world, each with
 * its SOURCE.md), read as `secure-aks audit` reads them: no wrongful
 * "unusable", no crash, and on every rule a reader's expected verdict, judged
 * from Microsoft's documentation (expected.json), is the engine's. The
 * corpus's Pulumi programs are run, not read: real-world-programs.test.ts
 * judges them. The policy pack judges the clusters of the documents in Azure's
 * REST shape too, written as a Pulumi program would hold them; the Azure
 * Policy definitions synth writes are checked on every document in
 * test/core/policy/rule-policy-agreement.test.ts.
 */
const read = readRealWorldCase;

/** The value at an RFC 6901 pointer of a parsed document. */
function at(document: unknown, pointer: string): any {
  return pointer === '' ? document : pointer.slice(1).split('/').reduce((v: any, token) => v?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}

/**
 * A cluster read from a document in Azure's REST shape (a GET, a REST
 * example) as a Pulumi program declares the same cluster: azure-native's
 * generic Resource, whose properties are the REST body's own.
 * @see https://www.pulumi.com/registry/packages/azure-native/api-docs/resources/resource/
 */
function asPulumiResource(slug: string, cluster: ClusterDescription) {
  const file = cluster.resource.origin.document;
  const parsed = parseJsonDocument(fs.readFileSync(path.join(REAL_WORLD_ROOT, slug, file), 'utf8'), file);
  if ('problems' in parsed) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const body = at(parsed.value, cluster.resource.origin.pointer);
  const props = {
    resourceProviderNamespace: 'Microsoft.ContainerService',
    resourceType: 'managedClusters',
    parentResourcePath: '',
    resourceName: cluster.name,
    resourceGroupName: 'rg',
    ...(cluster.resource.apiVersion !== undefined ? { apiVersion: cluster.resource.apiVersion } : {}),
    ...Object.fromEntries(['location', 'sku', 'identity', 'tags', 'properties'].filter((k) => body[k] !== undefined).map((k) => [k, body[k]])),
  };
  const type = 'azure-native:resources:Resource';
  const urn = `urn:pulumi:stack::project::${type}::${cluster.name}`;
  return { type, name: cluster.name, props, urn, opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined };
}

/** The policies of the pack's resource policies (the rules decided on the cluster alone) that report on one resource. */
function reportedOnResource(resource: ReturnType<typeof asPulumiResource>): string[] {
  const reported = new Set<string>();
  const common = { stackTags: new Map<string, string>(), getConfig: () => ({}), notApplicable: (): never => { throw new Error('not applicable'); } };
  for (const p of secureAksPolicies()) {
    if (!('validateResource' in p)) continue;
    (p.validateResource as (args: object, report: (message: string) => void) => void)({ ...resource, ...common }, () => reported.add(p.name));
  }
  return [...reported].sort();
}

const DOCUMENT_CASES = REAL_WORLD_CASES.filter((slug) => expectedOf(slug).form !== PROGRAM_FORM);

test('the corpus holds at least 20 real documents, each with its source', () => {
  expect(REAL_WORLD_CASES.length).toBeGreaterThanOrEqual(20);
  for (const slug of REAL_WORLD_CASES) expect(fs.existsSync(path.join(REAL_WORLD_ROOT, slug, 'SOURCE.md')), slug).toBe(true);
});

describe.each(DOCUMENT_CASES)('%s', (slug) => {
  const expected = expectedOf(slug);

  test('is read without a wrongful "unusable" or a crash', () => {
    const { readings } = read(slug, expected);
    expect(readings.flatMap((r) => r.problems).length > 0).toBe(expected.unusable);
  });

  test.runIf(expected.clusters.length > 0)('every verdict is the one a reader expects from Microsoft\'s docs', () => {
    const { deployment } = read(slug, expected);
    const found: Record<string, Record<string, string>> = {};
    const wanted: Record<string, Record<string, string>> = {};
    for (const c of expected.clusters) {
      const key = c.match.name ?? c.match.pointer!;
      const cluster = deployment.clusters.find((d) => (c.match.name !== undefined ? d.name === c.match.name : d.resource.origin.pointer === c.match.pointer));
      expect(cluster, `${slug}: no cluster ${key}; read ${deployment.clusters.map((d) => `${d.name} at ${d.resource.origin.pointer}`).join(', ')}`).toBeDefined();
      const verdicts = Object.fromEntries(auditCluster(cluster!).outcomes.map((o) => [o.rule.id, o.verdict]));
      const compared = verdictsToCompare(slug, c.verdicts, verdicts);
      for (const [id, verdict] of Object.entries(compared.moreCareful)) expect(verdict, `${slug} ${id} is listed as more careful`).toBe('undecided');
      wanted[key] = compared.wanted;
      found[key] = compared.found;
    }
    expect(found).toEqual(wanted);
  });

  const pools = expected.poolsWithoutCluster ?? [];
  test.runIf(pools.length > 0)('every verdict on its node pools whose cluster it does not define is the one a reader expects', () => {
    const { deployment } = read(slug, expected);
    const found: Record<string, Record<string, string>> = {};
    const wanted: Record<string, Record<string, string>> = {};
    for (const p of pools) {
      const subject = deployment.orphanPools.find((d) => d.poolResources.some((r) => r.origin.pointer === p.match.pointer));
      expect(subject, `${slug}: no pool at ${p.match.pointer}; read ${deployment.orphanPools.flatMap((d) => d.poolResources.map((r) => r.origin.pointer)).join(', ')}`).toBeDefined();
      expect(subject!.clusterRead).toBe(false);
      const audit = auditCluster(subject!);
      const verdicts = Object.fromEntries(audit.outcomes.map((o) => [o.rule.id, o.verdict]));
      wanted[p.match.pointer] = p.verdicts;
      found[p.match.pointer] = Object.fromEntries(Object.keys(p.verdicts).map((id) => [id, verdicts[id]]));
      // Nothing that is the cluster's is claimed: it was not read.
      expect(audit.reachability.verdict).toBe('undecided');
      expect(audit.transitEncryption.kind).toBe('not-verified');
      expect(audit.baseline.filter((c) => c.status !== 'fail' && c.status !== 'not-verified')).toEqual([]);
    }
    expect(found).toEqual(wanted);
    // Every pool the document declares is judged: with its cluster, or as a pool without it.
    expect(deployment.clusters).toHaveLength(expected.clusters.length);
  });

  // A template is no Pulumi resource: only a document in Azure's REST shape comes through the pack as it is.
  const restShaped = expected.clusters.length > 0 && read(slug, expected).readings.every((r) => r.form === 'azure-json' || r.form === 'rest-example');
  test.runIf(restShaped)('the policy pack, given the same cluster as a Pulumi resource, reports exactly the rules the audit fails on it alone', () => {
    const { deployment } = read(slug, expected);
    for (const cluster of deployment.clusters) {
      // The stack's rules read the resources beside the cluster: a stack of one resource is a whole deployment, a live document is not.
      const failed = auditCluster(cluster).outcomes.filter((o) => PAYLOAD_RULE_IDS.has(o.rule.id) && !STACK_RULE_IDS.has(o.rule.id) && o.verdict === 'fail');
      expect(failed.length, cluster.name).toBeGreaterThan(0);
      expect(reportedOnResource(asPulumiResource(slug, cluster)), cluster.name).toEqual(failed.map((o) => policyName(o.rule)).sort());
    }
  });
});
