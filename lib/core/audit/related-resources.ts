import { referenceOf as reference } from '../description/related-resources';
import { AuditedResource, isType } from './audited-resource';

const VNET = 'Microsoft.Network/virtualNetworks';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';

/** The deployed resources a cluster's rules can look up, by id or by ARM name. */
export class RelatedResources {
  constructor(private readonly resources: readonly AuditedResource[]) {}

  /** Resources of `type`. */
  public ofType(type: string): AuditedResource[] {
    return this.resources.filter((r) => isType(r.type, type));
  }

  /**
   * The resource a resource id names: by its id, or (in a template, where ids
   * are expressions) by its type and ARM name.
   */
  public byId(id: unknown): AuditedResource | undefined {
    if (typeof id !== 'string') return undefined;
    const lower = id.toLowerCase();
    const exact = this.resources.find((r) => r.id?.toLowerCase() === lower);
    if (exact) return exact;
    const parsed = reference(id);
    if (!parsed) return undefined;
    const name = parsed.names.join('/').toLowerCase();
    return this.resources.find((r) => isType(r.type, parsed.type) && r.name.toLowerCase() === name);
  }

  /**
   * The subnet a subnet id names, as its own resource or inline in its
   * virtual network's `subnets`; with the address space of that network.
   */
  public subnet(id: unknown): { subnet: Readonly<Record<string, any>>; vnet?: AuditedResource } | undefined {
    const ref = reference(id);
    if (!ref || !isType(ref.type, SUBNET)) return undefined;
    const vnet = this.vnetOfSubnet(id);
    const own = this.byId(id);
    if (own) return { subnet: own.properties, vnet };
    const inline = ((vnet?.properties.subnets ?? []) as Record<string, any>[]).find((s) => typeof s.name === 'string' && s.name.toLowerCase() === ref.names[1].toLowerCase());
    // ARM nests an inline subnet's settings in `properties`; Pulumi's typed inputs flatten them.
    return inline ? { subnet: inline.properties ?? inline, vnet } : undefined;
  }

  /** The virtual network of a subnet id, when it is among the resources. */
  public vnetOfSubnet(id: unknown): AuditedResource | undefined {
    const ref = reference(id);
    if (!ref || !isType(ref.type, SUBNET)) return undefined;
    const vnet = typeof id === 'string' && id.startsWith('/') ? this.byId(id.slice(0, id.toLowerCase().lastIndexOf('/subnets/'))) : undefined;
    return vnet ?? this.resources.find((r) => isType(r.type, VNET) && r.name.toLowerCase() === ref.names[0].toLowerCase());
  }
}

/** The type and names a resource id or a template's reference to a resource stands for (one reading, shared with the description's). */
export { referenceOf as reference } from '../description/related-resources';
