import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { EVIDENCE_FILES } from '../../lib/synth/deployment-evidence';
import { SynthTarget } from '../../lib/synth/synth-target';
import { oscalProblems } from '../core/evidence/oscal-checks';

const EXAMPLES = path.resolve(__dirname, '../../examples');
/** Examples that deploy no cluster, link or estate, so hold no subject to assess: the Azure Policy initiative is itself a control. */
const NO_SUBJECT = new Set(['azure-policy']);
const examples = fs
  .readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(EXAMPLES, d.name, 'definition.ts')) && !NO_SUBJECT.has(d.name))
  .map((d) => d.name)
  .sort();

test('there are examples to check', () => expect(examples.length).toBeGreaterThanOrEqual(7));

test.each(examples)('the %s example writes its evidence: valid OSCAL, and the report has a row for each of its findings', async (name) => {
  const target = (await import(path.join(EXAMPLES, name, 'definition.ts'))).default as SynthTarget & { artifacts(options?: { evaluationDate?: string }): Record<string, string> };
  const files = target.artifacts({ evaluationDate: '2026-11-01' });
  const oscal = JSON.parse(files[EVIDENCE_FILES.oscal]);
  expect(oscalProblems(oscal)).toEqual([]);
  expect(oscal['assessment-results'].results[0].start).toBe('2026-11-01T00:00:00Z');
  const findings = oscal['assessment-results'].results[0].findings ?? [];
  const html = files[EVIDENCE_FILES.html];
  expect(html.match(/<tr data-finding="/g)?.length ?? 0).toBe(findings.length);
  // No external resource is referenced by the page itself (links to documents are followed by a reader, never loaded).
  expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/\b(src|srcset)=/i);
  // Every fact and every reachability path has the command that re-checks it on the live system; so has every coverage cell and link.
  const evidence = oscal['assessment-results'].results[0].observations.flatMap((o: { 'relevant-evidence'?: Array<{ props: Array<{ name: string; value: string }> }> }) => o['relevant-evidence'] ?? []);
  expect(evidence.filter((e: { props: Array<{ name: string; value: string }> }) => !/^(az|kubectl) /.test(e.props.find((p) => p.name === 'recheck')?.value ?? ''))).toEqual([]);
  const section = (heading: string) => html.split(`<h2>${heading}</h2>`)[1]?.split('<h2')[0] ?? '';
  const coverage = section('Encryption coverage');
  expect(coverage.match(/re-check: <code>(az|kubectl) /g)?.length ?? 0).toBe(coverage.match(/<span class="verdict /g)?.length ?? 0);
  const links = section('Cross-cluster links');
  expect(links.match(/The objects the link becomes, in each of the two clusters: <code>kubectl get /g)?.length ?? 0).toBe(links.match(/<h3>/g)?.length ?? 0);
  // The same definition and evaluation date give the same evidence.
  expect(target.artifacts({ evaluationDate: '2026-11-01' })[EVIDENCE_FILES.html]).toBe(html);
}, 120_000);

test('the coverage rows say how to re-check the setting they follow from: ACNS on the cluster, Calico in the cluster', async () => {
  const html = async (name: string) => ((await import(path.join(EXAMPLES, name, 'definition.ts'))).default as SynthTarget).artifacts()[EVIDENCE_FILES.html];
  expect(await html('acns-wireguard')).toContain('--resource-type Microsoft.ContainerService/managedClusters --api-version 2026-06-01 --query properties.networkProfile.advancedNetworking.security.transitEncryption.type');
  expect(await html('calico-wireguard')).toContain('kubectl get felixconfigurations.crd.projectcalico.org default -o &#39;jsonpath={.spec.wireguardEnabled}&#39;');
});
