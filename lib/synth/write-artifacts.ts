import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes each target's files into `<outDir>/<target>/`, replacing what was
 * there. Every file is written to a staging folder first and swapped in by
 * rename, so a failure leaves the previous output untouched.
 * @category Synthesis
 */
export function writeArtifacts(outDir: string, targets: ReadonlyMap<string, Readonly<Record<string, string>>>): void {
  fs.mkdirSync(outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(outDir, '.staging-'));
  try {
    for (const [target, files] of targets) {
      for (const [rel, content] of Object.entries(files)) {
        const file = path.join(staging, target, rel);
        if (!file.startsWith(path.join(staging, target) + path.sep)) {
          throw new Error(`artifact path "${rel}" of "${target}" leaves its output folder`);
        }
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
    }
    for (const target of targets.keys()) {
      const final = path.join(outDir, target);
      const old = path.join(staging, `.previous-${target}`);
      if (fs.existsSync(final)) fs.renameSync(final, old);
      fs.renameSync(path.join(staging, target), final);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
