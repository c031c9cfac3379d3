import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { decodeDocument, parseJsonDocument } from '../../../lib/core/readers/document-text';
import { readDocument } from '../../../lib/core/readers/read-document';
import { ExpectedCase, expectedOf, PROGRAM_FORM, REAL_WORLD_CASES, REAL_WORLD_ROOT, verdictsToCompare } from '../../support/real-world-corpus';

/**
 * Real AKS documents nobody here wrote (test/fixtures/real-world, each with
 * its SOURCE.md), read as `secure-aks audit` reads them: no wrongful
 * "unusable", no crash, and on every rule a reader's expected verdict, judged
 * from Microsoft's documentation (expected.json), is the engine's. The
 * corpus's Pulumi programs are run, not read: real-world-programs.test.ts
 * judges them.
 */
function read(slug: string, expected: ExpectedCase) {
  const readings = expected.documents.map((file) => {
    const decoded = decodeDocument(fs.readFileSync(path.join(REAL_WORLD_ROOT, slug, file)), file);
    if ('problem' in decoded) throw new Error(decoded.problem.message);
    const parsed = parseJsonDocument(decoded.text, file);
    if ('problems' in parsed) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    return readDocument(parsed.value, file);
  });
  return { readings, deployment: describeDeployment(readings) };
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
});
