import { describeObject } from '../kubernetes/kubernetes-object';
import { StrictSchemaValidator } from '../kubernetes/schema-validator';
import { CERT_MANAGER_CRD_SCHEMAS } from './cert-manager-crd-schemas.generated';
import { evaluateCelRules } from '../kubernetes/cel-rules';
import { istioSpecSchema, ISTIO_KINDS, validateIstioObject } from './istio-schemas';
import { InventoryService, InventoryWorkload, MeshFinding, MeshInventory } from './mesh-inventory';
import { validateTlsSettings } from './istio-tls-rules';

type Obj = Record<string, any>;

const CLUSTER_DOMAIN = 'svc.cluster.local';

/** Istio object kinds the analyzer checks. */
const isIstio = (o: Obj) => typeof o.apiVersion === 'string' && o.apiVersion.startsWith('networking.istio.io/');
/** Istio objects whose CRD schema ships with the library: networking, and security's PeerAuthentication. */
const hasIstioSchema = (o: Obj) => (isIstio(o) || (typeof o.apiVersion === 'string' && o.apiVersion.startsWith('security.istio.io/'))) && (ISTIO_KINDS as readonly string[]).includes(o.kind);

/**
 * Expands a short host (`name`, `name.ns`) the way Istio does, relative to `namespace`.
 * @internal
 */
export function fullHost(host: string, namespace: string): string {
  if (host.includes('*')) return host;
  const parts = host.split('.');
  if (parts.length === 1) return `${host}.${namespace}.${CLUSTER_DOMAIN}`;
  if (parts.length === 2) return `${host}.${CLUSTER_DOMAIN}`;
  return host;
}

const matches = (selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

const hostsOverlap = (a: string, b: string) => {
  const strip = (h: string) => h.replace(/^[^/]+\//, '');
  const x = strip(a);
  const y = strip(b);
  if (x === '*' || y === '*') return true;
  if (x.startsWith('*.')) return y.endsWith(x.slice(1));
  if (y.startsWith('*.')) return x.endsWith(y.slice(1));
  return x === y;
};

/**
 * Analyzes one cluster's objects offline: strict schema validation (Istio
 * CRDs and cert-manager), istiod's TLS rules, and the `istioctl analyze`
 * checks that apply to this pattern (IST0101, IST0162, IST0132, IST0109,
 * IST0112, IST0134, IST0145), plus the pitfalls istioctl does not catch:
 * credential secrets outside the gateway's namespace and DestinationRules
 * off the clients' lookup path. It analyzes every object given, the user's
 * own included.
 * @see https://istio.io/latest/docs/reference/config/analysis/
 * @category Cross-cluster mTLS
 */
export function analyzeMesh(objects: readonly unknown[], inventory: MeshInventory): MeshFinding[] {
  const all = objects as Obj[];
  const findings: MeshFinding[] = [];
  const add = (code: string, level: 'Error' | 'Warning', o: Obj, message: string, fix: string) =>
    findings.push({ code, level, object: describeObject(o), message, fix });
  const ns = (o: Obj) => o.metadata?.namespace ?? 'default';
  const of = (kind: string) => all.filter((o) => o.kind === kind && (kind === 'Service' || kind === 'Deployment' || kind === 'Certificate' || kind === 'Secret' || isIstio(o)));

  // --- schema (IST0106 is istioctl's code for schema errors)
  for (const o of all) {
    if (hasIstioSchema(o)) {
      for (const f of validateIstioObject(o.kind, o)) add('IST0106', 'Error', o, `schema: ${f.path} ${f.message}`, 'fix the field to match the Istio CRD schema');
      // The CRD's CEL rules, which the API server enforces and JSON Schema validators skip.
      for (const f of evaluateCelRules(istioSpecSchema(o.kind), o.spec, '/spec')) add('IST0106', 'Error', o, `CEL rule at ${f.path}: ${f.message}`, `change the object so that ${f.rule} holds`);
    }
    if ((o.kind === 'Certificate' || o.kind === 'Issuer' || o.kind === 'ClusterIssuer') && o.apiVersion === 'cert-manager.io/v1') {
      for (const f of StrictSchemaValidator.shipped().validate(`cert-manager/${o.kind}`, o)) {
        add('IST0106', 'Error', o, `schema: ${f.path} ${f.message}`, `fix the field to match cert-manager's ${o.kind}`);
      }
      const kind = o.kind as keyof typeof CERT_MANAGER_CRD_SCHEMAS.kinds;
      for (const f of evaluateCelRules(CERT_MANAGER_CRD_SCHEMAS.kinds[kind].spec, o.spec, '/spec')) {
        add('IST0106', 'Error', o, `CEL rule at ${f.path}: ${f.message}`, `change the object so that ${f.rule} holds`);
      }
    }
  }

  // --- istiod TLS validation and CEL rules (IST0106)
  for (const o of all.filter(isIstio)) {
    for (const problem of validateTlsSettings(o)) add('IST0106', 'Error', o, problem.message, problem.fix);
  }

  // --- inventory: what exists
  const services: InventoryService[] = [...(inventory.services ?? [])];
  for (const s of of('Service')) {
    const host = `${s.metadata.name}.${ns(s)}.${CLUSTER_DOMAIN}`;
    const ports = (s.spec?.ports ?? []).map((p: Obj) => ({ port: p.port, targetPort: typeof p.targetPort === 'number' ? p.targetPort : undefined }));
    const existing = services.findIndex((x) => x.host === host);
    if (existing >= 0) {
      // A server-side-apply patch adds ports to a preinstalled Service.
      services[existing] = { ...services[existing], ports: [...services[existing].ports, ...ports] };
    } else {
      services.push({ host, namespace: ns(s), ports, selector: s.spec?.selector });
    }
  }
  const entries = of('ServiceEntry');
  for (const se of entries) {
    for (const h of se.spec?.hosts ?? []) services.push({ host: h, namespace: ns(se), ports: (se.spec?.ports ?? []).map((p: Obj) => ({ port: p.number })) });
  }
  const workloads: InventoryWorkload[] = [
    ...(inventory.workloads ?? []),
    ...of('Deployment').map((d) => ({ namespace: ns(d), labels: d.spec?.template?.metadata?.labels ?? {} })),
  ];
  const secrets = new Set<string>([
    ...(inventory.secrets ?? []).map((s) => `${s.namespace}/${s.name}`),
    ...of('Secret').map((s) => `${ns(s)}/${s.metadata.name}`),
    ...of('Certificate').map((c) => `${ns(c)}/${c.spec?.secretName}`),
  ]);
  const gateways = of('Gateway');
  const destinationRules = of('DestinationRule');
  const virtualServices = of('VirtualService');
  // Indexes: the analyzer runs at every synth, over hundreds of links.
  const servicesByHost = new Map<string, InventoryService>();
  for (const svc of services) if (!servicesByHost.has(svc.host)) servicesByHost.set(svc.host, svc);
  const serviceByHost = (host: string) => servicesByHost.get(host);
  const selectorServices = services.filter((svc) => svc.selector);
  const gatewaysByRef = new Map(gateways.map((g) => [`${ns(g)}/${g.metadata.name}`, g]));
  const gatewayRef = (vs: Obj, ref: string) => gatewaysByRef.get(ref.includes('/') ? ref : `${ns(vs)}/${ref}`);
  const workloadsBySelector = new Map<string, InventoryWorkload[]>();
  const gatewayWorkloads = (gw: Obj) => {
    const key = JSON.stringify(gw.spec?.selector ?? {});
    let found = workloadsBySelector.get(key);
    if (!found) {
      found = workloads.filter((w) => matches(gw.spec?.selector ?? {}, w.labels));
      workloadsBySelector.set(key, found);
    }
    return found;
  };
  const subsetsByHost = new Map<string, Set<string>>();
  for (const dr of destinationRules) {
    const host = fullHost(dr.spec?.host ?? '', ns(dr));
    const set = subsetsByHost.get(host) ?? new Set<string>();
    for (const sub of dr.spec?.subsets ?? []) set.add(sub.name);
    subsetsByHost.set(host, set);
  }
  const gatewaysByHost = new Map<string, Obj[]>();
  const wildcardGateways: Obj[] = [];
  for (const g of gateways) {
    for (const h of (g.spec?.servers ?? []).flatMap((s: Obj) => s.hosts ?? [])) {
      const bare = String(h).replace(/^[^/]+\//, '');
      if (bare.includes('*')) wildcardGateways.push(g);
      else gatewaysByHost.set(bare, [...(gatewaysByHost.get(bare) ?? []), g]);
    }
  }
  const gatewaysServing = (host: string) => [
    ...new Set([...(gatewaysByHost.get(host) ?? []), ...wildcardGateways.filter((g) => (g.spec?.servers ?? []).some((s: Obj) => (s.hosts ?? []).some((h: string) => hostsOverlap(h, host))))]),
  ];

  // --- IST0101: gateway selector matches no pods; credential secret missing in the gateway pods' namespace
  for (const gw of gateways) {
    const pods = gatewayWorkloads(gw);
    if (pods.length === 0) {
      add('IST0101', 'Error', gw, `referenced selector ${JSON.stringify(gw.spec?.selector ?? {})} matches no gateway pods`, 'deploy the gateway, or select its pods\' labels');
    }
    for (const server of gw.spec?.servers ?? []) {
      const secret = server.tls?.credentialName;
      if (!secret) continue;
      for (const podNamespace of new Set(pods.map((p) => p.namespace))) {
        if (!secrets.has(`${podNamespace}/${secret}`)) {
          add(
            'IST0101',
            'Error',
            gw,
            `credentialName secret "${secret}" not found in namespace "${podNamespace}" of the gateway pods: the gateway reports "not supplied by SDS"`,
            `create the secret (or its Certificate) in namespace "${podNamespace}"`,
          );
        }
      }
    }
  }

  // --- DestinationRule credentialName (gateway-only): the secret must be where the gateway that uses it runs
  for (const dr of destinationRules) {
    const host = fullHost(dr.spec?.host ?? '', ns(dr));
    const tlsSettings: Obj[] = [dr.spec?.trafficPolicy?.tls, ...(dr.spec?.trafficPolicy?.portLevelSettings ?? []).map((p: Obj) => p.tls)].filter(Boolean);
    for (const tls of tlsSettings) {
      if (!tls.credentialName || dr.spec?.workloadSelector) continue;
      const routingGateways = gatewaysServing(host);
      const namespaces = new Set(routingGateways.flatMap((g) => gatewayWorkloads(g).map((w) => w.namespace)));
      if (namespaces.size === 0) namespaces.add(ns(dr));
      for (const n of namespaces) {
        if (!secrets.has(`${n}/${tls.credentialName}`)) {
          add('IST0101', 'Error', dr, `credentialName secret "${tls.credentialName}" not found in namespace "${n}" of the gateway that originates TLS to ${host}`, `create the secret in namespace "${n}"`);
        }
      }
    }
  }

  // --- lookup path: a DestinationRule applies to clients of its own namespace, the host's namespace and the root namespace
  for (const dr of destinationRules) {
    const host = fullHost(dr.spec?.host ?? '', ns(dr));
    const hostNamespace = serviceByHost(host)?.namespace ?? (host.endsWith(CLUSTER_DOMAIN) ? host.split('.')[1] : undefined);
    const exportTo: string[] = dr.spec?.exportTo ?? ['*'];
    const onPath = ns(dr) === inventory.rootNamespace || ns(dr) === hostNamespace;
    if (!onPath && !exportTo.every((e) => e === '.')) {
      add(
        'SAKS-AN-DR-LOOKUP',
        'Error',
        dr,
        `namespace "${ns(dr)}" is neither the root namespace "${inventory.rootNamespace}" nor the namespace of ${host}${hostNamespace ? ` ("${hostNamespace}")` : ''}: clients in other namespaces never look it up`,
        `move it to "${inventory.rootNamespace}"${hostNamespace ? ` or "${hostNamespace}"` : ''}`,
      );
    }
  }

  // --- VirtualService checks
  const meshHosts = new Map<string, Obj>();
  for (const vs of virtualServices) {
    const bound: string[] = vs.spec?.gateways ?? ['mesh'];
    for (const ref of bound) {
      if (ref === 'mesh') continue;
      const gw = gatewayRef(vs, ref);
      if (!gw) {
        add('IST0101', 'Error', vs, `referenced gateway "${ref}" not found`, 'create the Gateway, or fix the reference (namespace/name)');
        continue;
      }
      // IST0132: VS hosts must be served by the gateway.
      const gwHosts: string[] = (gw.spec?.servers ?? []).flatMap((s: Obj) => s.hosts ?? []);
      for (const h of vs.spec?.hosts ?? []) {
        if (!gwHosts.some((g) => hostsOverlap(g, h))) {
          add('IST0132', 'Warning', vs, `host "${h}" is not in the hosts of gateway "${ref}"`, `add "${h}" to the gateway's servers[].hosts`);
        }
      }
    }
    if (bound.includes('mesh')) {
      for (const h of vs.spec?.hosts ?? []) {
        const other = meshHosts.get(h);
        if (other) {
          add('IST0109', 'Error', vs, `host "${h}" is also defined for the mesh by ${describeObject(other)}`, 'merge the two VirtualServices');
        } else {
          meshHosts.set(h, vs);
        }
      }
    }
    const routes: Obj[] = [...(vs.spec?.tcp ?? []), ...(vs.spec?.tls ?? []), ...(vs.spec?.http ?? [])].flatMap((r: Obj) => r.route ?? []);
    for (const r of routes) {
      const d = r.destination ?? {};
      const host = fullHost(d.host ?? '', ns(vs));
      const svc = serviceByHost(host);
      if (!svc) {
        add('IST0101', 'Error', vs, `destination host "${d.host}" not found in any Service or ServiceEntry`, 'declare the service, or fix the host');
        continue;
      }
      const port = d.port?.number;
      if (port === undefined && svc.ports.length > 1) {
        add('IST0112', 'Error', vs, `destination "${d.host}" has ${svc.ports.length} ports; the route must name one`, 'set destination.port.number');
      }
      if (port !== undefined && !svc.ports.some((p) => p.port === port)) {
        add('IST0101', 'Error', vs, `destination "${d.host}:${port}" not found: the Service has ports ${svc.ports.map((p) => p.port).join(', ')}`, `expose port ${port} on the Service`);
      }
      if (d.subset) {
        const defined = subsetsByHost.get(host)?.has(d.subset) ?? false;
        if (!defined) add('IST0101', 'Error', vs, `subset "${d.subset}" of "${d.host}" not found in any DestinationRule`, 'define the subset');
      }
    }
  }

  // --- IST0162: a gateway port must be a port or targetPort of a Service selecting the gateway pods
  for (const gw of gateways) {
    const pods = gatewayWorkloads(gw);
    const podServices = selectorServices.filter((s) => pods.some((p) => p.namespace === s.namespace && matches(s.selector!, p.labels)));
    for (const server of gw.spec?.servers ?? []) {
      const port = server.port?.number;
      if (pods.length > 0 && !podServices.some((s) => s.ports.some((p) => p.port === port || p.targetPort === port))) {
        add('IST0162', 'Warning', gw, `port ${port} is not exposed by any Service of the gateway pods`, `add port ${port} to the gateway Service (declaratively: a dedicated gateway or a server-side-apply patch)`);
      }
    }
  }

  // --- IST0145: same selector, port and host on two Gateways (indexed by selector, port and host)
  const claimed = new Map<string, { exact: Map<string, Obj>; wildcard: { gateway: Obj; host: string }[] }>();
  for (const g of gateways) {
    for (const server of g.spec?.servers ?? []) {
      const key = `${JSON.stringify(g.spec?.selector ?? {})}:${server.port?.number}`;
      const group = claimed.get(key) ?? { exact: new Map<string, Obj>(), wildcard: [] };
      claimed.set(key, group);
      for (const raw of server.hosts ?? []) {
        const host = String(raw).replace(/^[^/]+\//, '');
        const others = host.includes('*')
          ? [...group.exact].filter(([h]) => hostsOverlap(host, h)).map(([, o]) => o)
          : [group.exact.get(host), ...group.wildcard.filter((w) => hostsOverlap(w.host, host)).map((w) => w.gateway)];
        const other = others.find((o) => o !== undefined && o !== g);
        if (other) {
          add('IST0145', 'Error', g, `conflicts with ${describeObject(other)}: same selector, port ${server.port?.number} and hosts ${host}`, 'merge the Gateways or give them different hosts');
        }
        if (host.includes('*')) group.wildcard.push({ gateway: g, host });
        else if (!group.exact.has(host)) group.exact.set(host, g);
      }
    }
  }

  // --- IST0134: a TCP ServiceEntry needs addresses or IP auto-allocation
  for (const se of entries) {
    const tcp = (se.spec?.ports ?? []).some((p: Obj) => !p.protocol || p.protocol === 'TCP');
    const auto = se.metadata?.labels?.['networking.istio.io/enable-autoallocate-ip'] === 'true';
    if (tcp && !(se.spec?.addresses?.length > 0) && !auto) {
      add('IST0134', 'Warning', se, 'a TCP port without addresses: traffic to the port cannot be told apart from other services on it', 'set spec.addresses, or the label networking.istio.io/enable-autoallocate-ip: "true"');
    }
  }
  return findings;
}

/**
 * Checks across the two clusters of a link: the SNI the client's egress
 * gateway sends must be a host of the server's ingress Gateway on that port,
 * or the ingress gateway answers `filter_chain_not_found`.
 * @category Cross-cluster mTLS
 */
export function analyzeMeshLink(clientObjects: readonly unknown[], serverObjects: readonly unknown[]): MeshFinding[] {
  const findings: MeshFinding[] = [];
  const serverGateways = (serverObjects as Obj[]).filter((o) => o.kind === 'Gateway' && isIstio(o));
  // The servers of the server's Gateways by port number, in order, made once: a link of a
  // thousand services looks up a thousand ports among a thousand Gateways.
  let serversByPort: Map<unknown, Obj[]> | undefined;
  const serversOn = (port: unknown): Obj[] => {
    if (!serversByPort) {
      const byPort = new Map<unknown, Obj[]>();
      for (const g of serverGateways) {
        (g.spec?.servers ?? []).forEach((s: Obj) => {
          const number = s.port?.number;
          const list = byPort.get(number);
          if (list) list.push(s);
          else byPort.set(number, [s]);
        });
      }
      serversByPort = byPort;
    }
    // A Map finds NaN by NaN, which === never equals.
    return Number.isNaN(port) ? [] : (serversByPort.get(port) ?? []);
  };
  for (const dr of (clientObjects as Obj[]).filter((o) => o.kind === 'DestinationRule' && isIstio(o))) {
    for (const pls of dr.spec?.trafficPolicy?.portLevelSettings ?? []) {
      if (pls.tls?.mode !== 'MUTUAL' && pls.tls?.mode !== 'SIMPLE') continue;
      const port = pls.port?.number;
      const sni = pls.tls?.sni;
      const servers = serversOn(port);
      if (servers.length === 0) {
        findings.push({
          code: 'SAKS-AN-PORT',
          level: 'Error',
          object: describeObject(dr),
          message: `no Gateway of the server cluster listens on port ${port}`,
          fix: `add a server on port ${port} to the server's ingress Gateway`,
        });
        continue;
      }
      if (!sni || !servers.some((s: Obj) => (s.hosts ?? []).some((h: string) => hostsOverlap(h, sni)))) {
        findings.push({
          code: 'SAKS-AN-SNI',
          level: 'Error',
          object: describeObject(dr),
          message: `SNI ${sni ? `"${sni}"` : '(unset)'} is not a host of the server's Gateway on port ${port} (hosts: ${servers.flatMap((s: Obj) => s.hosts).join(', ')}): the ingress gateway answers filter_chain_not_found`,
          fix: 'set tls.sni to the host the server Gateway lists',
        });
      }
    }
  }
  return findings;
}
