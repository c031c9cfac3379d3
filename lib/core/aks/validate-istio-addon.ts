import { aksIstioRevision, AKS_ISTIO_REVISIONS, isPastEndOfLife, revisionClock } from '../mesh/aks-istio-revisions';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { AKS_ISTIO_EGRESS_GATEWAY_LIMIT, AKS_ISTIO_EGRESS_NAME } from './aks-limits';
import { ResolvedClusterConfig } from './resolved-cluster-config';
import { kubernetesMinor } from './validation-helpers';
import { isDns1123Label, isDns1123Subdomain } from '../kubernetes/kubernetes-names';

/**
 * The AKS Istio add-on (`serviceMeshProfile`): a published revision that runs
 * on the cluster's Kubernetes version and is not past its end of life, and
 * well-formed egress gateways.
 * @see https://learn.microsoft.com/azure/aks/istio-support-policy
 */
export function validateIstioAddon(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const addon = c.istioAddon;
  if (addon === undefined) return;
  const row = aksIstioRevision(addon.revision);
  if (row === undefined) {
    v.add(Rules.istioAddonRevision, 'istioAddon.revision', addon.revision, `use a revision of Microsoft's calendar: ${AKS_ISTIO_REVISIONS.map((r) => r.revision).join(', ')}`);
  } else {
    if (c.kubernetesVersion !== undefined && !row.compatibleKubernetes.includes(kubernetesMinor(c.kubernetesVersion))) {
      v.add(Rules.istioAddonRevision, 'istioAddon.revision', addon.revision, `use a revision compatible with Kubernetes ${kubernetesMinor(c.kubernetesVersion)}; ${row.revision} runs on ${row.compatibleKubernetes.join(', ')}`);
    }
    if (isPastEndOfLife(row, revisionClock.now())) {
      const newest = AKS_ISTIO_REVISIONS[AKS_ISTIO_REVISIONS.length - 1].revision;
      v.add(Rules.istioAddonEndOfLife, 'istioAddon.revision', addon.revision, `upgrade to ${newest} (a canary upgrade: https://learn.microsoft.com/azure/aks/istio-upgrade)`, `its end of life was ${row.endOfLife}`);
    }
  }
  if (addon.externalIngressGateway) {
    v.add(Rules.istioAddonExternalIngress, 'istioAddon.externalIngressGateway', true, 'serve clients through the internal ingress gateway, behind your own firewall or Application Gateway');
  }
  if (addon.egressGateways.length > AKS_ISTIO_EGRESS_GATEWAY_LIMIT) {
    v.add(Rules.istioAddonEgressGateway, 'istioAddon.egressGateways', `${addon.egressGateways.length} gateways`, `use at most ${AKS_ISTIO_EGRESS_GATEWAY_LIMIT}`);
  }
  if (addon.egressGateways.length > 0 && c.podNetworking.mode === 'podSubnet') {
    v.add(Rules.istioAddonEgressGateway, 'istioAddon.egressGateways', addon.egressGateways.map((g) => g.name), 'use Azure CNI Overlay: Static Egress Gateway, which add-on egress gateways need, does not run on Azure CNI Pod Subnet');
  }
  const seen = new Set<string>();
  addon.egressGateways.forEach((g, i) => {
    const at = `istioAddon.egressGateways[${i}]`;
    if (g.name.length > AKS_ISTIO_EGRESS_NAME.maxLength || !AKS_ISTIO_EGRESS_NAME.pattern.test(g.name)) {
      v.add(Rules.istioAddonEgressGateway, `${at}.name`, g.name, `use 1-${AKS_ISTIO_EGRESS_NAME.maxLength} lowercase letters, digits, "-" and ".", starting and ending with a letter or digit`);
    } else if (seen.has(`${g.namespace}/${g.name}`)) {
      v.add(Rules.istioAddonEgressGateway, `${at}.name`, g.name, `give each egress gateway in ${g.namespace} its own name`);
    }
    seen.add(`${g.namespace}/${g.name}`);
    if (!isDns1123Label(g.namespace)) v.add(Rules.istioAddonEgressGateway, `${at}.namespace`, g.namespace, 'use a Kubernetes namespace name');
    if (!isDns1123Subdomain(g.gatewayConfigurationName)) {
      v.add(Rules.istioAddonEgressGateway, `${at}.gatewayConfigurationName`, g.gatewayConfigurationName, 'use the name of the StaticGatewayConfiguration in the gateway\'s namespace');
    }
  });
}
