import { AdmissionPolicySpec, AdmissionValidation, admissionMessage, celHasPath, celString, celStrings } from '../../lib/core/admission/admission-policy';
import { Rules } from '../../lib/core/validation/rule-catalog';
import { Sources } from '../../lib/core/validation/sources';
import { CrossClusterLink, LINK_TLS_MODES } from '../../lib/core/mesh/cross-cluster-link';

/** One guarded object: its resource, name and the condition its spec must meet. */
interface Guarded {
  readonly resource: 'gateways' | 'destinationrules' | 'serviceentries';
  readonly kind: string;
  readonly name: string;
  readonly condition: string;
  /** The promise, in words, for the message. */
  readonly keeps: string;
}

const spec = (field: readonly string[]) => celHasPath('object', ['spec', ...field]);

/** Every server of a Gateway listens on `port` for `host` with TLS `mode` (and the credential, when given). */
function gatewayCondition(port: number, host: string, mode: string, credentialName?: string): string {
  const server = [
    `has(x.port) && has(x.port.number) && x.port.number == ${port}`,
    `has(x.hosts) && x.hosts == ${celStrings([host])}`,
    `has(x.tls) && has(x.tls.mode) && x.tls.mode == ${celString(mode)}`,
    ...(credentialName ? [`has(x.tls.credentialName) && x.tls.credentialName == ${celString(credentialName)}`] : []),
  ].join(' && ');
  return `${spec(['servers'])} && object.spec.servers.size() > 0 && object.spec.servers.all(x, ${server})`;
}

/** The TLS settings of one port: exactly these, and no other port-level setting. */
function portTlsCondition(list: string, port: number, mode: string, sni: string, credentialName?: string): string {
  const p = [
    `has(p.port) && has(p.port.number) && p.port.number == ${port}`,
    `has(p.tls) && has(p.tls.mode) && p.tls.mode == ${celString(mode)}`,
    `has(p.tls.sni) && p.tls.sni == ${celString(sni)}`,
    ...(credentialName ? [`has(p.tls.credentialName) && p.tls.credentialName == ${celString(credentialName)}`] : []),
  ].join(' && ');
  return `${list}.size() == 1 && ${list}.all(p, ${p})`;
}

function clientGuarded(link: CrossClusterLink): Guarded[] {
  const out: Guarded[] = [];
  for (const s of link.services) {
    out.push({
      resource: 'serviceentries',
      kind: 'ServiceEntry',
      name: `${s.name}-external`,
      condition: [
        `${spec(['hosts'])} && object.spec.hosts == ${celStrings([s.host])}`,
        `${spec(['ports'])} && object.spec.ports.size() == 2`,
        `object.spec.ports.exists(p, has(p.number) && p.number == ${s.clientPort} && has(p.protocol) && p.protocol == 'TCP')`,
        `object.spec.ports.exists(p, has(p.number) && p.number == ${s.gatewayPort} && has(p.protocol) && p.protocol == 'TLS')`,
        `${spec(['endpoints'])} && object.spec.endpoints.all(e, has(e.address) && e.address == ${celString(s.host)} && has(e.ports) && has(e.ports.tls) && e.ports.tls == ${s.gatewayPort})`,
      ].join(' && '),
      keeps: `host ${s.host}, ports ${s.clientPort}/TCP and ${s.gatewayPort}/TLS`,
    });
    out.push({
      resource: 'gateways',
      kind: 'Gateway',
      name: link.egressGatewayName(s),
      condition: gatewayCondition(link.egressPort, s.host, LINK_TLS_MODES.toEgressGateway),
      keeps: `port ${link.egressPort}, host ${s.host}, TLS mode ${LINK_TLS_MODES.toEgressGateway}`,
    });
    out.push({
      resource: 'destinationrules',
      kind: 'DestinationRule',
      name: `${s.name}-originate-mtls`,
      condition: [
        `${spec(['host'])} && object.spec.host == ${celString(s.host)}`,
        `${spec(['trafficPolicy', 'portLevelSettings'])}`,
        portTlsCondition('object.spec.trafficPolicy.portLevelSettings', s.gatewayPort, LINK_TLS_MODES.betweenGateways, s.host, s.clientCredentialName),
        `!has(object.spec.trafficPolicy.tls)`,
      ].join(' && '),
      keeps: `host ${s.host}, port ${s.gatewayPort}, TLS mode ${LINK_TLS_MODES.betweenGateways} with SNI ${s.host} and credential ${s.clientCredentialName}`,
    });
  }
  const subsets = link.services.map(
    (s) =>
      `object.spec.subsets.exists(x, has(x.name) && x.name == ${celString(s.name)} && ${celHasPath('x', ['trafficPolicy', 'portLevelSettings'])} && ${portTlsCondition('x.trafficPolicy.portLevelSettings', link.egressPort, LINK_TLS_MODES.toEgressGateway, s.host)})`,
  );
  out.push({
    resource: 'destinationrules',
    kind: 'DestinationRule',
    name: `${link.name}-egress-gateway`,
    condition: [
      `${spec(['host'])} && object.spec.host == ${celString(link.egress.serviceHost)}`,
      `!has(object.spec.trafficPolicy)`,
      `${spec(['subsets'])} && object.spec.subsets.size() == ${link.services.length}`,
      ...subsets,
    ].join(' && '),
    keeps: `host ${link.egress.serviceHost}, port ${link.egressPort} with TLS mode ${LINK_TLS_MODES.toEgressGateway} for each service's subset`,
  });
  return out;
}

function serverGuarded(link: CrossClusterLink): Guarded[] {
  return link.services.map((s) => ({
    resource: 'gateways',
    kind: 'Gateway',
    name: link.ingressGatewayName(s),
    condition: gatewayCondition(s.gatewayPort, s.host, LINK_TLS_MODES.betweenGateways, s.serverCredentialName),
    keeps: `port ${s.gatewayPort}, host ${s.host}, TLS mode ${LINK_TLS_MODES.betweenGateways} with credential ${s.serverCredentialName}`,
  }));
}

/**
 * SAKS-MESH-025 for one side of a link written with one validation per
 * guarded object ("not that object, or ..."), each with the object's values in
 * its text, and a match condition listing the objects by name: the form the
 * library wrote before it wrote one validation per kind of object. The
 * per-kind policy must deny exactly what this one denies, with the same
 * messages. The link's
 * Gateways, DestinationRules and ServiceEntries keep the TLS modes, ports,
 * hosts, SNI and credentials its definition gives them, and (client side) no
 * other DestinationRule, in any namespace, configures TLS for the link's
 * hosts. The conditions are written from the link's facts, the same ones its
 * objects are built from.
 * @see https://istio.io/latest/docs/tasks/traffic-management/egress/egress-gateway-tls-origination/
 */
export function perObjectLinkAdmissionPolicy(link: CrossClusterLink, side: 'client' | 'server'): AdmissionPolicySpec {
  const rule = Rules.meshLinkObjectsKept;
  const source = Sources.istioEgressTlsOrigination;
  const namespace = side === 'client' ? link.egress.namespace : link.ingress.namespace;
  const guarded = side === 'client' ? clientGuarded(link) : serverGuarded(link);
  const resources = [...new Set(guarded.map((g) => g.resource))].sort();
  const own = (g: Guarded) => `request.resource.resource == ${celString(g.resource)} && request.namespace == ${celString(namespace)} && request.name == ${celString(g.name)}`;
  const validations: AdmissionValidation[] = guarded.map((g) => ({
    expression: `!(${own(g)}) || (${g.condition})`,
    message: admissionMessage(rule, `${g.kind} ${namespace}/${g.name} of the cross-cluster link "${link.name}" must keep ${g.keeps}`, source),
    onlyFor: { resource: g.resource, namespace, name: g.name },
  }));
  const ownRules = guarded.filter((g) => g.resource === 'destinationrules');
  // A shared egress gateway's host may be another link's too: only a dedicated gateway's host is the link's alone.
  const hosts = side === 'client' ? [...link.services.map((s) => s.host), ...(link.egress.mode === 'dedicated' ? [link.egress.serviceHost] : [])] : [];
  if (hosts.length > 0) {
    validations.push({
      expression: `request.resource.resource != 'destinationrules' || !(${spec(['host'])} && object.spec.host in ${celStrings(hosts)}) || (request.namespace == ${celString(namespace)} && request.name in ${celStrings(ownRules.map((g) => g.name))})`,
      message: admissionMessage(rule, `only the DestinationRules of the cross-cluster link "${link.name}" may configure traffic to ${hosts.join(', ')}`, source),
    });
  }
  // The guarded objects by resource, each a list of names: one membership test per resource, however many services the link has.
  const concerned = resources.map((resource) => `(request.resource.resource == ${celString(resource)} && request.namespace == ${celString(namespace)} && request.name in ${celStrings(guarded.filter((g) => g.resource === resource).map((g) => g.name))})`);
  if (hosts.length > 0) concerned.push(`(request.resource.resource == 'destinationrules' && ${spec(['host'])} && object.spec.host in ${celStrings(hosts)})`);
  return {
    name: `secure-aks-link-${link.name}-${side}`,
    rule,
    source,
    guards: `the ${side} objects of the cross-cluster link "${link.name}" keep their TLS modes, ports and hosts`,
    flows: ['cross-cluster'],
    resourceRules: [{ apiGroups: ['networking.istio.io'], apiVersions: ['*'], resources, operations: ['CREATE', 'UPDATE'] }],
    matchConditions: [{ name: 'objects-of-the-link', expression: concerned.join(' || ') }],
    validations,
  };
}
