import { expect, test, vi } from 'vitest';
import { EVIDENCE_FILES } from '../../lib/synth/deployment-evidence';
import { SynthTarget } from '../../lib/synth/synth-target';

// Every reading of a document and every audit of a cluster, counted where synth makes them.
vi.mock('../../lib/core/readers/read-document', async (original) => {
  const m = await original<typeof import('../../lib/core/readers/read-document')>();
  return { ...m, readDocument: vi.fn(m.readDocument) };
});
vi.mock('../../lib/core/audit/audit-cluster', async (original) => {
  const m = await original<typeof import('../../lib/core/audit/audit-cluster')>();
  return { ...m, auditCluster: vi.fn(m.auditCluster) };
});

/**
 * The examples' targets and the counted functions, loaded once afresh (after the setup file loaded
 * the library) so that the library uses the counted ones, and all in one module graph.
 */
const loaded = (async () => {
  vi.resetModules();
  const targets = {
    'private-cluster': (await import('../../examples/private-cluster/definition')).default as SynthTarget,
    platform: (await import('../../examples/platform/definition')).default as SynthTarget,
    estate: (await import('../../examples/estate/definition')).default as SynthTarget,
  };
  const { readDocument } = await import('../../lib/core/readers/read-document');
  const { auditCluster } = await import('../../lib/core/audit/audit-cluster');
  return { targets, readDocument: vi.mocked(readDocument), auditCluster: vi.mocked(auditCluster) };
})();

/** The reachability verdict each report states, and those the evidence states. */
function reachabilityVerdicts(files: Record<string, string>) {
  const oscal = JSON.parse(files[EVIDENCE_FILES.oscal]);
  const observations = oscal['assessment-results'].results[0].observations as Array<{ props: Array<{ name: string; value: string }> }>;
  const evidence = observations.flatMap((o) => o.props.filter((p) => p.name === 'reachability').map((p) => p.value)).sort();
  const titles: Record<string, string> = { 'no path from the internet': 'no-path-from-internet', 'reachable from the internet': 'reachable-from-internet', undecided: 'undecided' };
  const reports = Object.keys(files).filter((f) => f.includes('api-server-reachability')).map((f) => titles[/Verdict: \*\*([^*]+)\*\*/.exec(files[f])![1]]).sort();
  return { evidence, reports };
}

test.each([
  ['private-cluster', 1, 1],
  ['platform', 1, 2],
  ['estate', 6, 4],
] as const)('synth of the %s example reads each template once and audits each cluster once, for its reports and its evidence alike', async (example, templates, clusters) => {
  const { targets, readDocument, auditCluster } = await loaded;
  readDocument.mockClear();
  auditCluster.mockClear();
  const files = targets[example].artifacts({ evaluationDate: '2026-11-01' });
  expect(Object.keys(files).filter((f) => f.endsWith('.template.json'))).toHaveLength(templates);
  expect(readDocument).toHaveBeenCalledTimes(templates);
  expect(auditCluster).toHaveBeenCalledTimes(clusters);
  // The reports state the verdicts the evidence states: the same outcomes.
  const { evidence, reports } = reachabilityVerdicts(files);
  expect(reports).toHaveLength(clusters);
  expect(reports).toEqual(evidence);
}, 120_000);
