/**
 * An object's kind as kubectl names its resource: the lowercase plural, with
 * the API group for a kind outside the core group (`destinationrules.networking.istio.io`,
 * `deployments.apps`, `services`), which no other group's kind of the same name shadows.
 * @see https://kubernetes.io/docs/reference/kubectl/#resource-types
 * @internal
 */
export function kubectlResource(apiVersion: string, kind: string): string {
  const lower = kind.toLowerCase();
  const plural = /[^aeiou]y$/.test(lower) ? `${lower.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(lower) ? `${lower}es` : `${lower}s`;
  const slash = apiVersion.lastIndexOf('/');
  return slash > 0 ? `${plural}.${apiVersion.slice(0, slash)}` : plural;
}
