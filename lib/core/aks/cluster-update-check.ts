import { ArmTemplate } from '../arm/arm-template';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import { ViolationCollector } from '../validation/violation-collector';
import { CREATE_ONLY_CLUSTER_PROPERTIES } from './managed-cluster-model';

const CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';

function clusters(template: ArmTemplate): Map<string, Record<string, any>> {
  return new Map(
    (template.resources as Record<string, any>[])
      .filter((r) => r.type === CLUSTER_TYPE)
      .map((r) => [String(r.name), r.properties ?? {}]),
  );
}

function at(obj: Record<string, any>, dotted: string): unknown {
  return dotted.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), obj);
}

/**
 * Compares the clusters of a previously synthesized template with the next
 * one and reports changes Azure cannot make in place: create-only properties,
 * privateDNSZone changes other than to `none`, turning VNet Integration off,
 * making a public cluster private without VNet Integration, leaving the
 * Cilium dataplane, and switching the KMS key vault between public and private.
 * @category Clusters
 */
export function checkClusterUpdate(previous: ArmTemplate, next: ArmTemplate): Violation[] {
  const v = new ViolationCollector();
  const before = clusters(previous);
  for (const [name, after] of clusters(next)) {
    const old = before.get(name);
    if (!old) continue;
    const where = (p: string) => `cluster "${name}" properties.${p}`;
    for (const p of CREATE_ONLY_CLUSTER_PROPERTIES) {
      if (JSON.stringify(at(old, p)) !== JSON.stringify(at(after, p))) {
        v.add(Rules.createOnlyChanged, where(p), at(after, p), `keep ${JSON.stringify(at(old, p))}, or create a new cluster`, `was ${JSON.stringify(at(old, p))}`);
      }
    }
    const oldAccess = old.apiServerAccessProfile ?? {};
    const newAccess = after.apiServerAccessProfile ?? {};
    const oldZone = oldAccess.privateDNSZone;
    const newZone = newAccess.privateDNSZone;
    if (oldZone !== undefined && newZone !== undefined && String(oldZone).toLowerCase() !== String(newZone).toLowerCase()) {
      const allowed = String(newZone).toLowerCase() === 'none' && String(oldZone).toLowerCase() !== 'none';
      if (!allowed) {
        v.add(Rules.privateDnsZoneChange, where('apiServerAccessProfile.privateDNSZone'), newZone, `keep ${JSON.stringify(oldZone)}, change it to "none", or create a new cluster`, `was ${JSON.stringify(oldZone)}`);
      }
    }
    const oldDataplane = old.networkProfile?.networkDataplane;
    const newDataplane = after.networkProfile?.networkDataplane;
    if (oldDataplane === 'cilium' && newDataplane !== 'cilium') {
      v.add(Rules.dataplaneOneWay, where('networkProfile.networkDataplane'), newDataplane ?? 'azure', 'keep the Cilium dataplane, or create a new cluster');
    }
    if (old.oidcIssuerProfile?.enabled === true && after.oidcIssuerProfile?.enabled !== true) {
      v.add(Rules.oidcIssuerOneWay, where('oidcIssuerProfile.enabled'), after.oidcIssuerProfile?.enabled ?? false, 'keep workloadIdentity on (the OIDC issuer stays on), or create a new cluster');
    }
    const oldKms = old.securityProfile?.azureKeyVaultKms;
    const newKms = after.securityProfile?.azureKeyVaultKms;
    if (oldKms?.enabled === true && newKms?.enabled === true && oldKms.keyVaultNetworkAccess !== newKms.keyVaultNetworkAccess) {
      v.add(
        Rules.kmsNetworkAccessChange,
        where('securityProfile.azureKeyVaultKms.keyVaultNetworkAccess'),
        newKms.keyVaultNetworkAccess,
        `keep ${JSON.stringify(oldKms.keyVaultNetworkAccess)}, or turn KMS off in one deployment and on with the new mode in the next`,
        `was ${JSON.stringify(oldKms.keyVaultNetworkAccess)}`,
      );
    }
    if (oldAccess.enableVnetIntegration === true && newAccess.enableVnetIntegration !== true) {
      v.add(Rules.vnetIntegrationOneWay, where('apiServerAccessProfile.enableVnetIntegration'), newAccess.enableVnetIntegration ?? false, 'keep vnetIntegration: true');
    }
    if (oldAccess.enablePrivateCluster !== true && newAccess.enablePrivateCluster === true && newAccess.enableVnetIntegration !== true) {
      v.add(Rules.publicToPrivate, where('apiServerAccessProfile.enablePrivateCluster'), true, 'turn on API Server VNet Integration in the same change, or create a new private cluster');
    } else if (oldAccess.enablePrivateCluster === true && newAccess.enablePrivateCluster !== true && oldAccess.enableVnetIntegration !== true) {
      v.add(Rules.createOnlyChanged, where('apiServerAccessProfile.enablePrivateCluster'), false, 'keep the cluster private, or create a new public cluster', 'without VNet Integration a private cluster cannot become public');
    }
  }
  return [...v.errors];
}
