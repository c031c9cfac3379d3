type Json = Record<string, unknown>;

/**
 * The references each resource's attributes make in a plan's `configuration`
 * (`expressions.<attribute>.references`), by the resource's address without
 * instance keys and with its module path, the references made absolute
 * (`module.aks.` prefixed inside module `aks`).
 * @see https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */
export class TerraformConfiguration {
  private readonly byAddress = new Map<string, Json>();

  constructor(plan: Json) {
    const config = plan.configuration;
    if (isRecord(config) && isRecord(config.root_module)) this.index(config.root_module, '');
  }

  /** The resource references of `attribute` of the resource at `address` (a planned address, instance keys allowed). */
  public references(address: string, attribute: string): string[] {
    const key = withoutInstanceKeys(address);
    const expressions = this.byAddress.get(key);
    const expression = expressions?.[attribute];
    if (!isRecord(expression) || !Array.isArray(expression.references)) return [];
    const prefix = modulePrefix(key);
    return expression.references.filter((r): r is string => typeof r === 'string').map((r) => (r.startsWith('var.') || r.startsWith('local.') ? r : prefix + r));
  }

  /** The resource an attribute's value is the id of, as `<address>.id`, when its expression says so. */
  public idReference(address: string, attribute: string): string | undefined {
    return this.references(address, attribute).find((r) => /\.id$/.test(r) && !r.startsWith('var.') && !r.startsWith('local.'));
  }

  private index(module: Json, prefix: string): void {
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (isRecord(r) && typeof r.address === 'string' && isRecord(r.expressions)) this.byAddress.set(prefix + r.address, r.expressions);
    }
    if (!isRecord(module.module_calls)) return;
    for (const [name, call] of Object.entries(module.module_calls)) {
      if (isRecord(call) && isRecord(call.module)) this.index(call.module, `${prefix}module.${name}.`);
    }
  }
}

/** `module.a["x"].azurerm_x.y[0]` → `module.a.azurerm_x.y`. */
export function withoutInstanceKeys(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/** The module path of a configuration address, with its trailing dot (`module.aks.`), or ``. */
function modulePrefix(address: string): string {
  const m = /^((?:module\.[^.]+\.)*)/.exec(address);
  return m ? m[1] : '';
}

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
