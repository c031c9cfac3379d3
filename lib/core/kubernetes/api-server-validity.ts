import { MeshFinding } from '../mesh/mesh-inventory';
import { describeObject } from './kubernetes-object';
import { admissionPolicyCompileProblems } from './cel-compile-problems';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from './kubernetes-names';

const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
/**
 * etcd's default limit on a request: the API server cannot store an object
 * larger than this, however it is applied.
 * @see https://etcd.io/docs/v3.5/dev-guide/limit/
 */
const MAX_STORED_BYTES = 1.5 * 1024 * 1024;
/** Kinds that hold data and grow with it (a link's admission policy grows with its services): their size is checked. */
const DATA_KINDS = new Set(['ConfigMap', 'Secret', 'ValidatingAdmissionPolicy', 'CustomResourceDefinition']);

/** Kinds whose name is a DNS label rather than a subdomain. */
const LABEL_NAMED: ReadonlyMap<string, (name: string) => boolean> = new Map([['Service', isDns1035Label], ['Namespace', isDns1123Label]]);

/** A qualified name (label and annotation keys): an optional DNS subdomain prefix and a name of at most 63 characters. */
function isQualifiedName(key: string): boolean {
  const [prefix, name] = key.includes('/') ? [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)] : [undefined, key];
  return (prefix === undefined || isDns1123Subdomain(prefix)) && LABEL_NAME.test(name) && name.length <= 63;
}

/** Each label's key and value, as the API server checks them (`at` names where the labels are, or is empty). */
function checkLabels(at: string, labels: unknown, add: (message: string, fix: string) => void): void {
  if (!labels) return;
  // Read member by member: this runs on every object written, several times per synth.
  for (const key in labels as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(labels, key)) continue;
    const value = (labels as Record<string, unknown>)[key];
    if (!isQualifiedName(key)) add(`${at}label key "${key}" is not valid`, 'use a label name of at most 63 letters, digits, "-", "_" and "."');
    if (typeof value !== 'string' || value.length > 63 || (value !== '' && !LABEL_NAME.test(value))) add(`${at}label ${key}="${String(value)}" has a value that is not valid (at most 63 letters, digits, "-", "_" and ".")`, 'shorten the value (the name or revision it is derived from)');
  }
}

/** Each annotation's key, as the API server checks them. */
function checkAnnotationKeys(at: string, annotations: unknown, add: (message: string, fix: string) => void): void {
  if (!annotations) return;
  for (const key in annotations as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(annotations, key)) continue;
    if (!isQualifiedName(key)) add(`${at}annotation key "${key}" is not valid`, 'use an annotation name of at most 63 letters, digits, "-", "_" and ".", with an optional DNS prefix');
  }
}

/**
 * What the Kubernetes API server would refuse in an object, beyond its
 * schema: names and namespaces of the right form and length, label keys and
 * values, Service port names (IANA service names of at most 15 characters,
 * unique, required when there are several), non-empty port lists, and
 * replicas, the CEL expressions of admission policies that the API server's
 * CEL compiler refuses, and data objects too large for etcd. Run on every
 * object written, derived names included.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 * @category Kubernetes objects
 */
export function findInvalidForApiServer(objects: readonly unknown[]): MeshFinding[] {
  const findings: MeshFinding[] = [];
  for (const raw of objects) {
    const o = raw as Record<string, any>;
    if (!o || typeof o !== 'object' || typeof o.kind !== 'string') continue;
    const add = (message: string, fix: string) => findings.push({ code: 'SAKS-AN-K8S', level: 'Error', object: describeObject(o), message, fix });
    const name = o.metadata?.name;
    const nameForm = LABEL_NAMED.get(o.kind);
    if (typeof name !== 'string' || !(nameForm ?? isDns1123Subdomain)(name)) {
      add(`metadata.name "${String(name)}" is not a valid ${nameForm ? `${o.kind} name (a DNS label of at most 63 characters${o.kind === 'Service' ? ', starting with a letter' : ''})` : 'name (a DNS subdomain of at most 253 characters)'}`, 'use a shorter name of lowercase letters, digits and "-" (shorten the link or service name it is derived from)');
    }
    const ns = o.metadata?.namespace;
    if (ns !== undefined && (typeof ns !== 'string' || !isDns1123Label(ns))) add(`metadata.namespace "${String(ns)}" is not a DNS label of at most 63 characters`, 'use a namespace of lowercase letters, digits and "-"');
    // Labels and annotation keys wherever the API server validates them: the object's, its pod
    // template's (a gateway Deployment's istio.io/rev), and its selector's.
    checkLabels('', o.metadata?.labels, add);
    checkLabels('spec.template.metadata.labels ', o.spec?.template?.metadata?.labels, add);
    checkLabels('spec.selector.matchLabels ', o.spec?.selector?.matchLabels, add);
    checkAnnotationKeys('', o.metadata?.annotations, add);
    checkAnnotationKeys('spec.template.metadata.annotations ', o.spec?.template?.metadata?.annotations, add);
    if (o.kind === 'Service' && o.apiVersion === 'v1' && o.spec?.type !== 'ExternalName') {
      const ports = (o.spec?.ports ?? []) as Record<string, unknown>[];
      if (ports.length === 0) add('has no ports', 'give the Service at least one port');
      const names = new Set<string>();
      for (const p of ports) {
        const n = p.name;
        if (ports.length > 1 && (typeof n !== 'string' || n === '')) add(`port ${String(p.port)} has no name; a Service with several ports names each`, 'name every port');
        if (typeof n === 'string' && n !== '' && (n.length > 15 || !IANA_SVC_NAME.test(n) || !/[a-z]/.test(n) || n.includes('--'))) {
          add(`port name "${n}" is not an IANA service name (at most 15 lowercase letters, digits and "-", with a letter)`, 'use a shorter service name: port names are derived from it');
        }
        if (typeof n === 'string' && names.has(n)) add(`port name "${n}" is used twice`, 'give each port its own name');
        if (typeof n === 'string') names.add(n);
        if (!Number.isInteger(p.port) || (p.port as number) < 1 || (p.port as number) > 65535) add(`port ${String(p.port)} is not from 1 to 65535`, 'use a port from 1 to 65535');
      }
    }
    if (DATA_KINDS.has(o.kind)) {
      const bytes = Buffer.byteLength(JSON.stringify(o), 'utf8');
      if (bytes > MAX_STORED_BYTES) add(`is ${bytes} bytes as JSON, more than the 1.5 MiB etcd stores in one request`, 'make the object smaller: for a link\'s admission policy, split its services into several links');
    }
    if (o.kind === 'ValidatingAdmissionPolicy' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('admissionregistration.k8s.io/')) {
      for (const { message, fix } of admissionPolicyCompileProblems(o.spec)) add(message, fix);
    }
    if (['Deployment', 'StatefulSet', 'ReplicaSet'].includes(o.kind) && o.spec?.replicas !== undefined && (!Number.isInteger(o.spec.replicas) || o.spec.replicas < 0)) {
      add(`replicas ${String(o.spec.replicas)} is not a whole number of at least 0`, 'give a whole number of replicas (2 or more for a gateway)');
    }
  }
  return findings;
}
