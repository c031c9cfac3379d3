#!/usr/bin/env node
/**
 * Writes the TypeScript of the README's two quick starts, exactly as printed,
 * into a consumer project, so that check:package type-checks and runs them:
 * the README cannot drift from the package.
 *
 * Usage: node scripts/readme-quick-starts.mjs <README.md> <consumer dir>
 * Writes platform.ts (the whole platform), definition.ts and index.ts (one cluster).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const [readme, out] = process.argv.slice(2);
const text = fs.readFileSync(readme, 'utf8');

/** The ```ts blocks of the section whose heading starts with `title`, without their indentation. */
function tsBlocks(title) {
  const start = text.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`README has no section "## ${title}"`);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^([ \t]*)```ts\n([\s\S]*?)^\1```/gm)].map(([, indent, body]) =>
    body
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n'),
  );
}

const platform = tsBlocks('Quick start: the whole platform');
const cluster = tsBlocks('Quick start: one cluster');
const pick = (blocks, marker, what) => {
  const found = blocks.filter((b) => b.includes(marker));
  if (found.length !== 1) throw new Error(`expected one ${what} block (containing "${marker}"), found ${found.length}`);
  return found[0];
};
const files = {
  'platform.ts': pick(platform, 'RegulatedPlatformModel.build', 'platform'),
  'definition.ts': pick(cluster, 'export default', 'definition.ts'),
  'index.ts': pick(cluster, 'new HardenedCluster', 'index.ts'),
};
for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(out, name), body);
console.log(`quick starts: wrote ${Object.keys(files).join(', ')}`);
