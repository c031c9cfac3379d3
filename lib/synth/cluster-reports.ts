import { ManagedClusterModel } from '../core/aks/managed-cluster-model';
import { renderSecurityBaseline } from '../core/aks/security-baseline';
import { CrossClusterCoverage, deriveEncryptionCoverage, renderEncryptionCoverage } from '../core/encryption/encryption-coverage';

/** The review reports of one cluster: its encryption coverage and its security baseline, as Markdown. */
export function clusterReports(model: ManagedClusterModel, crossCluster?: CrossClusterCoverage): { coverage: string; baseline: string } {
  return {
    coverage: renderEncryptionCoverage(model.config.name, model.config.transitEncryption, deriveEncryptionCoverage(model.config, crossCluster)),
    baseline: renderSecurityBaseline(model),
  };
}
