import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentReading } from '../core/description/described-resource';
import { decodeDocument, parseJsonDocument } from '../core/readers/document-text';
import { KubernetesObjectAt } from '../core/drift/kubernetes-drift';
import { ApprovedManifest } from '../core/drift/kubernetes-list-drift';
import { readDocument } from '../core/readers/read-document';
import { CliFailure } from './cli-result';
import { describeFileSystemError } from './output-path';

/** The approved templates of a synth folder, each read as one deployment, its Kubernetes manifests, and the problems of those that cannot be read. */
export interface ApprovedSynth {
  readonly templates: ReadonlyArray<{ readonly name: string; readonly reading: DocumentReading }>;
  /** The `*.k8s.yaml` manifests, and an estate's GitOps tree per cluster; an object's pointer is `/<n>`, the n-th YAML document of its file. */
  readonly manifests: readonly ApprovedManifest[];
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
  const files = filesEnding(root, '.template.json').sort();
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
  const manifests: ApprovedManifest[] = [];
  const nameOf = (file: string) => path.join(given, path.relative(root, file)).split(path.sep).join('/').replace(/#/g, '%23');
  const read = (file: string): KubernetesObjectAt[] => {
    const parsed = parseManifest(fs.readFileSync(file, 'utf8'));
    if ('problem' in parsed) {
      problems.push(`${nameOf(file)}: not YAML (${parsed.problem})`);
      return [];
    }
    return parsed.objects.map((object, i) => ({ object, at: { document: nameOf(file), pointer: `/${i}` } }));
  };
  for (const file of filesEnding(root, '.k8s.yaml').sort()) manifests.push({ name: nameOf(file), objects: read(file) });
  // An estate's GitOps tree: the objects Flux applies to each cluster, under gitops/clusters/<cluster>/.
  const gitops = path.join(root, 'gitops', 'clusters');
  if (fs.existsSync(gitops) && fs.statSync(gitops).isDirectory()) {
    for (const cluster of fs.readdirSync(gitops, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      const files = filesEnding(path.join(gitops, cluster), '.yaml').sort();
      manifests.push({ name: nameOf(path.join(gitops, cluster)), cluster, objects: files.flatMap(read) });
    }
  }
  return { templates, manifests, problems };
}

function filesEnding(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesEnding(full, suffix);
    return e.isFile() && e.name.endsWith(suffix) ? [full] : [];
  });
}

/**
 * The objects of a manifest cdk8s wrote, parsed by the YAML library cdk8s
 * bundles (cdk8s is a peer dependency of this package), with the YAML 1.1
 * schema cdk8s writes in.
 * @see https://cdk8s.io/docs/latest/reference/cdk8s/typescript/#yaml
 */
function parseManifest(text: string): { objects: Array<Record<string, any>> } | { problem: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] })) as typeof import('yaml');
  const documents = yaml.parseAllDocuments(text, { version: '1.1' });
  const errors = documents.flatMap((d) => d.errors);
  if (errors.length > 0) return { problem: errors[0].message.split('\n')[0] };
  return { objects: documents.map((d) => d.toJSON()).filter((o): o is Record<string, any> => o !== null && typeof o === 'object' && !Array.isArray(o) && Object.keys(o).length > 0) };
}
