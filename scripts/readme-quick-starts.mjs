#!/usr/bin/env node
/**
 * The README's quick starts are the examples: every ```ts block of a "## Quick start" section
 * follows a link to the example file it shows ([examples/<name>/<file>.ts](...)) and must equal
 * that file, byte for byte (the examples import the package by its name, so they can be copied
 * into a project unchanged). Then writes each block, as printed, into a consumer project as
 * <name>/<file>.ts, so that check:package type-checks and synthesizes them against the package:
 * the README cannot drift from the examples, nor the examples from the package.
 *
 * Usage: node scripts/readme-quick-starts.mjs <README.md> <consumer dir>
 * Prints the files it wrote, one a line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const [readme, out] = process.argv.slice(2);
if (!readme || !out) {
  console.error('usage: node scripts/readme-quick-starts.mjs <README.md> <consumer dir>');
  process.exit(2);
}
const root = path.dirname(path.resolve(readme));
const text = fs.readFileSync(readme, 'utf8');

/** The quick-start sections: each `## Quick start` heading up to the next `## ` heading. */
const sections = [...text.matchAll(/^## Quick start[^\n]*\n[\s\S]*?(?=^## |(?![\s\S]))/gm)].map((m) => m[0]);
if (sections.length === 0) throw new Error('README has no "## Quick start" section');

const problems = [];
const files = new Map();
for (const section of sections) {
  const title = section.split('\n')[0];
  // A ```ts block, indented or not, and the text before it since the previous block.
  for (const m of section.matchAll(/^([ \t]*)```ts\n([\s\S]*?)^\1```/gm)) {
    const [, indent, raw] = m;
    const body = raw
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n');
    const before = section.slice(0, m.index);
    const lastLine = before.trimEnd().split('\n').pop() ?? '';
    const link = /\[(examples\/[\w-]+\/[\w-]+\.ts)\]\(\1\)[^\n]*$/.exec(lastLine)?.[1];
    if (!link) {
      problems.push(`${title}: a ts block does not follow a link to the example file it shows ("[examples/<name>/<file>.ts](examples/<name>/<file>.ts)"): ${body.split('\n')[0]}`);
      continue;
    }
    const example = fs.readFileSync(path.join(root, link), 'utf8');
    if (body !== example) {
      problems.push(`${title}: the block after ${link} is not that file: copy the file into the README (line ${firstDifference(body, example)} differs)`);
      continue;
    }
    const target = link.replace(/^examples\//, '');
    if (files.has(target)) problems.push(`${title}: ${link} is shown twice`);
    files.set(target, body);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
for (const [name, body] of files) {
  fs.mkdirSync(path.join(out, path.dirname(name)), { recursive: true });
  fs.writeFileSync(path.join(out, name), body);
  console.log(name);
}

/** The first line (1-based) where two texts differ. */
function firstDifference(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}
