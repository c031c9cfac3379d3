import { AdmissionPolicySpec, AdmissionValidation, admissionMessage, celHasPath, celString, celStringMap, celStrings } from '../../lib/core/admission/admission-policy';
import { Rules } from '../../lib/core/validation/rule-catalog';
import { Sources } from '../../lib/core/validation/sources';
import { BACKEND_MTLS_MODE, BackendPeerAuthentication } from '../../lib/core/mesh/backend-peer-authentication';
import type { CrossClusterLink } from '../../lib/core/mesh/cross-cluster-link';

/**
 * The request's PeerAuthentication accepts only mutual TLS: `mtls.mode`
 * STRICT, and every port-level mode STRICT (a port without a mode is UNSET).
 * Port-level modes apply to the pod's port, which the link does not know
 * (it knows the Service port): so no port may have another mode.
 */
const STRICT_EVERYWHERE = [
  `${celHasPath('object', ['spec', 'mtls', 'mode'])} && object.spec.mtls.mode == ${celString(BACKEND_MTLS_MODE)}`,
  `(!has(object.spec.portLevelMtls) || object.spec.portLevelMtls.all(p, has(object.spec.portLevelMtls[p].mode) && object.spec.portLevelMtls[p].mode == ${celString(BACKEND_MTLS_MODE)}))`,
].join(' && ');

/** The request's PeerAuthentication keeps the selector of `p`: its labels exactly, or none (the whole namespace). */
function sameSelector(p: BackendPeerAuthentication): string {
  return p.workloadLabels
    ? `${celHasPath('object', ['spec', 'selector', 'matchLabels'])} && object.spec.selector.matchLabels == ${celStringMap(p.workloadLabels)}`
    : '!has(object.spec.selector)';
}

/**
 * The request's PeerAuthentication can select pods with `labels`: it has a
 * selector (a workload's policy takes precedence over the namespace's), and
 * none of its labels contradicts them (a pod may carry labels besides these).
 */
function canSelect(labels: Readonly<Record<string, string>>): string {
  const m = 'object.spec.selector.matchLabels';
  return `has(object.spec.selector) && (!has(${m}) || ${m}.all(k, !(k in ${celStringMap(labels)}) || ${m}[k] == ${celStringMap(labels)}[k]))`;
}

/**
 * SAKS-MESH-026 written with one validation per PeerAuthentication of the
 * link and one per backend namespace, each with its values in its text: the
 * form the library wrote before it wrote the values as variables. The policy
 * with variables must deny exactly what this one denies, with the same
 * messages. The
 * PeerAuthentications the link writes for its backends keep `mtls.mode`
 * STRICT, no port-level exception and their selector; and no other
 * PeerAuthentication that can govern a backend's pods (in a namespace the
 * link covers whole: any; else one whose selector can match the backend's
 * labels) has a mode other than STRICT, at any port. Create and update are
 * denied; deletion is not, so that removing the link (or opting a backend
 * out) is never refused: a deleted policy is drift, and in the API server's
 * audit log. Undefined when no backend of the link requires STRICT.
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 * @see https://istio.io/latest/docs/concepts/security/#peer-authentication
 */
export function perObjectBackendMtlsAdmissionPolicy(link: CrossClusterLink): AdmissionPolicySpec | undefined {
  const policies = link.backendPeerAuthentications();
  if (policies.length === 0) return undefined;
  const rule = Rules.meshLinkBackendStrictMtls;
  const source = Sources.istioPeerAuthentication;
  const namespaces = [...new Set(policies.map((p) => p.namespace))].sort();
  const validations: AdmissionValidation[] = policies.map((p) => ({
    expression: `!(request.namespace == ${celString(p.namespace)} && request.name == ${celString(p.name)}) || (${STRICT_EVERYWHERE} && ${sameSelector(p)})`,
    message: admissionMessage(
      rule,
      `PeerAuthentication ${p.namespace}/${p.name} of the cross-cluster link "${link.name}" must keep mtls.mode ${BACKEND_MTLS_MODE}, no other mode at any port, and ${p.workloadLabels ? `the selector ${JSON.stringify(p.workloadLabels)}` : 'no selector (the whole namespace)'}`,
      source,
    ),
    onlyFor: { resource: 'peerauthentications', namespace: p.namespace, name: p.name },
  }));
  for (const namespace of namespaces) {
    const own = policies.filter((p) => p.namespace === namespace);
    const whole = own.some((p) => !p.workloadLabels);
    const governs = whole ? 'true' : own.map((p) => `(${canSelect(p.workloadLabels!)})`).join(' || ');
    const backends = own.flatMap((p) => p.services);
    validations.push({
      expression: `request.namespace != ${celString(namespace)} || request.name in ${celStrings(own.map((p) => p.name))} || !(${governs}) || (${STRICT_EVERYWHERE})`,
      message: admissionMessage(
        rule,
        `a PeerAuthentication in ${namespace} that can select the backend of ${backends.map((b) => `"${b}"`).join(', ')} (cross-cluster link "${link.name}") must have mtls.mode ${BACKEND_MTLS_MODE} and no other mode at any port`,
        source,
      ),
    });
  }
  return {
    name: `secure-aks-link-${link.name}-backend-mtls`,
    rule,
    source,
    guards: `the backends of the cross-cluster link "${link.name}" accept only mutual TLS: no PeerAuthentication that can select them in ${namespaces.join(', ')} becomes PERMISSIVE, DISABLE or UNSET; changes are denied, deletion is not`,
    flows: ['cross-cluster'],
    resourceRules: [{ apiGroups: ['security.istio.io'], apiVersions: ['*'], resources: ['peerauthentications'], operations: ['CREATE', 'UPDATE'] }],
    matchConditions: [{ name: 'backend-namespaces', expression: `request.namespace in ${celStrings(namespaces)}` }],
    validations,
  };
}
