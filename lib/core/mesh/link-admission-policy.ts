import { AdmissionPolicySpec, AdmissionValidation, admissionMessage, CelData, celHasPath, celLiteral, celString } from '../admission/admission-policy';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { SourceUrl, Sources } from '../validation/sources';
import { backendMtlsAdmissionPolicy } from './backend-mtls-admission-policy';
import { CrossClusterLink, LINK_TLS_MODES, ResolvedService as LinkService } from './cross-cluster-link';

/**
 * The name of a link side's admission policy and its binding.
 * @category Admission policies
 */
export function linkAdmissionPolicyName(link: CrossClusterLink, side: 'client' | 'server'): string {
  return `secure-aks-link-${link.name}-${side}`;
}

/** CEL of the request's object `field` path existing (`has()` of each step). */
const spec = (field: readonly string[]) => celHasPath('object', ['spec', ...field]);

/**
 * A validation for every guarded object of one resource in the side's
 * namespace: `variable` maps each object's name to one of the values it must
 * keep (every such object has an entry in it), and `condition` reads any
 * value of the request's own object through `field` (`field('x')` is
 * `variables.x[request.name]`). A request on any other object passes it.
 */
function perObjectValidation(resource: string, namespace: string, variable: string, condition: (field: (variable: string) => string) => string): string {
  return `request.resource.resource != ${celString(resource)} || request.namespace != ${celString(namespace)} || !(request.name in variables.${variable}) || (${condition(ownEntry)})`;
}

/** The request's own entry of a variable keyed by object name. */
const ownEntry = (variable: string) => `variables.${variable}[request.name]`;

/**
 * The variables holding, for each object, one value it must keep: one CEL
 * map per field (`{'a-external': 'a.example', ...}`), each of a single type.
 * Kubernetes compiles admission expressions with cel-go's homogeneous
 * aggregate literals, so a map of several types (`{'host': ..., 'port': 443}`)
 * would make the API server refuse the policy.
 * @see https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiserver/pkg/cel/environment/base.go
 */
function fieldVariables<T>(items: readonly T[], name: (t: T) => string, fields: Readonly<Record<string, (t: T) => CelData>>): { name: string; expression: string }[] {
  return Object.entries(fields).map(([variable, value]) => ({ name: variable, expression: celLiteral(byName(items, name, value)) }));
}

/** A message expression: the literal parts as CEL strings, the `{ cel }` parts as they are, joined by `+`. */
function messageExpression(rule: Rule, source: SourceUrl, parts: readonly (string | { readonly cel: string })[]): string {
  const joined: (string | { readonly cel: string })[] = [];
  for (const p of [`[${rule.id}] `, ...parts, ` (source: ${source})`]) {
    const last = joined.length - 1;
    if (typeof p === 'string' && typeof joined[last] === 'string') joined[last] += p;
    else joined.push(p);
  }
  return joined.map((p) => (typeof p === 'string' ? celString(p.replace(/[\r\n]+/g, ' ')) : p.cel)).join(' + ');
}

/** Every server of a Gateway listens on `port` for `host` with TLS `mode` (and `credentialName`, when given); each a CEL expression. */
function gatewayCondition(port: string, host: string, mode: string, credentialName?: string): string {
  const server = [
    `has(x.port) && has(x.port.number) && x.port.number == ${port}`,
    `has(x.hosts) && x.hosts == [${host}]`,
    `has(x.tls) && has(x.tls.mode) && x.tls.mode == ${celString(mode)}`,
    ...(credentialName ? [`has(x.tls.credentialName) && x.tls.credentialName == ${credentialName}`] : []),
  ].join(' && ');
  return `${spec(['servers'])} && object.spec.servers.size() > 0 && object.spec.servers.all(x, ${server})`;
}

/** The TLS settings of one port: exactly these, and no other port-level setting; `port`, `sni` and `credentialName` are CEL expressions. */
function portTlsCondition(list: string, port: string, mode: string, sni: string, credentialName?: string): string {
  const p = [
    `has(p.port) && has(p.port.number) && p.port.number == ${port}`,
    `has(p.tls) && has(p.tls.mode) && p.tls.mode == ${celString(mode)}`,
    `has(p.tls.sni) && p.tls.sni == ${sni}`,
    ...(credentialName ? [`has(p.tls.credentialName) && p.tls.credentialName == ${credentialName}`] : []),
  ].join(' && ');
  return `${list}.size() == 1 && ${list}.all(p, ${p})`;
}

/** One entry per object: its name, and the values it must keep. */
const byName = <T>(items: readonly T[], name: (t: T) => string, values: (t: T) => CelData): Record<string, CelData> => {
  const out: Record<string, CelData> = {};
  for (const t of items) {
    const key = name(t);
    if (key in out) throw new Error(`two objects of the link are named ${key}`);
    out[key] = values(t);
  }
  return out;
};

interface SidePolicy {
  readonly variables: { readonly name: string; readonly expression: string }[];
  readonly validations: AdmissionValidation[];
  readonly resources: readonly string[];
  /** Any further requests the policy concerns besides the side's namespace (CEL). */
  readonly alsoConcerns?: string;
}

function clientPolicy(link: CrossClusterLink, rule: Rule, source: SourceUrl): SidePolicy {
  const ns = link.egress.namespace;
  const nsText = `${ns}/`;
  const egressRule = `${link.name}-egress-gateway`;
  const ofLink = ` of the cross-cluster link "${link.name}" must keep `;
  const serviceEntryName = (s: LinkService) => `${s.name}-external`;
  const originationName = (s: LinkService) => `${s.name}-originate-mtls`;
  const indexed = link.services.map((s, index) => ({ s, index }));
  const variables = [
    ...fieldVariables(link.services, serviceEntryName, { serviceEntryHosts: (s) => s.host, serviceEntryClientPorts: (s) => s.clientPort, serviceEntryGatewayPorts: (s) => s.gatewayPort }),
    ...fieldVariables(link.services, (s) => link.egressGatewayName(s), { egressGatewayHosts: (s) => s.host }),
    ...fieldVariables(link.services, originationName, { originationHosts: (s) => s.host, originationPorts: (s) => s.gatewayPort, originationCredentials: (s) => s.clientCredentialName }),
    ...fieldVariables([link], () => egressRule, { egressRuleHosts: (l) => l.egress.serviceHost, egressRuleSubsetCounts: (l) => l.services.length }),
    ...fieldVariables(indexed, ({ s }) => s.name, { egressSubsetHosts: ({ s }) => s.host, egressSubsetIndexes: ({ index }) => index }),
  ];
  const validations: AdmissionValidation[] = [
    {
      expression: perObjectValidation('serviceentries', ns, 'serviceEntryHosts', (field) =>
        [
          `${spec(['hosts'])} && object.spec.hosts == [${field('serviceEntryHosts')}]`,
          `${spec(['ports'])} && object.spec.ports.size() == 2`,
          `object.spec.ports.exists(p, has(p.number) && p.number == ${field('serviceEntryClientPorts')} && has(p.protocol) && p.protocol == 'TCP')`,
          `object.spec.ports.exists(p, has(p.number) && p.number == ${field('serviceEntryGatewayPorts')} && has(p.protocol) && p.protocol == 'TLS')`,
          `${spec(['endpoints'])} && object.spec.endpoints.all(e, has(e.address) && e.address == ${field('serviceEntryHosts')} && has(e.ports) && has(e.ports.tls) && e.ports.tls == ${field('serviceEntryGatewayPorts')})`,
        ].join(' && '),
      ),
      onlyFor: { resource: 'serviceentries', namespace: ns, names: link.services.map(serviceEntryName) },
      message: admissionMessage(rule, `a ServiceEntry in ${ns}${ofLink}the host and ports of its definition`, source),
      messageExpression: messageExpression(rule, source, [
        `ServiceEntry ${nsText}`, { cel: 'request.name' }, `${ofLink}host `, { cel: ownEntry('serviceEntryHosts') },
        ', ports ', { cel: `string(${ownEntry('serviceEntryClientPorts')})` }, '/TCP and ', { cel: `string(${ownEntry('serviceEntryGatewayPorts')})` }, '/TLS',
      ]),
    },
    {
      expression: perObjectValidation('gateways', ns, 'egressGatewayHosts', (field) => gatewayCondition(String(link.egressPort), field('egressGatewayHosts'), LINK_TLS_MODES.toEgressGateway)),
      onlyFor: { resource: 'gateways', namespace: ns, names: link.services.map((s) => link.egressGatewayName(s)) },
      message: admissionMessage(rule, `a Gateway in ${ns}${ofLink}port ${link.egressPort}, its host and TLS mode ${LINK_TLS_MODES.toEgressGateway}`, source),
      messageExpression: messageExpression(rule, source, [
        `Gateway ${nsText}`, { cel: 'request.name' }, `${ofLink}port ${link.egressPort}, host `, { cel: ownEntry('egressGatewayHosts') }, `, TLS mode ${LINK_TLS_MODES.toEgressGateway}`,
      ]),
    },
    {
      expression: perObjectValidation('destinationrules', ns, 'originationHosts', (field) =>
        [
          `${spec(['host'])} && object.spec.host == ${field('originationHosts')}`,
          `${spec(['trafficPolicy', 'portLevelSettings'])}`,
          portTlsCondition('object.spec.trafficPolicy.portLevelSettings', field('originationPorts'), LINK_TLS_MODES.betweenGateways, field('originationHosts'), field('originationCredentials')),
          `!has(object.spec.trafficPolicy.tls)`,
        ].join(' && '),
      ),
      onlyFor: { resource: 'destinationrules', namespace: ns, names: link.services.map(originationName) },
      message: admissionMessage(rule, `a DestinationRule in ${ns} that originates mutual TLS${ofLink}its host, port, TLS mode ${LINK_TLS_MODES.betweenGateways}, SNI and credential`, source),
      messageExpression: messageExpression(rule, source, [
        `DestinationRule ${nsText}`, { cel: 'request.name' }, `${ofLink}host `, { cel: ownEntry('originationHosts') },
        ', port ', { cel: `string(${ownEntry('originationPorts')})` }, `, TLS mode ${LINK_TLS_MODES.betweenGateways} with SNI `, { cel: ownEntry('originationHosts') },
        ' and credential ', { cel: ownEntry('originationCredentials') },
      ]),
    },
    {
      // Each service's subset, found first where the link writes it (its index), else anywhere:
      // the same decision as searching the list, in one pass when the list is as written.
      expression: perObjectValidation('destinationrules', ns, 'egressRuleHosts', (field) =>
        [
          `${spec(['host'])} && object.spec.host == ${field('egressRuleHosts')}`,
          `!has(object.spec.trafficPolicy)`,
          `${spec(['subsets'])} && object.spec.subsets.size() == ${field('egressRuleSubsetCounts')}`,
          `variables.egressSubsetHosts.all(n, ${egressSubsetCondition('object.spec.subsets[variables.egressSubsetIndexes[n]]', link)} || object.spec.subsets.exists(x, ${egressSubsetCondition('x', link)}))`,
        ].join(' && '),
      ),
      onlyFor: { resource: 'destinationrules', namespace: ns, names: [egressRule] },
      message: admissionMessage(rule, `DestinationRule ${ns}/${egressRule}${ofLink}host ${link.egress.serviceHost}, port ${link.egressPort} with TLS mode ${LINK_TLS_MODES.toEgressGateway} for each service's subset`, source),
    },
  ];
  // A shared egress gateway's host may be another link's too: only a dedicated gateway's host is the link's alone.
  const hosts = [...link.services.map((s) => s.host), ...(link.egress.mode === 'dedicated' ? [link.egress.serviceHost] : [])];
  const hostsOf: Record<string, CelData> = {};
  for (const s of link.services) hostsOf[s.host] = s.name;
  if (link.egress.mode === 'dedicated') hostsOf[link.egress.serviceHost] = egressRule;
  variables.push({ name: 'linkHosts', expression: celLiteral(hostsOf) });
  validations.push({
    onlyFor: { resource: 'destinationrules' },
    expression: `request.resource.resource != 'destinationrules' || !(${spec(['host'])} && object.spec.host in variables.linkHosts) || (request.namespace == ${celString(ns)} && (request.name in variables.originationHosts || request.name in variables.egressRuleHosts))`,
    message: admissionMessage(rule, `only the DestinationRules of the cross-cluster link "${link.name}" may configure traffic to ${hosts.join(', ')}`, source),
  });
  return {
    variables,
    validations,
    resources: ['destinationrules', 'gateways', 'serviceentries'],
    alsoConcerns: `(request.resource.resource == 'destinationrules' && ${spec(['host'])})`,
  };
}

/** A subset `x` of the egress gateway's DestinationRule is the one of service `n` with its TLS settings. */
function egressSubsetCondition(x: string, link: CrossClusterLink): string {
  return `has(${x}.name) && ${x}.name == n && ${celHasPath(x, ['trafficPolicy', 'portLevelSettings'])} && ${portTlsCondition(`${x}.trafficPolicy.portLevelSettings`, String(link.egressPort), LINK_TLS_MODES.toEgressGateway, 'variables.egressSubsetHosts[n]')}`;
}

function serverPolicy(link: CrossClusterLink, rule: Rule, source: SourceUrl): SidePolicy {
  const ns = link.ingress.namespace;
  const ofLink = ` of the cross-cluster link "${link.name}" must keep `;
  const gatewayName = (s: LinkService) => link.ingressGatewayName(s);
  return {
    variables: fieldVariables(link.services, gatewayName, { ingressGatewayHosts: (s) => s.host, ingressGatewayPorts: (s) => s.gatewayPort, ingressGatewayCredentials: (s) => s.serverCredentialName }),
    validations: [
      {
        expression: perObjectValidation('gateways', ns, 'ingressGatewayHosts', (field) => gatewayCondition(field('ingressGatewayPorts'), field('ingressGatewayHosts'), LINK_TLS_MODES.betweenGateways, field('ingressGatewayCredentials'))),
        onlyFor: { resource: 'gateways', namespace: ns, names: link.services.map(gatewayName) },
        message: admissionMessage(rule, `a Gateway in ${ns}${ofLink}its port, host, TLS mode ${LINK_TLS_MODES.betweenGateways} and credential`, source),
        messageExpression: messageExpression(rule, source, [
          `Gateway ${ns}/`, { cel: 'request.name' }, `${ofLink}port `, { cel: `string(${ownEntry('ingressGatewayPorts')})` }, ', host ', { cel: ownEntry('ingressGatewayHosts') },
          `, TLS mode ${LINK_TLS_MODES.betweenGateways} with credential `, { cel: ownEntry('ingressGatewayCredentials') },
        ]),
      },
    ],
    resources: ['gateways'],
  };
}

/**
 * The admission policy of SAKS-MESH-025 for one side of a link: the link's
 * Gateways, DestinationRules and ServiceEntries keep the TLS modes, ports,
 * hosts, SNI and credentials its definition gives them, and (client side) no
 * other DestinationRule, in any namespace, configures TLS for the link's
 * hosts. The values each object must keep are written from the link's facts
 * (the same ones its objects are built from) into variables keyed by the
 * object's name, one per kind of object and field, each a map of one type;
 * one validation per kind reads them, so
 * the policy has as many CEL expressions for a thousand services as for one,
 * and two links in the same namespaces have the same expressions.
 *
 * Kubernetes' CEL cost limits: a request costs building the variables it
 * reads, one lookup
 * by name, and comprehensions over the request's own lists; the egress
 * gateway's DestinationRule is checked in one pass over its subsets when they
 * are in the order the link writes them (a reordered list is searched, which
 * grows with the square of the services and for a very large link can exhaust
 * the budget: the request is then denied, never admitted). The limits are
 * 1,000,000 per expression and 10,000,000 per policy and request.
 * @see https://istio.io/latest/docs/tasks/traffic-management/egress/egress-gateway-tls-origination/
 * @see https://pkg.go.dev/k8s.io/apiserver/pkg/apis/cel
 * @category Admission policies
 */
export function linkAdmissionPolicy(link: CrossClusterLink, side: 'client' | 'server'): AdmissionPolicySpec {
  const rule = Rules.meshLinkObjectsKept;
  const source = Sources.istioEgressTlsOrigination;
  const namespace = side === 'client' ? link.egress.namespace : link.ingress.namespace;
  const p = side === 'client' ? clientPolicy(link, rule, source) : serverPolicy(link, rule, source);
  return {
    name: linkAdmissionPolicyName(link, side),
    rule,
    source,
    guards: `the ${side} objects of the cross-cluster link "${link.name}" keep their TLS modes, ports and hosts`,
    flows: ['cross-cluster'],
    resourceRules: [{ apiGroups: ['networking.istio.io'], apiVersions: ['*'], resources: p.resources, operations: ['CREATE', 'UPDATE'] }],
    // The side's namespace (where the link's objects are), and any DestinationRule with a host (it may claim a link's host).
    matchConditions: [{ name: 'objects-of-the-link', expression: [`request.namespace == ${celString(namespace)}`, ...(p.alsoConcerns ? [p.alsoConcerns] : [])].join(' || ') }],
    variables: p.variables,
    validations: p.validations,
  };
}

/**
 * Every admission policy of one side of a link: the side's objects
 * (SAKS-MESH-025) and, on the server side, its backends' STRICT mutual TLS
 * (SAKS-MESH-026) unless no backend requires it.
 * @category Admission policies
 */
export function linkAdmissionPolicies(link: CrossClusterLink, side: 'client' | 'server'): AdmissionPolicySpec[] {
  const backends = side === 'server' ? backendMtlsAdmissionPolicy(link) : undefined;
  return [linkAdmissionPolicy(link, side), ...(backends ? [backends] : [])];
}
