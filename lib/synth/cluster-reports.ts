import { deployedAdmissionPolicies, withAdmissionGuards } from '../core/admission/admission-guards';
import { ManagedClusterModel } from '../core/aks/managed-cluster-model';
import { felixAdmissionPolicy } from '../core/encryption/felix-admission-policy';
import { hostNetworkAdmissionPolicy } from '../core/encryption/host-network-admission-policy';
import { deployedEgressPath } from '../core/aks/egress-path';
import { renderSecurityBaseline } from '../core/aks/security-baseline';
import { calicoWireGuardDeployment } from '../core/encryption/calico-felix-configuration';
import { CrossClusterCoverage, deriveEncryptionCoverage, renderEncryptionCoverage } from '../core/encryption/encryption-coverage';
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
}

/**
 * The encryption coverage and security baseline of one cluster, from its
 * payload and the Kubernetes objects the same deployment applies to it.
 */
export function clusterReports(model: ManagedClusterModel, kubernetesObjects: readonly unknown[], crossCluster?: CrossClusterCoverage): ClusterReports {
  const c = model.config;
  // A statement an admission policy keeps true after day 0 says so, when the deployment applies that policy as written.
  const guards = deployedAdmissionPolicies(
    [
      hostNetworkAdmissionPolicy(c.transitEncryption),
      c.transitEncryption.kind === 'calicoWireGuard' ? felixAdmissionPolicy(c.transitEncryption) : undefined,
      ...(crossCluster?.admissionPolicies ?? []),
    ],
    kubernetesObjects,
  );
  const coverage = withAdmissionGuards(deriveEncryptionCoverage(c, kubernetesObjects, crossCluster), guards);
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
  };
}
