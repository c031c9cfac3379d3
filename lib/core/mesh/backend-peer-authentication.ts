import { CrossClusterServiceProps } from './cross-cluster-link-props';

/**
 * The mode of the PeerAuthentication a link writes for its backends.
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/#PeerAuthentication-MutualTLS-Mode
 * @internal
 */
export const BACKEND_MTLS_MODE = 'STRICT';

/**
 * One STRICT PeerAuthentication a link writes in the server cluster: for the
 * pods of one backend (its workload labels), or for the whole namespace of
 * backends whose pods the definition does not name.
 * @category Cross-cluster mTLS
 */
export interface BackendPeerAuthentication {
  readonly name: string;
  readonly namespace: string;
  /** The backend pods' labels; absent for a namespace-wide policy. */
  readonly workloadLabels?: Readonly<Record<string, string>>;
  /** The link's services whose backend it covers. */
  readonly services: readonly string[];
}

/**
 * The namespace of a service's backend, from its cluster-local name
 * `<service>.<namespace>.svc.cluster.local` (SAKS-MESH-014).
 * @internal
 */
export function backendNamespace(s: Pick<CrossClusterServiceProps, 'backend'>): string {
  return s.backend.host.split('.')[1] ?? 'default';
}

/**
 * The STRICT PeerAuthentications of a link's backends: one per backend with
 * workload labels, named after its service; one per namespace for the
 * backends without, named after the link (Istio keeps one namespace-wide
 * policy per namespace, and a workload's own policy takes precedence over
 * it). A backend with `mtlsMode: 'UNSET'` gets none.
 * @see https://istio.io/latest/docs/concepts/security/#peer-authentication
 * @internal
 */
export function backendPeerAuthentications(linkName: string, services: readonly CrossClusterServiceProps[]): BackendPeerAuthentication[] {
  const required = services.filter((s) => (s.backend.mtlsMode ?? BACKEND_MTLS_MODE) === BACKEND_MTLS_MODE);
  const perWorkload = required
    .filter((s) => s.backend.workloadLabels !== undefined)
    .map((s) => ({ name: `${s.name}-backend-strict-mtls`, namespace: backendNamespace(s), workloadLabels: s.backend.workloadLabels, services: [s.name] }));
  const namespaceWide = [...new Set(required.filter((s) => s.backend.workloadLabels === undefined).map(backendNamespace))].sort().map((namespace) => ({
    name: `${linkName}-backends-strict-mtls`,
    namespace,
    services: required.filter((s) => s.backend.workloadLabels === undefined && backendNamespace(s) === namespace).map((s) => s.name),
  }));
  return [...perWorkload, ...namespaceWide];
}
