/**
 * Vendors Checkov's own ARM test fixtures for its AKS checks into
 * test/fixtures/checkov/, unmodified, with index.json: for each check that
 * evaluates Microsoft.ContainerService/managedClusters, its id, its file and,
 * for each fixture resource, the verdict Checkov's own unit test expects.
 *
 *   npx tsx scripts/vendor-checkov-fixtures.ts <clone of bridgecrewio/checkov, bare or not>
 *
 * The checks are found in the tree (every checkov/arm/checks/resource/*.py that
 * names the managed cluster type), not listed by hand. Each check's unit test,
 * tests/arm/checks/resource/test_<Check>.py, either names the passing and
 * failing resources (taken as they are) or only counts them; then each
 * fixture's verdict is the PASSED/FAILED its author put in the file name, and
 * the script fails unless those labels add up to the test's counts.
 *
 * Checkov is Copyright (c) Bridgecrew/Palo Alto Networks, Apache-2.0.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPOSITORY = 'https://github.com/bridgecrewio/checkov';
/** The commit the fixtures and the replicas in lib/core/aks/checkov-arm-checks.ts are read from (Checkov 3.3.13). */
const COMMIT = '03d5fdad8d6154b1565799a7b1fb8070c158866f';
const CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';
const CHECKS_DIR = 'checkov/arm/checks/resource';
const TESTS_DIR = 'tests/arm/checks/resource';
/**
 * Checkov's ARM runner drops a failed result when the resource id contains one of
 * these functions (filter_failed_checks_with_unrendered_resources in checkov/arm/utils.py),
 * so a test that counts results does not count such a failure.
 */
const UNRENDERED_FUNCTIONS = ['toLower(', 'trim(', 'join(', 'split(', 'substring('];

type Verdict = 'pass' | 'fail';
interface FixtureEntry {
  readonly file: string;
  /** JSON pointer of the resource in the fixture file. */
  readonly resource: string;
  /** The resource as Checkov's report names it: type.name, the name as written. */
  readonly resourceId: string;
  readonly expected: Verdict;
  /** False where Checkov's runner drops the failure from its report (see UNRENDERED_FUNCTIONS). */
  readonly reported: boolean;
  /** Where `expected` comes from: the resource sets of the unit test, or the file name checked against its counts. */
  readonly expectedFrom: 'test-resource-sets' | 'file-name-checked-against-test-counts';
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
const show = (repo: string, file: string) => git(repo, 'show', `${COMMIT}:${file}`);
const list = (repo: string, dir: string) => git(repo, 'ls-tree', '-r', '--name-only', COMMIT, '--', `${dir}/`).split('\n').filter(Boolean);

/** The Python string literals of `name = "..."` and any `name += "..."` after it. */
function checkName(source: string): string {
  const parts = [...source.matchAll(/^\s*name\s*\+?=\s*"([^"]*)"/gm)].map((m) => m[1]);
  if (parts.length === 0) throw new Error('no name in check');
  return parts.join('').trim();
}

function checkId(source: string): string {
  const m = /^\s*id\s*=\s*"(CKV_[A-Z0-9_]+)"/m.exec(source);
  if (!m) throw new Error('no id in check');
  return m[1];
}

function supportedResources(source: string): string[] {
  const m = /supported_resources\s*=\s*[[(]([^\])]*)[\])]/.exec(source);
  if (!m) throw new Error('no supported_resources in check');
  return [...m[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]);
}

/** A Python set literal `<name> = { '...', ... }` of the unit test. */
function resourceSet(test: string, variable: string): string[] | undefined {
  const m = new RegExp(`${variable}\\s*=\\s*\\{([^}]*)\\}`).exec(test);
  return m ? [...m[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]) : undefined;
}

function summaryCount(test: string, key: 'passed' | 'failed'): number | undefined {
  const m = new RegExp(`summary\\[['"]${key}['"]\\],\\s*(\\d+)\\)`).exec(test);
  return m ? Number(m[1]) : undefined;
}

/** Every resource of a template with one of the types, top level and nested, as Checkov's runner splits them. */
function resourcesOfTypes(template: any, types: readonly string[]): { pointer: string; resource: any }[] {
  const found: { pointer: string; resource: any }[] = [];
  const walk = (resources: unknown, pointer: string) => {
    if (!Array.isArray(resources)) return;
    resources.forEach((r, i) => {
      if (r === null || typeof r !== 'object') return;
      if (types.includes(r.type)) found.push({ pointer: `${pointer}/${i}`, resource: r });
      walk(r.resources, `${pointer}/${i}/resources`);
    });
  };
  walk(template.resources, '/resources');
  return found;
}

function vendorCheck(repo: string, out: string, checkFile: string) {
  const source = show(repo, checkFile);
  const checkClass = path.basename(checkFile, '.py');
  const id = checkId(source);
  const types = supportedResources(source);
  const testFile = `${TESTS_DIR}/test_${checkClass}.py`;
  const test = show(repo, testFile);
  const exampleDir = `${TESTS_DIR}/example_${checkClass}`;
  const files = list(repo, exampleDir).filter((f) => f.endsWith('.json'));
  if (files.length === 0) throw new Error(`${checkClass}: no fixtures under ${exampleDir}`);

  const passing = resourceSet(test, 'passing_resources');
  const failing = resourceSet(test, 'failing_resources');
  const fixtures: FixtureEntry[] = [];
  fs.mkdirSync(path.join(out, checkClass), { recursive: true });
  for (const file of files) {
    const text = show(repo, file);
    const relative = path.posix.relative(exampleDir, file);
    fs.mkdirSync(path.dirname(path.join(out, checkClass, relative)), { recursive: true });
    fs.writeFileSync(path.join(out, checkClass, relative), text);
    // Checkov's ARM parser skips a file without both keys (checkov/arm/parser/parser.py).
    if (!text.includes('$schema') || !text.includes('contentVersion')) continue;
    for (const { pointer, resource } of resourcesOfTypes(JSON.parse(text), types)) {
      const resourceId = `${resource.type}.${resource.name}`;
      let expected: Verdict;
      let expectedFrom: FixtureEntry['expectedFrom'];
      if (passing && failing) {
        const inPass = passing.includes(resourceId);
        if (inPass === failing.includes(resourceId)) throw new Error(`${checkClass}: ${file} ${resourceId} is in ${inPass ? 'both' : 'neither'} of the test's sets`);
        expected = inPass ? 'pass' : 'fail';
        expectedFrom = 'test-resource-sets';
      } else {
        const label = /PASSED|FAILED/.exec(path.basename(file));
        if (!label) throw new Error(`${checkClass}: ${file} has no PASSED/FAILED label and the test names no resources`);
        expected = label[0] === 'PASSED' ? 'pass' : 'fail';
        expectedFrom = 'file-name-checked-against-test-counts';
      }
      const reported = expected === 'pass' || !UNRENDERED_FUNCTIONS.some((f) => resourceId.includes(f));
      fixtures.push({ file: `${checkClass}/${relative}`, resource: pointer, resourceId, expected, reported, expectedFrom });
    }
  }

  // The unit test's own assertions must be what the entries add up to.
  const reportedCount = (v: Verdict) => fixtures.filter((f) => f.expected === v && f.reported).length;
  const wantPassed = passing?.length ?? summaryCount(test, 'passed');
  const wantFailed = failing?.length ?? summaryCount(test, 'failed');
  if (wantPassed === undefined || wantFailed === undefined) throw new Error(`${checkClass}: the test states no expected counts`);
  if (reportedCount('pass') !== wantPassed || reportedCount('fail') !== wantFailed) {
    throw new Error(`${checkClass}: fixtures give ${reportedCount('pass')} passed/${reportedCount('fail')} failed, the test expects ${wantPassed}/${wantFailed}`);
  }
  if (passing && failing) {
    const ids = fixtures.map((f) => f.resourceId);
    const missing = [...passing, ...failing].filter((r) => !ids.includes(r));
    if (missing.length > 0) throw new Error(`${checkClass}: the test names resources no fixture has: ${missing.join(', ')}`);
  }
  return { id, name: checkName(source), checkClass, checkFile, testFile, supportedResources: types, fixtures };
}

function main(repo: string | undefined): void {
  if (!repo) throw new Error('usage: npx tsx scripts/vendor-checkov-fixtures.ts <clone of bridgecrewio/checkov>');
  const out = path.resolve(__dirname, '../test/fixtures/checkov');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  const checkFiles = list(repo, CHECKS_DIR).filter((f) => f.endsWith('.py') && show(repo, f).includes(CLUSTER_TYPE));
  const checks = checkFiles.map((f) => vendorCheck(repo, out, f)).sort((a, b) => Number(a.id.split('_').pop()) - Number(b.id.split('_').pop()));
  fs.writeFileSync(path.join(out, 'LICENSE'), show(repo, 'LICENSE'));
  fs.writeFileSync(
    path.join(out, 'index.json'),
    `${JSON.stringify({ repository: REPOSITORY, commit: COMMIT, licence: 'Apache-2.0', generatedBy: 'scripts/vendor-checkov-fixtures.ts', checks }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(out, 'SOURCE.md'), sourceMd(checks));
  const count = checks.reduce((n, c) => n + c.fixtures.length, 0);
  process.stdout.write(`vendored ${checks.length} checks, ${count} fixture resources into ${path.relative(process.cwd(), out)}\n`);
}

function sourceMd(checks: ReturnType<typeof vendorCheck>[]): string {
  return [
    "# Checkov's ARM test fixtures for its AKS checks",
    '',
    'Unmodified copies of the ARM templates Checkov tests its AKS checks with, and the verdict its own unit',
    'tests expect of each, so that the replicas in `lib/core/aks/checkov-arm-checks.ts` are proven on inputs',
    'no one on this project wrote. Written by `scripts/vendor-checkov-fixtures.ts`; do not edit.',
    '',
    `- Repository: [bridgecrewio/checkov](${REPOSITORY}), licence Apache-2.0 (its \`LICENSE\`, copied here).`,
    `- Commit: \`${COMMIT}\` (Checkov 3.3.13).`,
    `- Checks: every \`${CHECKS_DIR}/*.py\` that names \`${CLUSTER_TYPE}\`.`,
    `- Fixtures: \`${TESTS_DIR}/example_<Check>/\`, copied byte for byte to \`<Check>/\`.`,
    `- Expectations: \`${TESTS_DIR}/test_<Check>.py\`. Where it names the passing and failing resources, those`,
    '  sets; where it only counts them, the PASSED/FAILED of the file name, which the script checks adds up',
    "  to the test's counts. A failure on a resource whose id contains `split(` and the like is left out of",
    "  Checkov's report by its runner (`checkov/arm/utils.py`); such entries have `reported: false`.",
    '',
    '| check | id | check file | fixture resources |',
    '|---|---|---|---|',
    ...checks.map((c) => `| ${c.checkClass} | ${c.id} | \`${c.checkFile}\` | ${c.fixtures.length} |`),
    '',
  ].join('\n');
}

main(process.argv[2]);
