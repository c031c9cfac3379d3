import { AttributeReader } from './attribute-reader';
import { boolOf, built, Sent, stringListOf, stringOf } from './attribute-values';

/**
 * `network_profile` as the provider sends it
 * (`expandKubernetesClusterNetworkProfile`); without the block it sends none
 * and Azure's default (kubenet) applies. azurerm 3's `ebpf_data_plane`
 * preceded `network_data_plane`.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#network_profile
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update#containerservicenetworkprofile
 */
export function mapNetworkProfile(r: AttributeReader): Sent<Record<string, unknown>> {
  const np = r.block('network_profile');
  if (!(np instanceof AttributeReader)) return np;
  return built(
    {
      networkPlugin: stringOf(np, ['network_plugin']),
      networkPluginMode: stringOf(np, ['network_plugin_mode']),
      networkDataplane: stringOf(np, ['network_data_plane', 'ebpf_data_plane']),
      networkMode: stringOf(np, ['network_mode']),
      networkPolicy: stringOf(np, ['network_policy']),
      podCidr: stringOf(np, ['pod_cidr']),
      serviceCidr: stringOf(np, ['service_cidr']),
      dnsServiceIP: stringOf(np, ['dns_service_ip']),
      podCidrs: stringListOf(np, ['pod_cidrs']),
      serviceCidrs: stringListOf(np, ['service_cidrs']),
      ipFamilies: stringListOf(np, ['ip_versions']),
      outboundType: stringOf(np, ['outbound_type']),
      loadBalancerSku: stringOf(np, ['load_balancer_sku']),
      advancedNetworking: advancedNetworking(np),
    },
    np.pointer,
  );
}

/** `advanced_networking`: present means enabled, with observability and security as set (default false). */
function advancedNetworking(np: AttributeReader): Sent<Record<string, unknown>> {
  const block = np.block('advanced_networking');
  if (!(block instanceof AttributeReader)) return block;
  return built(
    {
      enabled: true,
      observability: { enabled: boolOf(block, ['observability_enabled'], false) },
      security: { enabled: boolOf(block, ['security_enabled'], false) },
    },
    block.pointer,
  );
}

/**
 * `service_mesh_profile`: the Istio add-on, its revisions, its ingress
 * gateways (one entry per gateway attribute that is set) and a plug-in CA.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#service_mesh_profile
 */
export function mapServiceMeshProfile(r: AttributeReader): Sent<Record<string, unknown>> {
  const mesh = r.block('service_mesh_profile');
  if (!(mesh instanceof AttributeReader)) return mesh;
  const mode = stringOf(mesh, ['mode']);
  if (mode !== 'Istio') return built({ mode }, mesh.pointer);
  const gateways: unknown[] = [];
  for (const [name, gatewayMode] of [['internal_ingress_gateway_enabled', 'Internal'], ['external_ingress_gateway_enabled', 'External']] as const) {
    const enabled = boolOf(mesh, [name]);
    if (enabled !== undefined) gateways.push({ enabled, mode: gatewayMode });
  }
  const ca = mesh.block('certificate_authority');
  return built(
    {
      mode,
      istio: built(
        {
          revisions: stringListOf(mesh, ['revisions']),
          components: { ingressGateways: gateways },
          certificateAuthority: ca instanceof AttributeReader ? { plugin: pluginCa(ca) } : ca,
        },
        mesh.pointer,
      ),
    },
    mesh.pointer,
  );
}

function pluginCa(ca: AttributeReader): Record<string, unknown> {
  return built(
    {
      keyVaultId: stringOf(ca, ['key_vault_id']),
      rootCertObjectName: stringOf(ca, ['root_cert_object_name']),
      certChainObjectName: stringOf(ca, ['cert_chain_object_name']),
      certObjectName: stringOf(ca, ['cert_object_name']),
      keyObjectName: stringOf(ca, ['key_object_name']),
    },
    ca.pointer,
  );
}

/** `linux_profile`: the admin user and its SSH public key. */
export function mapLinuxProfile(r: AttributeReader): Sent<Record<string, unknown>> {
  const linux = r.block('linux_profile');
  if (!(linux instanceof AttributeReader)) return linux;
  const key = linux.block('ssh_key');
  const keyData = key instanceof AttributeReader ? stringOf(key, ['key_data']) : key;
  return built({ adminUsername: stringOf(linux, ['admin_username']), ssh: { publicKeys: [{ keyData }] } }, linux.pointer);
}

