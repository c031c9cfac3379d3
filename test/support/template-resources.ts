import { ArmTemplate } from '../../lib';

/** A resource of a template, with the chain of nested deployments it sits in. */
export interface TemplateResource {
  readonly resource: Record<string, any>;
  readonly nestedIn: readonly Record<string, any>[];
}

/** Every resource of a template, nested deployments unwrapped (and listed themselves). */
export function templateResources(template: ArmTemplate, nestedIn: readonly Record<string, any>[] = []): TemplateResource[] {
  const out: TemplateResource[] = [];
  for (const r of template.resources as Record<string, any>[]) {
    out.push({ resource: r, nestedIn });
    if (r.type === 'Microsoft.Resources/deployments') {
      out.push(...templateResources(r.properties.template, [...nestedIn, r]));
    }
  }
  return out;
}

/** The request body ARM receives for a template resource: everything but template-only keys. */
export function wireBody(r: Record<string, any>): Record<string, unknown> {
  const { type: _t, apiVersion: _a, name: _n, dependsOn: _d, scope: _s, ...body } = r;
  return body;
}

/** Leaf paths (with values) of a JSON value; empty objects and arrays carry no leaves. */
export function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      for (const [p, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, leaf);
    }
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

/** Paths of `sent` that the round-tripped payload lost or changed: properties unknown to the model. */
export function unknownProperties(sent: unknown, roundTripped: unknown): string[] {
  const back = leaves(roundTripped);
  return [...leaves(sent)].filter(([p, v]) => back.get(p) !== v).map(([p]) => p);
}
