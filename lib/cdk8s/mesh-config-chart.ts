import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { KubernetesObject } from '../core/kubernetes/kubernetes-object';
import { addObjects } from './cross-cluster-charts';
import { DeploymentCheck } from './deployment-check';

/**
 * Props of {@link MeshConfigChart}.
 * @category Cross-cluster mTLS
 */
export interface MeshConfigChartProps extends ChartProps {
  /** The mesh configuration objects (`RegulatedPlatformModel.meshConfigObjects()`). */
  readonly objects: readonly KubernetesObject[];
  /**
   * The cluster the chart is deployed to, for the checks across its charts.
   * @default - not placed
   */
  readonly cluster?: string;
}

/**
 * The mesh settings a managed mesh takes as objects rather than install values:
 * on the AKS Istio add-on, the revision's shared MeshConfig.
 * @see https://learn.microsoft.com/azure/aks/istio-meshconfig
 * @category Cross-cluster mTLS
 */
export class MeshConfigChart extends Chart {
  constructor(scope: Construct, id: string, props: MeshConfigChartProps) {
    super(scope, id, props);
    if (props.cluster !== undefined) DeploymentCheck.of(this).place(this, props.cluster);
    addObjects(this, props.objects);
  }
}
