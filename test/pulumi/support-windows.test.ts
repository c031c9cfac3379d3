import * as pulumi from '@pulumi/pulumi';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { EstateModel, evaluationClock, RegulatedPlatformModel, Rules, SecureAksValidationError } from '../../lib';
import { HardenedCluster, RegulatedEstate, RegulatedPlatform } from '../../lib/pulumi';
import { props as ESTATE } from '../../examples/estate/definition';
import { VALID_CLUSTERS } from '../support/cluster-fixtures';
import { PLATFORM } from '../support/platform-fixtures';
import { TEST_DATE } from '../support/fixed-clock';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

// Kubernetes 1.33 is supported on AKS through July 2026 (lib/core/versions/support-windows.ts):
// supported on 2026-04-01, ending (within the warning period) on 2026-06-15, ended on 2026-09-01.
const SUPPORTED_ON = '2026-04-01';
const ENDING_ON = '2026-06-15';
const ENDED_ON = '2026-09-01';
const V133 = { ...VALID_CLUSTERS.ownCreatedZone, kubernetesVersion: '1.33' };

let resources: RecordedResource[];

beforeAll(async () => {
  ({ resources } = await installMocks());
});

afterEach(() => {
  evaluationClock.now = () => TEST_DATE;
});

/** Runs `build` and returns the validation error it throws, and how many resources were registered meanwhile. */
function refusal(build: () => unknown): { error: SecureAksValidationError; registered: number } {
  const before = resources.length;
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(SecureAksValidationError);
    // Pulumi prints a RunError's message without a stack trace.
    expect(pulumi.RunError.isInstance(e as Error)).toBe(true);
    return { error: e as SecureAksValidationError, registered: resources.length - before };
  }
  throw new Error('expected a validation error');
}

/** A Kubernetes 1.33 cluster in its own resource group (the fixture's zone name is the same for all). */
function cluster(name: string, evaluationDate?: string): HardenedCluster {
  return new HardenedCluster(name, { ...V133, name, resourceGroupName: `rg-${name}`, ...(evaluationDate === undefined ? {} : { evaluationDate }) });
}

function ruleIds(error: SecureAksValidationError): string[] {
  return error.violations.map((v) => v.rule.id);
}

describe('HardenedCluster judges the support windows on its evaluationDate', () => {
  test('on a date the version is supported, it registers, and records the date', async () => {
    const aks = cluster('supported', SUPPORTED_ON);
    await settle(aks.clusterId);
    expect(aks.evaluationDate).toBe(SUPPORTED_ON);
    expect(aks.model.evaluationDate).toBe(SUPPORTED_ON);
    expect(aks.model.warnings.map((w) => w.rule.id)).not.toContain(Rules.supportEnding.id);
    expect(resources.some((r) => r.name === 'supported-cluster')).toBe(true);
  });

  test('a later date fails SAKS-VER-002 before anything is registered, the component included', () => {
    const { error, registered } = refusal(() => cluster('ended', ENDED_ON));
    expect(registered).toBe(0);
    const ended = error.violations.find((v) => v.rule.id === Rules.supportEnded.id)!;
    expect(ended).toMatchObject({ property: 'kubernetesVersion', value: '1.33' });
    expect(ended.detail).toContain(`evaluated on ${ENDED_ON}`);
  });

  test('a date within the warning period warns with SAKS-VER-001 and deploys', async () => {
    const aks = cluster('ending', ENDING_ON);
    await settle(aks.clusterId);
    expect(aks.model.warnings.filter((w) => w.rule.id === Rules.supportEnding.id).map((w) => w.property)).toEqual(['kubernetesVersion']);
  });

  test('the given date is used, not the day of the run', () => {
    evaluationClock.now = () => new Date(`${ENDED_ON}T12:00:00Z`);
    expect(cluster('pinned-date', SUPPORTED_ON).evaluationDate).toBe(SUPPORTED_ON);
    // Without one, the day of the run: 1.33 has ended by then.
    expect(ruleIds(refusal(() => cluster('today')).error)).toContain(Rules.supportEnded.id);
  });

  test('a value that is not a calendar date is refused with SAKS-VER-003 before anything is registered', () => {
    const { error, registered } = refusal(() => cluster('bad-date', '2026-02-30'));
    expect(registered).toBe(0);
    expect(error.violations).toEqual([expect.objectContaining({ rule: Rules.evaluationDate, property: 'evaluationDate', value: '2026-02-30' })]);
  });
});

describe('RegulatedPlatform and RegulatedEstate judge their clusters on their model\'s evaluation date', () => {
  const platformProps = { ...PLATFORM, client: { ...PLATFORM.client, kubernetesVersion: '1.33' } };

  test('a platform built on a later date fails SAKS-VER-002 before its component exists', () => {
    const before = resources.length;
    let thrown: unknown;
    try {
      RegulatedPlatformModel.build(platformProps, { evaluationDate: ENDED_ON });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SecureAksValidationError);
    expect(ruleIds(thrown as SecureAksValidationError)).toContain(Rules.supportEnded.id);
    expect(resources.length).toBe(before);
  });

  test('a platform built on a supported date deploys on a later day, its clusters judged on the platform\'s date', async () => {
    const platform = RegulatedPlatformModel.build(platformProps, { evaluationDate: SUPPORTED_ON });
    evaluationClock.now = () => new Date(`${ENDED_ON}T12:00:00Z`);
    const stack = new RegulatedPlatform('dated-platform', { platform, resourceGroupName: 'rg' });
    await settle(stack.client.clusterId, stack.server.clusterId);
    expect([stack.evaluationDate, stack.client.evaluationDate, stack.server.evaluationDate]).toEqual([SUPPORTED_ON, SUPPORTED_ON, SUPPORTED_ON]);
  });

  test('an estate\'s clusters are judged on the estate\'s date', async () => {
    const estate = EstateModel.build({ ...ESTATE, clusters: ESTATE.clusters.map((c) => ({ ...c, kubernetesVersion: '1.33' })) }, { evaluationDate: SUPPORTED_ON });
    evaluationClock.now = () => new Date(`${ENDED_ON}T12:00:00Z`);
    const stack = new RegulatedEstate('dated-estate', { estate });
    await settle(...[...stack.clusters.values()].map((c) => c.cluster.clusterId));
    expect(stack.evaluationDate).toBe(SUPPORTED_ON);
    expect([...stack.clusters.values()].map((c) => c.cluster.evaluationDate)).toEqual(ESTATE.clusters.map(() => SUPPORTED_ON));
  });
});
