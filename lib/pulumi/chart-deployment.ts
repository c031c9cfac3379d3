import { ServicePatch } from '@pulumi/kubernetes/core/v1';
import { Provider } from '@pulumi/kubernetes/provider';
import { ConfigGroup } from '@pulumi/kubernetes/yaml/v2';
import * as pulumi from '@pulumi/pulumi';
import { zod, lazySchema } from '../core/validation/lazy-zod';
import { assertInput, factoryResult } from '../core/validation/input-boundary';
import { Chart } from 'cdk8s';
import { findingViolation } from '../cdk8s/deployment-check';
import { findCollisions, SourcedObject } from '../core/kubernetes/deployment-collisions';
import { SERVER_SIDE_PATCH_ANNOTATION } from '../core/mesh/cross-cluster-link';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { asRunError, failAsRunError } from './pulumi-errors';

/** The objects applied so far in this program, by the provider (the cluster) they go to. */
const APPLIED = new WeakMap<Provider, SourcedObject[]>();
const providerName = (p: Provider) => (p as unknown as { __name?: string }).__name ?? 'unnamed';

/**
 * Checks objects about to be applied through `provider` against every object
 * this program already applies through it (other components, other links):
 * one provider is one cluster. Throws the library's error (a Pulumi RunError)
 * on a collision; registers nothing.
 * @internal
 */
export function checkAgainstCluster(name: string, provider: Provider, objects: readonly Record<string, unknown>[]): SourcedObject[] {
  const mine = objects.map((object) => ({ object, source: `ChartDeployment "${name}"` }));
  const collisions = findCollisions([...(APPLIED.get(provider) ?? []), ...mine]).map((f) => findingViolation(`the cluster of provider "${providerName(provider)}"`, f));
  if (collisions.length > 0) throw asRunError(new SecureAksValidationError(`ChartDeployment "${name}"`, collisions));
  return mine;
}

const ARGS = lazySchema(() => zod.strictObject({
  chart: factoryResult(Chart, 'a cdk8s Chart'),
  provider: factoryResult(Provider, 'a @pulumi/kubernetes Provider of the cluster'),
  dependsOn: zod.array(zod.unknown()).readonly().optional(),
}));

/**
 * Arguments of {@link ChartDeployment}.
 * @category Charts
 */
export interface ChartDeploymentArgs {
  /** The cdk8s chart to apply. It is synthesized (and validated) here, before anything is registered. */
  readonly chart: Chart;
  /**
   * The Kubernetes provider of the cluster the chart belongs to. Required, so
   * that no chart is ever applied to whatever cluster a default provider points at.
   */
  readonly provider: Provider;
  /**
   * What must exist in the cluster first (CRDs from a Helm release).
   * @default []
   */
  readonly dependsOn?: readonly pulumi.Resource[];
}

/**
 * Applies a cdk8s chart to one cluster through `@pulumi/kubernetes`, as a
 * `yaml.v2.ConfigGroup` of exactly the chart's synthesized objects. Every
 * customisation happens in cdk8s first; ConfigGroup v2 has no transformations.
 *
 * Objects annotated `secure-aks.io/apply-as: server-side-patch` (a port added
 * to a preinstalled gateway Service) are applied as server-side-apply patches
 * (`core.v1.ServicePatch`), which merge into the existing object and keep
 * their fields across upgrades of it, instead of replacing it.
 * @see https://www.pulumi.com/registry/packages/kubernetes/api-docs/yaml/v2/configgroup/
 * @see https://www.pulumi.com/registry/packages/kubernetes/how-to-guides/managing-resources-with-server-side-apply/
 * @example
 * new ChartDeployment('workloads', { chart: new WorkloadsChart(offlineApp(), 'workloads'), provider });
 * @category Charts
 */
export class ChartDeployment extends pulumi.ComponentResource {
  /** The objects sent to the cluster: the chart's synth output. */
  public readonly objects: readonly Record<string, unknown>[];
  /** The ConfigGroup holding them (patches excepted). */
  public readonly configGroup: ConfigGroup;
  /** Server-side-apply patches of existing Services. */
  public readonly servicePatches: readonly ServicePatch[];

  constructor(name: string, args: ChartDeploymentArgs, opts?: pulumi.ComponentResourceOptions) {
    // Synthesize first: cdk8s validations (schema, analyzer, hostNetwork check) throw before registration.
    const objects = failAsRunError(() => {
      assertInput(ARGS, args, `ChartDeployment "${name}"`);
      return args.chart.toJson() as Record<string, unknown>[];
    });
    const mine = checkAgainstCluster(name, args.provider, objects);
    APPLIED.set(args.provider, [...(APPLIED.get(args.provider) ?? []), ...mine]);
    super('secure-aks:kubernetes:ChartDeployment', name, {}, opts);
    this.objects = objects;
    const isPatch = (o: Record<string, any>) => o.metadata?.annotations?.[SERVER_SIDE_PATCH_ANNOTATION] === 'server-side-patch';
    const dependsOn = [...(args.dependsOn ?? [])];
    this.configGroup = new ConfigGroup(name, { objs: objects.filter((o) => !isPatch(o)) }, { parent: this, provider: args.provider, dependsOn });
    this.servicePatches = objects.filter(isPatch).map((o: Record<string, any>) => {
      if (o.kind !== 'Service') throw new Error(`only Services can be applied as server-side patches, not ${o.kind}`);
      const { [SERVER_SIDE_PATCH_ANNOTATION]: _, ...annotations } = o.metadata.annotations;
      return new ServicePatch(
        `${name}-${o.metadata.namespace}-${o.metadata.name}`,
        {
          metadata: {
            ...o.metadata,
            // The same field manager as `kubectl apply --server-side --field-manager=secure-aks`.
            annotations: { ...annotations, 'pulumi.com/patchForce': 'true', 'pulumi.com/patchFieldManager': 'secure-aks' },
          },
          spec: o.spec,
        },
        { parent: this, provider: args.provider, dependsOn },
      );
    });
    this.registerOutputs({});
  }
}
