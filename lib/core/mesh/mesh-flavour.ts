import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, text } from '../validation/input-boundary';
import { AKS_ISTIO_EGRESS_NAMESPACE } from '../aks/aks-limits';

const REVISION_OPTIONS = lazySchema(() => zod.strictObject({ revision: text().optional() }));
const ADDON_OPTIONS = lazySchema(() => zod.strictObject({ revision: text(), egressGatewayName: text().optional(), egressGatewayNamespace: text().optional() }));

/**
 * A shared (preinstalled) gateway of a mesh: where it runs and how it is selected.
 * @category Cross-cluster mTLS
 */
export interface SharedGateway {
  /** Namespace of the gateway workload (where its credential secrets must be). */
  readonly namespace: string;
  /** Pod labels a Gateway `selector` uses. */
  readonly selector: Readonly<Record<string, string>>;
  /** Name of the gateway's Kubernetes Service. */
  readonly serviceName: string;
}

/**
 * The Istio distribution of a cluster: its root namespace, how gateways are
 * injected, and its preinstalled gateways.
 * @example
 * MeshFlavour.openSourceIstio(); // the default
 * MeshFlavour.aksIstioAddon({ revision: 'asm-1-30' });
 * @category Cross-cluster mTLS
 */
export class MeshFlavour {
  /**
   * Open-source Istio (istioctl or Helm): root namespace `istio-system`,
   * gateways `istio-ingressgateway` / `istio-egressgateway` selected by `istio: ingressgateway|egressgateway`.
   * @param options.revision the control plane revision, when installed with one
   */
  public static openSourceIstio(options: { readonly revision?: string } = {}): MeshFlavour {
    return fromOptions(REVISION_OPTIONS, options, (o) =>
      new MeshFlavour(
        'openSourceIstio',
        'istio-system',
        o.revision ? { 'istio.io/rev': o.revision } : { 'sidecar.istio.io/inject': 'true' },
        { namespace: 'istio-system', selector: { istio: 'ingressgateway' }, serviceName: 'istio-ingressgateway' },
        { namespace: 'istio-system', selector: { istio: 'egressgateway' }, serviceName: 'istio-egressgateway' },
      ),
    );
  }

  /**
   * The AKS Istio add-on (`azure-service-mesh`): root namespace
   * `aks-istio-system`, internal ingress gateway `aks-istio-ingressgateway-internal`
   * in `aks-istio-ingress`, egress gateways in `aks-istio-egress` by default.
   * Injection uses the revision label (`istio.io/rev: asm-1-xx`).
   * @see https://learn.microsoft.com/azure/aks/istio-deploy-ingress
   * @see https://learn.microsoft.com/azure/aks/istio-deploy-egress
   */
  public static aksIstioAddon(options: {
    /** The add-on revision, e.g. `asm-1-26`. */
    readonly revision: string;
    /** @default 'aks-istio-egressgateway' */
    readonly egressGatewayName?: string;
    /** @default 'aks-istio-egress' */
    readonly egressGatewayNamespace?: string;
  }): MeshFlavour {
    return fromOptions(ADDON_OPTIONS, options, (o) => {
      const egressName = o.egressGatewayName ?? 'aks-istio-egressgateway';
      return new MeshFlavour(
        'aksIstioAddon',
        'aks-istio-system',
        { 'istio.io/rev': o.revision },
        {
          namespace: 'aks-istio-ingress',
          selector: { istio: 'aks-istio-ingressgateway-internal' },
          serviceName: 'aks-istio-ingressgateway-internal',
        },
        { namespace: o.egressGatewayNamespace ?? AKS_ISTIO_EGRESS_NAMESPACE, selector: { istio: egressName }, serviceName: egressName },
        o.revision,
      );
    });
  }

  /**
   * Anthos Service Mesh / Cloud Service Mesh: root namespace `istio-system`,
   * gateways deployed by the user through gateway injection (`asm-ingress`,
   * `asm-egress` in Google's samples), injection by revision label.
   * @see https://cloud.google.com/service-mesh/docs/gateways
   */
  public static cloudServiceMesh(options: { readonly revision?: string } = {}): MeshFlavour {
    return fromOptions(REVISION_OPTIONS, options, (o) =>
      new MeshFlavour(
        'cloudServiceMesh',
        'istio-system',
        o.revision ? { 'istio.io/rev': o.revision } : { 'istio-injection': 'enabled' },
        { namespace: 'asm-ingress', selector: { asm: 'ingressgateway' }, serviceName: 'asm-ingressgateway' },
        { namespace: 'asm-egress', selector: { asm: 'egressgateway' }, serviceName: 'asm-egressgateway' },
      ),
    );
  }

  private constructor(
    /** Which distribution. */
    public readonly kind: 'openSourceIstio' | 'aksIstioAddon' | 'cloudServiceMesh',
    /** The mesh root namespace: DestinationRules here apply to every namespace. */
    public readonly rootNamespace: string,
    /** Labels that make istiod inject a proxy into a pod (gateway injection included). */
    public readonly injectionLabels: Readonly<Record<string, string>>,
    /** The preinstalled ingress gateway. */
    public readonly ingressGateway: SharedGateway,
    /** The preinstalled egress gateway. */
    public readonly egressGateway: SharedGateway,
    /** The control plane revision, where the flavour has one. */
    public readonly revision?: string,
  ) {}
}
