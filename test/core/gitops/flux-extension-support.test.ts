import { expect, test } from 'vitest';
import { ClusterDelivery, Rules, validateEstate } from '../../../lib';
import { checkFluxExtensionSupport } from '../../../lib/core/gitops/flux-extension-support';
import { ViolationCollector } from '../../../lib/core/validation/violation-collector';
import { FLUX_EXTENSION_PIN } from '../../../lib/core/versions/pinned-support';
import { props as ESTATE } from '../../../examples/estate/definition';

// An older release, out of Microsoft's support once 1.24.1's notes were published (2026-08-10).
const OLDER = { ...FLUX_EXTENSION_PIN, version: '1.23.1' };
const gitOps = ESTATE.delivery!;

function judged(deliveries: readonly ClusterDelivery[], evaluationDate: string, pin = OLDER): string[] {
  const v = new ViolationCollector();
  checkFluxExtensionSupport(v, deliveries, { evaluationDate }, pin);
  return [...v.errors, ...v.warnings].map((x) => `${x.rule.id} ${x.property}=${String(x.value)}`);
}

test('the extension an estate installs is judged on the evaluation date: supported, ending, ended', () => {
  expect(gitOps.kind).toBe('gitOps');
  expect(judged([gitOps], '2026-04-01')).toEqual([]);
  expect(judged([gitOps], '2026-06-01')).toEqual([`${Rules.supportEnding.id} FLUX_EXTENSION_VERSION=1.23.1`]);
  expect(judged([gitOps], '2026-08-11')).toEqual([`${Rules.supportEnded.id} FLUX_EXTENSION_VERSION=1.23.1`]);
});

test('nothing is said without a GitOps-delivered cluster, or on a date that is not one', () => {
  expect(judged([ClusterDelivery.pulumiKubernetes()], '2026-08-11')).toEqual([]);
  expect(judged([gitOps], '2026-13-01')).toEqual([]);
});

test('the release the library pins is among the newest three, whose end no source dates: undecided, never failed', () => {
  expect(judged([gitOps], '2030-01-01', FLUX_EXTENSION_PIN)).toEqual([]);
  expect(validateEstate(ESTATE, { evaluationDate: '2030-01-01' }).errors.filter((e) => e.property === 'FLUX_EXTENSION_VERSION')).toEqual([]);
});
