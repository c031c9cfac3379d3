import * as path from 'node:path';

/** A folder's files are named up to this many; beyond, counted, so no line lists thirty paths. */
const NAMED_FILES = 5;

/**
 * What a synth wrote, one line per folder (`dist/a/: cluster.template.json,
 * encryption-coverage.md`, or `dist/a/flux/: 12 files`), folders in order.
 */
export function writtenSummary(written: ReadonlyMap<string, readonly string[]>, out: string, cwd: string): string {
  const lines: string[] = [];
  for (const [target, files] of written) {
    const folders = new Map<string, string[]>();
    for (const file of files) {
      const folder = path.posix.dirname(file.split(path.sep).join('/'));
      folders.set(folder, [...(folders.get(folder) ?? []), path.posix.basename(file)]);
    }
    for (const folder of [...folders.keys()].sort()) {
      const names = folders.get(folder)!;
      const shown = path.relative(cwd, path.join(out, target, folder)) || '.';
      lines.push(`${shown.split(path.sep).join('/')}/: ${names.length <= NAMED_FILES ? names.join(', ') : `${names.length} files`}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}
