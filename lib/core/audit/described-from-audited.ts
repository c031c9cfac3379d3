import { DescribedResource, DocumentLocation } from '../description/described-resource';
import { referenceOf } from '../description/related-resources';
import { UnknownValue } from '../description/unknown-value';
import { AuditedResource } from './audited-resource';

/**
 * An audited resource (the REST shape the policy pack and older callers
 * build) as a described one. A string that is a template expression
 * (`[...]`, but not the `[[` escape) is a value not evaluated here: unknown.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
 */
export function describedFromAudited(r: AuditedResource, origin: DocumentLocation): DescribedResource {
  const body: Record<string, unknown> = { location: r.location, sku: r.sku, identity: r.identity, tags: r.tags, properties: r.properties };
  return {
    type: r.type,
    name: unknownIfExpression(r.name) as string | UnknownValue,
    id: r.id,
    apiVersion: r.apiVersion,
    scope: r.scope === undefined ? undefined : (unknownIfExpression(r.scope) as string | UnknownValue),
    body: markExpressions(body) as Record<string, unknown>,
    origin,
  };
}

function unknownIfExpression(value: string): string | UnknownValue {
  if (!isExpression(value)) return value;
  // A reference to a resource by literal names still names that resource: its symbol finds it among those read.
  const symbol = referenceOf(value) ? value : undefined;
  return new UnknownValue(`the expression ${value} is not evaluated offline`, symbol);
}

function isExpression(v: unknown): v is string {
  return typeof v === 'string' && v.startsWith('[') && !v.startsWith('[[') && v.endsWith(']');
}

function markExpressions(value: unknown): unknown {
  if (typeof value === 'string') return unknownIfExpression(value);
  if (Array.isArray(value)) return value.map(markExpressions);
  if (value instanceof UnknownValue) return value;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markExpressions(v)]));
  return value;
}
