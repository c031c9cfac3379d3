import { Provider } from '@pulumi/kubernetes/provider';
import { ConfigGroup } from '@pulumi/kubernetes/yaml/v2';
import * as pulumi from '@pulumi/pulumi';
import { Chart } from 'cdk8s';

/** Arguments of {@link ChartDeployment}. */
export interface ChartDeploymentArgs {
  /** The cdk8s chart to apply. It is synthesized (and validated) here, before anything is registered. */
  readonly chart: Chart;
  /**
   * The Kubernetes provider of the cluster the chart belongs to. Required, so
   * that no chart is ever applied to whatever cluster a default provider points at.
   */
  readonly provider: Provider;
}

/**
 * Applies a cdk8s chart to one cluster through `@pulumi/kubernetes`, as a
 * `yaml.v2.ConfigGroup` of exactly the chart's synthesized objects. Every
 * customisation happens in cdk8s first; ConfigGroup v2 has no transformations.
 * @see https://www.pulumi.com/registry/packages/kubernetes/api-docs/yaml/v2/configgroup/
 */
export class ChartDeployment extends pulumi.ComponentResource {
  /** The objects sent to the cluster: the chart's synth output. */
  public readonly objects: readonly Record<string, unknown>[];
  /** The ConfigGroup holding them. */
  public readonly configGroup: ConfigGroup;

  constructor(name: string, args: ChartDeploymentArgs, opts?: pulumi.ComponentResourceOptions) {
    // Synthesize first: cdk8s validations (schema, analyzer, hostNetwork check) throw before registration.
    const objects = args.chart.toJson() as Record<string, unknown>[];
    super('secure-aks:kubernetes:ChartDeployment', name, {}, opts);
    this.objects = objects;
    this.configGroup = new ConfigGroup(name, { objs: objects }, { parent: this, provider: args.provider });
    this.registerOutputs({});
  }
}
