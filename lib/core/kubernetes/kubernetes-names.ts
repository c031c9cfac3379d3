/**
 * The name forms the Kubernetes API server accepts.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */

/** An RFC 1123 label, without its length limit (namespaces, most label-named kinds). */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** An RFC 1123 label of at most 63 characters: lowercase letters, digits and "-". */
export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && DNS1123_LABEL.test(name);
}

/** An RFC 1035 label of at most 63 characters: as RFC 1123, starting with a letter (Service names). */
export function isDns1035Label(name: string): boolean {
  return name.length <= 63 && DNS1035_LABEL.test(name);
}

/** An RFC 1123 subdomain of at most 253 characters: labels joined by ".". */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && DNS1123_SUBDOMAIN.test(name);
}
