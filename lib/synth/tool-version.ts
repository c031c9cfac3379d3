import * as fs from 'node:fs';
import * as path from 'node:path';

/** The library's version, from its package.json (the same relative place from lib/ and build/). */
export function toolVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
