/**
 * A component whose support windows the library tracks.
 * @category Support windows
 */
export type SupportComponent =
  | 'aks-kubernetes'
  | 'aks-istio-addon'
  | 'istio'
  | 'cert-manager'
  | 'calico'
  | 'flux-extension'
  | 'arm-api-version';

/**
 * The release line a version belongs to, in the form the owner's support
 * policy speaks of, or undefined when the version is not of that component's
 * form (then nothing can be said of its support):
 * - Kubernetes, Istio, cert-manager and Calico support minor versions:
 *   `1.34.2` and `v1.21.1` are lines `1.34` and `1.21`;
 * - an add-on revision is its own line (`asm-1-30`);
 * - Microsoft supports `microsoft.flux` releases one by one (the newest and
 *   the two before it), so a release is its own line (`1.24.1`);
 * - an ARM API version is `<namespace>/<type>@<api-version>`, each its own line.
 * @category Support windows
 */
export function releaseLine(component: SupportComponent, version: string): string | undefined {
  switch (component) {
    case 'aks-kubernetes':
    case 'istio':
    case 'cert-manager':
    case 'calico': {
      const m = /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(version);
      return m ? `${m[1]}.${m[2]}` : undefined;
    }
    case 'aks-istio-addon':
      return /^asm-\d+-\d+$/.test(version) ? version : undefined;
    case 'flux-extension':
      return /^\d+\.\d+\.\d+$/.test(version) ? version : undefined;
    case 'arm-api-version':
      return /^[A-Za-z]+\.[A-Za-z.]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?$/.test(version) ? version : undefined;
  }
}
