import { ApiVersions } from '../arm/api-versions';
import { ArmValue } from '../arm/arm-expression';
import { ArmResource } from '../arm/arm-resource';
import { formatIpv4, Ipv4Cidr } from '../net/ipv4-cidr';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';

/**
 * The subnets the library lays out in a spoke it creates.
 * @category Regulated platform
 */
export interface SpokeSubnets {
  /** The node subnet: the spoke's first /20. */
  readonly nodes: string;
  /** The API server subnet: the /28 after it (API Server VNet Integration). */
  readonly api: string;
}

/**
 * A spoke's address space as the platform and the estate take it: a /19 or
 * larger IPv4 block without host bits, room for a /20 node subnet and the /28
 * API server subnet after it (SAKS-PLAT-002). Returns undefined, with the
 * violation, when it is not one.
 * @category Regulated platform
 */
export function checkSpokeAddressSpace(v: ViolationCollector, property: string, text: string): Ipv4Cidr | undefined {
  const parsed = Ipv4Cidr.parse(text);
  if (!(parsed instanceof Ipv4Cidr) || parsed.hasHostBits || parsed.prefixLength > 19) {
    v.add(Rules.platformAddressSize, property, text, 'use a /19 or larger block without host bits, e.g. "10.10.0.0/16"');
    return undefined;
  }
  return parsed;
}

/**
 * The node and API server subnets of a spoke the library creates in `space`.
 * @category Regulated platform
 */
export function spokeSubnets(space: Ipv4Cidr): SpokeSubnets {
  return { nodes: `${formatIpv4(space.network)}/20`, api: `${formatIpv4(space.network + 4096)}/28` };
}

/**
 * One direction of a virtual network peering, on the network `vnetName`.
 * @category Regulated platform
 */
export function virtualNetworkPeering(options: {
  readonly logicalId: string;
  readonly vnetName: string;
  readonly peeringName: string;
  readonly remoteVirtualNetworkId: ArmValue;
  /** Accept traffic another network forwards (a hub firewall's). */
  readonly allowForwardedTraffic: boolean;
  readonly dependsOn?: readonly string[];
}): ArmResource {
  return {
    logicalId: options.logicalId,
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    apiVersion: ApiVersions.network,
    name: [options.vnetName, options.peeringName],
    properties: {
      remoteVirtualNetwork: { id: options.remoteVirtualNetworkId },
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: options.allowForwardedTraffic,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    },
    ...(options.dependsOn ? { dependsOn: options.dependsOn } : {}),
  };
}
