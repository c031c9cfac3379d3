import { UnknownValue } from '../../description/unknown-value';
import { NamePart, joinParts, joinedName } from './resource-path';

/**
 * Namespaces of the extension types templates write in the nested form,
 * when the name that would say so is not known.
 */
const EXTENSION_NAMESPACES: Readonly<Record<string, string>> = {
  diagnosticsettings: 'Microsoft.Insights',
  locks: 'Microsoft.Authorization',
  roleassignments: 'Microsoft.Authorization',
};

/** An extension resource written in the nested form, as its own type, name and scope. */
export interface NestedExtension {
  readonly type: string;
  readonly name: NamePart;
  /** The relative reference of the resource it is on, `Namespace/type/name`. */
  readonly scope: NamePart;
}

/**
 * Reads the nested form of an extension resource: type
 * `Microsoft.ContainerService/managedClusters/providers/diagnosticSettings`
 * named `aks/Microsoft.Insights/diag` is a `Microsoft.Insights/diagnosticSettings`
 * named `diag` on the cluster `aks`. Undefined when `type` is not of that form.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-extension-resources
 */
export function nestedExtension(type: string, levels: readonly NamePart[]): NestedExtension | undefined {
  const segments = type.split('/');
  const at = segments.findIndex((s, i) => i >= 2 && s.toLowerCase() === 'providers');
  if (at < 0 || at === segments.length - 1) return undefined;
  const baseType = segments.slice(0, at);
  const extensionTypes = segments.slice(at + 1);
  const baseLevels = baseType.length - 1;
  const namespace = levels[baseLevels];
  if (levels.length === baseLevels + 1 + extensionTypes.length && typeof namespace === 'string') {
    const scope = joinParts([baseType[0], ...baseType.slice(1).flatMap((t, i) => [`/${t}/`, levels[i]])]);
    return { type: [namespace, ...extensionTypes].join('/'), name: joinedName(levels.slice(baseLevels + 1)), scope };
  }
  const known = EXTENSION_NAMESPACES[extensionTypes[0].toLowerCase()];
  if (known === undefined) return undefined;
  const reason = 'the name does not say which resource the extension is on';
  return { type: [known, ...extensionTypes].join('/'), name: new UnknownValue(reason), scope: new UnknownValue(reason) };
}
