/**
 * What exists in a cluster that the analyzer needs, beyond the analyzed objects themselves.
 * @category Cross-cluster mTLS
 */
export interface MeshInventory {
  /** The mesh root namespace. */
  readonly rootNamespace: string;
  /** Services not in the analyzed objects: preinstalled gateways, the user's backends. */
  readonly services?: readonly InventoryService[];
  /** Gateway workloads not in the analyzed objects (preinstalled gateways). */
  readonly workloads?: readonly InventoryWorkload[];
  /** Secrets that exist but are not in the analyzed objects. */
  readonly secrets?: readonly { readonly namespace: string; readonly name: string }[];
}

/**
 * A Service (or ServiceEntry host) known to exist.
 * @category Cross-cluster mTLS
 */
export interface InventoryService {
  /** In-cluster FQDN (`name.namespace.svc.cluster.local`) or external host. */
  readonly host: string;
  readonly namespace: string;
  readonly ports: readonly { readonly port: number; readonly targetPort?: number }[];
  /** Pod selector of a Kubernetes Service. */
  readonly selector?: Readonly<Record<string, string>>;
}

/**
 * Pods known to exist: a namespace and their labels.
 * @category Cross-cluster mTLS
 */
export interface InventoryWorkload {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A finding of the analyzer, named like `istioctl analyze` findings.
 * @category Cross-cluster mTLS
 */
export interface MeshFinding {
  /** The istioctl code (IST0101 ...), or a `SAKS-AN-*` code for checks istioctl lacks. */
  readonly code: string;
  readonly level: 'Error' | 'Warning';
  /** `Kind/namespace/name` of the object. */
  readonly object: string;
  readonly message: string;
  readonly fix: string;
}

/**
 * Formats a finding like istioctl does, with the fix.
 * @category Cross-cluster mTLS
 */
export function formatFinding(f: MeshFinding): string {
  return `${f.level} [${f.code}] (${f.object}) ${f.message}; fix: ${f.fix}`;
}
