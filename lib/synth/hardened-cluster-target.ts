import { HardenedClusterProps } from '../core/aks/hardened-cluster-props';
import { ManagedClusterModel } from '../core/aks/managed-cluster-model';
import { formatViolation } from '../core/validation/violation';
import { SynthTarget, toJsonFile } from './synth-target';

/**
 * A synth target for one hardened cluster: writes `<file>.template.json`, the
 * ARM deployment template of exactly what the Pulumi component deploys.
 */
export function hardenedClusterTarget(props: HardenedClusterProps, file = 'cluster'): SynthTarget {
  let model: ManagedClusterModel | undefined;
  const build = (): ManagedClusterModel => (model ??= ManagedClusterModel.build(props));
  return {
    artifacts: () => ({ [`${file}.template.json`]: toJsonFile(build().toArmTemplate()) }),
    warnings: () => build().warnings.map(formatViolation),
  };
}
