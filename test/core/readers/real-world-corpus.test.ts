import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { decodeDocument, parseJsonDocument } from '../../../lib/core/readers/document-text';
import { readDocument } from '../../../lib/core/readers/read-document';

/**
 * Real AKS documents nobody here wrote (test/fixtures/real-world, each with
 * its SOURCE.md), read as `secure-aks audit` reads them: no wrongful
 * "unusable", no crash, and on every rule a reader's expected verdict, judged
 * from Microsoft's documentation (expected.json), is the engine's.
 */
const ROOT = path.resolve(__dirname, '../../fixtures/real-world');

interface Expected {
  readonly documents: readonly string[];
  readonly form: string;
  readonly unusable: boolean;
  readonly clusters: readonly { readonly match: { readonly name?: string; readonly pointer?: string }; readonly verdicts: Readonly<Record<string, string>> }[];
}

const CASES = fs.readdirSync(ROOT).filter((d) => fs.existsSync(path.join(ROOT, d, 'expected.json')));
/**
 * Where the engine stays undecided although a reader decides, and why: it is
 * more careful than the reader, never of another verdict. Each is listed so
 * that it can only shrink.
 */
const MORE_CAREFUL: Readonly<Record<string, string>> = {
  'avm-ptn-azd-aks SAKS-BASE-008': 'both branches of an if() on an unknown parameter name a policy engine; the engine does not reason over both branches',
  'avm-ptn-azd-aks SAKS-BASE-014': 'the template holds a part the reader did not examine, so the absence of a lock is not claimed',
};

/** Programs, not documents: the classic-provider Pulumi programs are read through the policy pack's reader under mocks. */
const PROGRAMS = new Set(['pulumi-classic-program']);

function read(slug: string, expected: Expected) {
  const readings = expected.documents.map((file) => {
    const decoded = decodeDocument(fs.readFileSync(path.join(ROOT, slug, file)), file);
    if ('problem' in decoded) throw new Error(decoded.problem.message);
    const parsed = parseJsonDocument(decoded.text, file);
    if ('problems' in parsed) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    return readDocument(parsed.value, file);
  });
  return { readings, deployment: describeDeployment(readings) };
}

test('the corpus holds at least 20 real documents, each with its source', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(20);
  for (const slug of CASES) expect(fs.existsSync(path.join(ROOT, slug, 'SOURCE.md')), slug).toBe(true);
});

describe.each(CASES)('%s', (slug) => {
  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, slug, 'expected.json'), 'utf8')) as Expected;
  const documents = !PROGRAMS.has(expected.form);

  test.runIf(documents)('is read without a wrongful "unusable" or a crash', () => {
    const { readings } = read(slug, expected);
    expect(readings.flatMap((r) => r.problems).length > 0).toBe(expected.unusable);
  });

  test.runIf(documents && expected.clusters.length > 0)('every verdict is the one a reader expects from Microsoft\'s docs', () => {
    const { deployment } = read(slug, expected);
    const found: Record<string, Record<string, string>> = {};
    const wanted: Record<string, Record<string, string>> = {};
    for (const c of expected.clusters) {
      const key = c.match.name ?? c.match.pointer!;
      const cluster = deployment.clusters.find((d) => (c.match.name !== undefined ? d.name === c.match.name : d.resource.origin.pointer === c.match.pointer));
      expect(cluster, `${slug}: no cluster ${key}; read ${deployment.clusters.map((d) => `${d.name} at ${d.resource.origin.pointer}`).join(', ')}`).toBeDefined();
      const verdicts = Object.fromEntries(auditCluster(cluster!).outcomes.map((o) => [o.rule.id, o.verdict]));
      for (const id of Object.keys(c.verdicts)) if (MORE_CAREFUL[`${slug} ${id}`]) expect(verdicts[id], `${slug} ${id} is listed as more careful`).toBe('undecided');
      wanted[key] = Object.fromEntries(Object.entries(c.verdicts).filter(([id]) => !MORE_CAREFUL[`${slug} ${id}`]));
      found[key] = Object.fromEntries(Object.keys(wanted[key]).map((id) => [id, verdicts[id]]));
    }
    expect(found).toEqual(wanted);
  });
});
