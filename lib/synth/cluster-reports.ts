import { ManagedClusterModel } from '../core/aks/managed-cluster-model';
import { deployedEgressPath } from '../core/aks/egress-path';
import { renderSecurityBaseline } from '../core/aks/security-baseline';
import { calicoWireGuardDeployment } from '../core/encryption/calico-felix-configuration';
import { CrossClusterCoverage, deriveEncryptionCoverage, FlowCoverage, renderEncryptionCoverage } from '../core/encryption/encryption-coverage';
import { evaluateAksBuiltInPolicies, renderAksBuiltInPolicies } from '../core/policy/aks-built-in-policies';
import { Rules } from '../core/validation/rule-catalog';
import { Violation } from '../core/validation/violation';

/** The review reports of one cluster, derived from what its deployment contains. */
export interface ClusterReports {
  /** `encryption-coverage*.md`. */
  readonly coverage: string;
  /** `security-baseline*.md`. */
  readonly baseline: string;
  /** Findings about what is deployed (not about the definition). */
  readonly warnings: readonly Violation[];
  /** The coverage of each flow the reports state (the evidence pack states the same). */
  readonly flows: readonly FlowCoverage[];
}

/**
 * The encryption coverage and security baseline of one cluster, from its
 * payload and the Kubernetes objects the same deployment applies to it.
 */
export function clusterReports(model: ManagedClusterModel, kubernetesObjects: readonly unknown[], crossCluster?: CrossClusterCoverage): ClusterReports {
  const c = model.config;
  const coverage = deriveEncryptionCoverage(c, kubernetesObjects, crossCluster);
  const warnings: Violation[] = [];
  if (c.transitEncryption.kind === 'calicoWireGuard') {
    const deployed = calicoWireGuardDeployment(c.transitEncryption, kubernetesObjects);
    if (!deployed.on) {
      warnings.push({
        rule: Rules.calicoFelixNotDeployed,
        property: 'transitEncryption',
        value: 'calicoWireGuard',
        fix: 'add a CalicoWireGuardConfiguration to one of the cluster\'s charts (hardenedClusterTarget(cluster, { charts })) and deploy that chart with the cluster',
        detail: deployed.why,
      });
    }
  }
  return {
    coverage: renderEncryptionCoverage(c.name, c.transitEncryption, coverage, deployedEgressPath(model.cluster, model.resources)),
    baseline: renderSecurityBaseline(model, coverage, renderAksBuiltInPolicies(evaluateAksBuiltInPolicies(model.toArmTemplate()))),
    warnings,
    flows: coverage,
  };
}
