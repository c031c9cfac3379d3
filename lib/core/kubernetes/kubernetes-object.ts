/**
 * A Kubernetes object as plain JSON, the model's output for the cluster side.
 * @category Kubernetes objects
 */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly [key: string]: unknown;
}

/**
 * `kind/namespace/name`, the way findings name an object.
 * @category Kubernetes objects
 */
export function describeObject(o: { kind?: string; metadata?: { name?: string; namespace?: string } }): string {
  const ns = o.metadata?.namespace;
  return `${o.kind ?? '?'}/${ns ? `${ns}/` : ''}${o.metadata?.name ?? '?'}`;
}
