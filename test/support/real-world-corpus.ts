import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeDeployment } from '../../lib/core/description/cluster-description';
import { decodeDocument, parseJsonDocument } from '../../lib/core/readers/document-text';
import { readDocument } from '../../lib/core/readers/read-document';

/** The real-world corpus: public AKS documents and programs nobody here wrote, each with SOURCE.md and expected.json. */
export const REAL_WORLD_ROOT = path.resolve(__dirname, '../fixtures/real-world');

/** The form of a case that is a program (run, not read): a classic `@pulumi/azure` Pulumi program. */
export const PROGRAM_FORM = 'pulumi-classic-program';

/** A case's expected.json: the verdicts a reader expects, judged from Microsoft's documentation. */
export interface ExpectedCase {
  readonly documents: readonly string[];
  readonly form: string;
  readonly unusable: boolean;
  readonly clusters: readonly { readonly match: { readonly name?: string; readonly pointer?: string }; readonly verdicts: Readonly<Record<string, string>> }[];
  /** Node pools declared as their own resources whose cluster the document does not define, matched by the pool's pointer. */
  readonly poolsWithoutCluster?: readonly { readonly match: { readonly pointer: string }; readonly verdicts: Readonly<Record<string, string>> }[];
}

/** Every case of the corpus, by folder name. */
export const REAL_WORLD_CASES: readonly string[] = fs
  .readdirSync(REAL_WORLD_ROOT)
  .filter((d) => fs.existsSync(path.join(REAL_WORLD_ROOT, d, 'expected.json')))
  .sort();

export function expectedOf(slug: string): ExpectedCase {
  return JSON.parse(fs.readFileSync(path.join(REAL_WORLD_ROOT, slug, 'expected.json'), 'utf8')) as ExpectedCase;
}

/**
 * A case's documents read as `secure-aks audit` reads them (decoded, parsed,
 * read), and the deployment they describe together.
 */
export function readRealWorldCase(slug: string, expected: ExpectedCase = expectedOf(slug)) {
  const readings = expected.documents.map((file) => {
    const decoded = decodeDocument(fs.readFileSync(path.join(REAL_WORLD_ROOT, slug, file)), file);
    if ('problem' in decoded) throw new Error(decoded.problem.message);
    const parsed = parseJsonDocument(decoded.text, file);
    if ('problems' in parsed) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    return readDocument(parsed.value, file);
  });
  return { readings, deployment: describeDeployment(readings) };
}

/**
 * Where the engine stays undecided although a reader decides, and why: it is
 * more careful than the reader, never of another verdict. Each is listed so
 * that it can only shrink.
 */
export const MORE_CAREFUL: Readonly<Record<string, string>> = {
  'avm-ptn-azd-aks SAKS-BASE-008': 'both branches of an if() on an unknown parameter name a policy engine; the engine does not reason over both branches',
  'avm-ptn-azd-aks SAKS-BASE-014': 'the template holds a part the reader did not examine, so the absence of a lock is not claimed',
};

/**
 * The verdicts a reader expects of one cluster and the engine's on the same
 * rules, to compare: a rule listed in {@link MORE_CAREFUL} is left out of
 * both, and returned in `moreCareful` with the engine's verdict (which must be undecided).
 */
export function verdictsToCompare(slug: string, expected: Readonly<Record<string, string>>, engine: Readonly<Record<string, string>>) {
  const careful = Object.keys(expected).filter((id) => MORE_CAREFUL[`${slug} ${id}`] !== undefined);
  const wanted = Object.fromEntries(Object.entries(expected).filter(([id]) => !careful.includes(id)));
  const found = Object.fromEntries(Object.keys(wanted).map((id) => [id, engine[id]]));
  const moreCareful = Object.fromEntries(careful.map((id) => [id, engine[id]]));
  return { wanted, found, moreCareful };
}
