import { SERVER_SIDE_PATCH_ANNOTATION } from '../mesh/cross-cluster-link';
import { MeshFinding } from '../mesh/mesh-inventory';
import { canonicalJson } from './json-equality';
import { describeObject } from './kubernetes-object';

/**
 * An object one deployment applies to a cluster, and where it comes from (a chart, a link).
 * @category Kubernetes objects
 */
export interface SourcedObject {
  readonly object: Record<string, any>;
  /** What wrote it, for the message: a chart path or a deployment name. */
  readonly source: string;
}

const isPatch = (o: Record<string, any>) => o.metadata?.annotations?.[SERVER_SIDE_PATCH_ANNOTATION] === 'server-side-patch';
const groupOf = (apiVersion: unknown) => (typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.split('/')[0] : '');

/**
 * What different sources applying to one cluster would fight over: the
 * same object (API group, kind, namespace, name) written with different
 * content, the same port of a Service (patched by two links onto one shared
 * gateway) with different target ports or names, the same certificate secret
 * written by two Certificates, and one gateway port given two protocols.
 * Identical copies are not collisions (the same ClusterIssuer in two charts).
 * Kubernetes keeps one object per name, a Service one entry per port, and
 * Envoy one listener per gateway port.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0145/
 * @category Kubernetes objects
 */
export function findCollisions(objects: readonly SourcedObject[]): MeshFinding[] {
  const findings: MeshFinding[] = [];
  const error = (o: Record<string, any>, message: string, fix: string) =>
    findings.push({ code: 'SAKS-AN-COLLISION', level: 'Error', object: describeObject(o), message, fix });

  const byIdentity = new Map<string, SourcedObject>();
  const ports = new Map<string, Map<number, { entry: string; source: string }>>();
  const secrets = new Map<string, SourcedObject>();
  const listeners = new Map<string, { protocol: string; source: string; gateway: string }>();

  for (const s of objects) {
    const o = s.object;
    if (!o || typeof o !== 'object') continue;
    const ns = o.metadata?.namespace ?? '';
    const key = `${groupOf(o.apiVersion)}/${o.kind}/${ns}/${o.metadata?.name}`;

    if (!isPatch(o)) {
      const seen = byIdentity.get(key);
      if (seen && seen.source !== s.source && canonicalJson(seen.object) !== canonicalJson(o)) {
        error(o, `is written by both ${seen.source} and ${s.source}, with different content; the cluster keeps only one`, 'give one of them another name (a different service name or gateway namespace per link), or let one source own it');
      } else if (!seen) {
        byIdentity.set(key, s);
      }
    }

    if (o.kind === 'Service') {
      const service = `${ns}/${o.metadata?.name}`;
      const known = ports.get(service) ?? new Map<number, { entry: string; source: string }>();
      ports.set(service, known);
      for (const p of (o.spec?.ports ?? []) as Record<string, unknown>[]) {
        const entry = canonicalJson({ name: p.name, targetPort: p.targetPort, protocol: p.protocol ?? 'TCP' });
        const other = known.get(Number(p.port));
        if (other && other.source !== s.source && other.entry !== entry) {
          error(o, `port ${String(p.port)} is given by both ${other.source} and ${s.source}, differently`, 'use another gateway port for one of the services');
        } else if (!other) {
          known.set(Number(p.port), { entry, source: s.source });
        }
      }
    }

    if (o.kind === 'Certificate' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('cert-manager.io/') && o.spec?.secretName) {
      const secret = `${ns}/${o.spec.secretName}`;
      const other = secrets.get(secret);
      if (other && describeObject(other.object) !== describeObject(o)) {
        error(o, `writes the secret ${secret}, which ${describeObject(other.object)} of ${other.source} writes too`, 'give each credential its own secret name (clientCredentialName, serverCredentialName)');
      } else if (!other) {
        secrets.set(secret, s);
      }
    }

    if (o.kind === 'Gateway' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('networking.istio.io/')) {
      const selector = canonicalJson(o.spec?.selector ?? {});
      for (const server of (o.spec?.servers ?? []) as Record<string, any>[]) {
        const listener = `${ns}|${selector}|${server.port?.number}`;
        const protocol = String(server.port?.protocol ?? '').toUpperCase();
        const other = listeners.get(listener);
        if (other && other.protocol !== protocol) {
          error(o, `port ${server.port?.number} of the gateway is ${protocol} here and ${other.protocol} in ${other.gateway} (${other.source})`, 'use another port for one of them: a gateway port has one protocol');
        } else if (!other) {
          listeners.set(listener, { protocol, source: s.source, gateway: describeObject(o) });
        }
      }
    }
  }
  return findings;
}
