import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { AKS_ISTIO_EGRESS_GATEWAY_LIMIT, AKS_ISTIO_EGRESS_NAME } from './aks-limits';
import { ResolvedClusterConfig } from './resolved-cluster-config';
import { isDns1123Label, isDns1123Subdomain } from '../kubernetes/kubernetes-names';

/**
 * The AKS Istio add-on (`serviceMeshProfile`): a published revision that runs
 * on the cluster's Kubernetes version and is not past its end of life, and
 * well-formed egress gateways.
 * @see https://learn.microsoft.com/azure/aks/istio-support-policy
 * @category Istio add-on
 */
export function validateIstioAddon(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const addon = c.istioAddon;
  if (addon === undefined) return;
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
