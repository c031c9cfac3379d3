import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentReading } from '../core/description/described-resource';
import { decodeDocument, parseJsonDocument } from '../core/readers/document-text';
import { readDocument } from '../core/readers/read-document';
import { CliFailure } from './cli-result';
import { describeFileSystemError } from './output-path';

/** The approved templates of a synth folder, each read as one deployment, with the problems of those that cannot be. */
export interface ApprovedSynth {
  readonly templates: ReadonlyArray<{ readonly name: string; readonly reading: DocumentReading }>;
  readonly problems: readonly string[];
}

/**
 * Reads every `*.template.json` under `dir` (what `secure-aks synth` writes:
 * `cluster.template.json`, an estate's `clusters/<name>.template.json`), in
 * path order, so that the same folder gives the same report. Each is named
 * by its path as the user would write it (`dist/app/cluster.template.json`).
 */
export function readApprovedSynth(dir: string, given: string, cwd: string): ApprovedSynth {
  const root = path.resolve(cwd, dir);
  let isFolder: boolean;
  try {
    isFolder = fs.statSync(root).isDirectory();
  } catch (e) {
    throw new CliFailure(`cannot read --approved ${given}: ${describeFileSystemError(e)}`);
  }
  if (!isFolder) throw new CliFailure(`--approved ${given}: not a folder (give the folder secure-aks synth wrote, e.g. dist/<name>)`);
  const files = templateFiles(root).sort();
  const templates: Array<{ name: string; reading: DocumentReading }> = [];
  const problems: string[] = [];
  for (const file of files) {
    const name = path.join(given, path.relative(root, file)).split(path.sep).join('/').replace(/#/g, '%23');
    const decoded = decodeDocument(fs.readFileSync(file), name);
    if ('problem' in decoded) {
      problems.push(`${name}: ${decoded.problem.message}`);
      continue;
    }
    const parsed = parseJsonDocument(decoded.text, name);
    if ('problems' in parsed) {
      problems.push(...parsed.problems.map((p) => `${name}: not JSON (${p.message})`));
      continue;
    }
    const reading = readDocument(parsed.value, name);
    if (reading.form !== 'arm-template') {
      problems.push(`${name}: not an ARM template`);
      continue;
    }
    problems.push(...reading.problems.map((p) => `${p.at.document}#${p.at.pointer}: ${p.message}`));
    templates.push({ name, reading });
  }
  if (files.length === 0) problems.push(`--approved ${given}: no *.template.json in the folder`);
  return { templates, problems };
}

function templateFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return templateFiles(full);
    return e.isFile() && e.name.endsWith('.template.json') ? [full] : [];
  });
}
