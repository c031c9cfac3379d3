import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DocPage, snippetModules, SnippetProblem, typeCheckDocSnippets } from '../support/doc-snippets';

const root = path.resolve(__dirname, '../..');
const pages: DocPage[] = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)].map((name) => ({
  name,
  text: fs.readFileSync(path.join(root, name), 'utf8'),
}));

/** Snippets a user could not paste, checked in the same program as the real pages. */
const BROKEN: DocPage = {
  name: 'docs/broken.md',
  text: [
    'No import:',
    '',
    '```ts',
    "const access = ApiServerAccess.private({ dnsZone: PrivateDnsZone.system() });",
    '```',
    '',
    'A path into the sources:',
    '',
    '```ts',
    "import { ApiServerAccess } from '../lib';",
    '```',
    '',
    '- A wrong property, in a list item, continued:',
    '',
    '  ```ts',
    "  import { ApiServerAccess, PrivateDnsZone } from 'secure-aks';",
    '  const zone = PrivateDnsZone.system();',
    '  ```',
    '',
    '```ts continued',
    'ApiServerAccess.private({ dnsZone: zone, publicFQDN: false });',
    '```',
    '',
    '```ts fragment',
    'name: 1,',
    '```',
    '',
  ].join('\n'),
};

let dir: string;
let problems: SnippetProblem[];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-snippets-'));
  problems = typeCheckDocSnippets([...pages, BROKEN], root, dir);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('every TypeScript block of the README and docs/ type-checks as a user pastes it, importing from the package by its name', () => {
  const own = problems.filter((p) => p.page !== BROKEN.name).map((p) => `${p.page}:${p.line}: ${p.message}`);
  expect(own).toEqual([]);
  // The docs do hold snippets, and each page's blocks are modules of the consumer project.
  const { modules } = snippetModules(pages);
  expect(modules.length).toBeGreaterThanOrEqual(10);
  expect(modules.filter((m) => /\bfrom 'secure-aks(\/\w+)?'/.test(m.text)).length).toBe(modules.length);
});

test('a block without its imports, importing the sources, with a wrong property or an unexplained fragment fails, at its line', () => {
  const broken = problems.filter((p) => p.page === BROKEN.name);
  expect(broken).toEqual(
    expect.arrayContaining([
      { page: BROKEN.name, line: 4, message: "Cannot find name 'ApiServerAccess'." },
      { page: BROKEN.name, line: 4, message: "Cannot find name 'PrivateDnsZone'." },
      expect.objectContaining({ page: BROKEN.name, line: 10, message: expect.stringContaining('imports "../lib"') }),
      expect.objectContaining({ page: BROKEN.name, line: 21, message: expect.stringContaining("'publicFQDN' does not exist") }),
      expect.objectContaining({ page: BROKEN.name, line: 25, message: expect.stringContaining('needs its reason') }),
    ]),
  );
});
