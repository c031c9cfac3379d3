import { UnknownValue, isUnknown } from '../../description/unknown-value';
import { textParts, unknownText } from './arm-value';
import { DeploymentScope } from './deployment-scope';

/** A name level of a resource: known text, or unknown. */
export type NamePart = string | UnknownValue;

/**
 * A resource's name levels from its evaluated name: `vnet/nodes` is two, and
 * so is an unknown text joined from a parameter and `/nodes`; an unknown
 * name without a known `/` is one.
 */
export function nameLevels(name: NamePart): NamePart[] {
  if (typeof name === 'string') return name.split('/');
  const levels: NamePart[] = [];
  let pieces: NamePart[] = [];
  for (const part of textParts(name)) {
    if (typeof part !== 'string') {
      pieces.push(part);
      continue;
    }
    const split = part.split('/');
    split.forEach((piece, i) => {
      if (i > 0) {
        levels.push(joinParts(pieces));
        pieces = [];
      }
      if (piece !== '') pieces.push(piece);
    });
  }
  levels.push(joinParts(pieces));
  return levels;
}

/** Text joined from known and unknown parts. */
export function joinParts(parts: readonly NamePart[]): NamePart {
  if (parts.length === 1) return parts[0];
  return parts.every((p) => typeof p === 'string') ? parts.join('') : unknownText(parts);
}

/** The name as ARM writes it: levels joined by `/`. */
export function joinedName(levels: readonly NamePart[]): NamePart {
  return joinParts(levels.flatMap((l, i) => (i === 0 ? [l] : ['/', l])));
}

/**
 * The id of a resource deployed in the resource group of `scope`, or on
 * `extensionOf` (an extension resource); undefined when the type's levels
 * and the name's do not line up.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid
 */
export function resourceIdOf(type: string, levels: readonly NamePart[], scope: DeploymentScope, extensionOf?: NamePart): NamePart | undefined {
  const segments = type.split('/');
  if (segments.length - 1 !== levels.length) return undefined;
  const path: NamePart[] = [segments[0]];
  segments.slice(1).forEach((t, i) => path.push(`/${t}/`, levels[i]));
  const prefix: NamePart[] = extensionOf === undefined ? ['/subscriptions/', scope.subscriptionId, '/resourceGroups/', scope.resourceGroup] : [extensionOf];
  return joinParts([...prefix, '/providers/', ...path]);
}

/**
 * The id of a relative reference `Namespace/type/name[/type/name]` (an
 * extension resource's `scope`) in the resource group of `scope`; an id
 * (starting with `/`) as it is.
 */
export function scopeId(reference: NamePart, scope: DeploymentScope): NamePart {
  const text = isUnknown(reference) ? reference.symbol : reference;
  if (text === undefined || text.startsWith('/') || !/^[A-Za-z][\w.]*\/[^/]/.test(text)) return reference;
  return joinParts(['/subscriptions/', scope.subscriptionId, '/resourceGroups/', scope.resourceGroup, '/providers/', reference]);
}
