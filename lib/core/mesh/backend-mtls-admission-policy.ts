import { AdmissionPolicySpec, AdmissionValidation, admissionMessage, CelData, celHasPath, celLiteral, celString, celStrings } from '../admission/admission-policy';
import { Rules } from '../validation/rule-catalog';
import { Sources } from '../validation/sources';
import { BACKEND_MTLS_MODE } from './backend-peer-authentication';
import type { CrossClusterLink } from './cross-cluster-link';

/**
 * The name of the admission policy (and binding) that keeps a link's backends STRICT.
 * @category Admission policies
 */
export function backendMtlsAdmissionPolicyName(link: CrossClusterLink): string {
  return `secure-aks-link-${link.name}-backend-mtls`;
}

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

/**
 * The request's PeerAuthentication (its key `key`) keeps its selector: the
 * labels of its entry in `variables.backendPolicyLabels` exactly, or none
 * (the whole namespace) when it has no entry there.
 */
function sameSelector(key: string): string {
  return `(${key} in variables.backendPolicyLabels ? (${celHasPath('object', ['spec', 'selector', 'matchLabels'])} && object.spec.selector.matchLabels == variables.backendPolicyLabels[${key}]) : !has(object.spec.selector))`;
}

/**
 * The request's PeerAuthentication can select pods with the labels `labels`
 * (a CEL map): it has a selector (a workload's policy takes precedence over
 * the namespace's), and none of its labels contradicts them (a pod may carry
 * labels besides these).
 */
function canSelect(labels: string): string {
  const m = 'object.spec.selector.matchLabels';
  return `has(object.spec.selector) && (!has(${m}) || ${m}.all(k, !(k in ${labels}) || ${m}[k] == ${labels}[k]))`;
}

/**
 * The admission policy of SAKS-MESH-026 for a link's server cluster: the
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
 * @category Admission policies
 */
export function backendMtlsAdmissionPolicy(link: CrossClusterLink): AdmissionPolicySpec | undefined {
  const policies = link.backendPeerAuthentications();
  if (policies.length === 0) return undefined;
  const rule = Rules.meshLinkBackendStrictMtls;
  const source = Sources.istioPeerAuthentication;
  const namespaces = [...new Set(policies.map((p) => p.namespace))].sort();
  const ofLink = ` of the cross-cluster link "${link.name}"`;
  // One map per field, each of one type: Kubernetes refuses a CEL literal that mixes types
  // (homogeneous aggregate literals, k8s.io/apiserver/pkg/cel/environment/base.go).
  // The link's own PeerAuthentications by "<namespace>/<name>": what each keeps in words, and the labels of those with a selector.
  const keeps: Record<string, CelData> = {};
  const labels: Record<string, CelData> = {};
  for (const p of policies) {
    keeps[`${p.namespace}/${p.name}`] = p.workloadLabels ? `the selector ${JSON.stringify(p.workloadLabels)}` : 'no selector (the whole namespace)';
    if (p.workloadLabels) labels[`${p.namespace}/${p.name}`] = { ...p.workloadLabels };
  }
  // Each backend namespace: the link's policies there, whether one covers it whole, the labels of
  // the others' backends (only namespaces that have some), and the backends in words.
  const names: Record<string, CelData> = {};
  const whole: Record<string, CelData> = {};
  const selected: Record<string, CelData> = {};
  const backends: Record<string, CelData> = {};
  for (const namespace of namespaces) {
    const inNamespace = policies.filter((p) => p.namespace === namespace);
    names[namespace] = inNamespace.map((p) => p.name);
    whole[namespace] = inNamespace.some((p) => !p.workloadLabels);
    const withLabels = inNamespace.filter((p) => p.workloadLabels).map((p) => ({ ...p.workloadLabels! }));
    if (withLabels.length > 0) selected[namespace] = withLabels;
    backends[namespace] = inNamespace.flatMap((p) => p.services).map((b) => `"${b}"`).join(', ');
  }
  const key = "(request.namespace + '/' + request.name)";
  const inNamespace = (variable: string) => `variables.${variable}[request.namespace]`;
  const validations: AdmissionValidation[] = [
    {
      expression: `!(${key} in variables.backendPolicyKeeps) || (${STRICT_EVERYWHERE} && ${sameSelector(key)})`,
      message: admissionMessage(rule, `a PeerAuthentication${ofLink} for its backends must keep mtls.mode ${BACKEND_MTLS_MODE}, no other mode at any port, and its selector`, source),
      messageExpression: [
        celString(`[${rule.id}] PeerAuthentication `),
        key,
        celString(`${ofLink} must keep mtls.mode ${BACKEND_MTLS_MODE}, no other mode at any port, and `),
        `variables.backendPolicyKeeps[${key}]`,
        celString(` (source: ${source})`),
      ].join(' + '),
      onlyFor: { resource: 'peerauthentications' },
    },
    {
      expression: `!(request.namespace in variables.backendNamespacePolicies) || request.name in ${inNamespace('backendNamespacePolicies')} || !(${inNamespace('backendNamespaceWhole')} || (request.namespace in variables.backendNamespaceLabels && ${inNamespace('backendNamespaceLabels')}.exists(l, ${canSelect('l')}))) || (${STRICT_EVERYWHERE})`,
      message: admissionMessage(rule, `a PeerAuthentication in ${namespaces.join(', ')} that can select a backend${ofLink} must have mtls.mode ${BACKEND_MTLS_MODE} and no other mode at any port`, source),
      messageExpression: [
        celString(`[${rule.id}] a PeerAuthentication in `),
        'request.namespace',
        celString(' that can select the backend of '),
        inNamespace('backendNamespaceBackends'),
        celString(` (cross-cluster link "${link.name}") must have mtls.mode ${BACKEND_MTLS_MODE} and no other mode at any port (source: ${source})`),
      ].join(' + '),
      onlyFor: { resource: 'peerauthentications' },
    },
  ];
  return {
    name: backendMtlsAdmissionPolicyName(link),
    rule,
    source,
    guards: `the backends of the cross-cluster link "${link.name}" accept only mutual TLS: no PeerAuthentication that can select them in ${namespaces.join(', ')} becomes PERMISSIVE, DISABLE or UNSET; changes are denied, deletion is not`,
    flows: ['cross-cluster'],
    resourceRules: [{ apiGroups: ['security.istio.io'], apiVersions: ['*'], resources: ['peerauthentications'], operations: ['CREATE', 'UPDATE'] }],
    matchConditions: [{ name: 'backend-namespaces', expression: `request.namespace in ${celStrings(namespaces)}` }],
    // The values are data, one literal per field: the policy has two validations however many backends the link has.
    variables: [
      { name: 'backendPolicyKeeps', expression: celLiteral(keeps) },
      { name: 'backendPolicyLabels', expression: celLiteral(labels) },
      { name: 'backendNamespacePolicies', expression: celLiteral(names) },
      { name: 'backendNamespaceWhole', expression: celLiteral(whole) },
      { name: 'backendNamespaceLabels', expression: celLiteral(selected) },
      { name: 'backendNamespaceBackends', expression: celLiteral(backends) },
    ],
    validations,
  };
}
