import { zod, lazySchema } from '../validation/lazy-zod';
import { factoryResult, fromOptions, schemaOf } from '../validation/input-boundary';

/**
 * Options of ACNS WireGuard.
 * @category Transit encryption
 */
export interface AcnsWireGuardOptions {
  /**
   * Also turn on ACNS container network observability (flow logs and metrics).
   * @default false
   * @see https://learn.microsoft.com/azure/aks/advanced-container-networking-services-overview
   */
  readonly observability?: boolean;
}

/**
 * Where the FelixConfiguration is written.
 * @category Transit encryption
 */
export type CalicoApiGroup = 'crd.projectcalico.org/v1' | 'projectcalico.org/v3';

/**
 * Options of Calico WireGuard.
 * @category Transit encryption
 */
export interface CalicoWireGuardOptions {
  /**
   * MTU of the WireGuard interface. Felix detects it (host MTU minus the
   * WireGuard and AKS overheads) when unset.
   * @default - auto-detected by Felix
   */
  readonly mtu?: number;
  /**
   * Also encrypt IPv6 pod traffic (`wireguardEnabledV6`).
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * MTU of the IPv6 WireGuard interface.
   * @default - auto-detected by Felix
   */
  readonly mtuV6?: number;
  /**
   * UDP port of the IPv4 WireGuard interface.
   * @default 51820
   */
  readonly listeningPort?: number;
  /**
   * UDP port of the IPv6 WireGuard interface.
   * @default 51821
   */
  readonly listeningPortV6?: number;
  /**
   * API group of the emitted FelixConfiguration. AKS's Calico has no Calico
   * API server, so the `crd.projectcalico.org/v1` CRD is what
   * `kubectl patch felixconfiguration default` changes there. Choose
   * `projectcalico.org/v3` where the Calico API server (or Calico's native v3
   * CRDs, 3.32 and later) is installed.
   * @default 'crd.projectcalico.org/v1'
   */
  readonly apiGroup?: CalicoApiGroup;
}

const ACNS_OPTIONS = lazySchema(() => schemaOf<AcnsWireGuardOptions>()(zod.strictObject({ observability: zod.boolean().optional() })));
const CALICO_OPTIONS = lazySchema(() => schemaOf<CalicoWireGuardOptions>()(
  zod.strictObject({
    mtu: zod.number().optional(),
    ipv6: zod.boolean().optional(),
    mtuV6: zod.number().optional(),
    listeningPort: zod.number().optional(),
    listeningPortV6: zod.number().optional(),
    apiGroup: zod.enum(['crd.projectcalico.org/v1', 'projectcalico.org/v3']).optional(),
  }),
));

/**
 * Documented default WireGuard ports.
 * @category Transit encryption
 */
export const WireGuardPorts = {
  /** ACNS (Cilium) WireGuard: UDP 51871 between all nodes (https://learn.microsoft.com/azure/aks/how-to-apply-wireguard). */
  acns: 51871,
  /** Calico WireGuard, IPv4 (Felix `wireguardListeningPort`). */
  calico: 51820,
  /** Calico WireGuard, IPv6 (Felix `wireguardListeningPortV6`). */
  calicoV6: 51821,
} as const;

/**
 * How pod traffic between nodes is encrypted inside the cluster.
 * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
 * @example
 * TransitEncryption.acnsWireGuard(); // the default
 * TransitEncryption.calicoWireGuard({ mtu: 1340 });
 * TransitEncryption.virtualNetworkEncryption();
 * @category Transit encryption
 */
export class TransitEncryption {
  /**
   * WireGuard of Advanced Container Networking Services, on the Cilium
   * dataplane (`advancedNetworking.security.transitEncryption.type: WireGuard`).
   * The default. ACNS is a paid Azure service.
   */
  public static acnsWireGuard(options: AcnsWireGuardOptions = {}): TransitEncryption {
    return fromOptions(ACNS_OPTIONS, options, (o) => new TransitEncryption('acnsWireGuard', o.observability ?? false));
  }

  /**
   * Calico WireGuard on Azure CNI with Calico network policy, switched on by a
   * FelixConfiguration. Microsoft supports Calico on AKS for network policy only.
   */
  public static calicoWireGuard(options: CalicoWireGuardOptions = {}): TransitEncryption {
    return fromOptions(CALICO_OPTIONS, options, (o) =>
      new TransitEncryption('calicoWireGuard', false, {
        mtu: o.mtu,
        ipv6: o.ipv6 ?? false,
        mtuV6: o.mtuV6,
        listeningPort: o.listeningPort ?? WireGuardPorts.calico,
        listeningPortV6: o.listeningPortV6 ?? WireGuardPorts.calicoV6,
        apiGroup: o.apiGroup ?? 'crd.projectcalico.org/v1',
      }),
    );
  }

  /**
   * Azure virtual network encryption (`encryption.enabled`, enforcement
   * `AllowUnencrypted`) on the cluster's virtual network: VM to VM, in
   * hardware, on supported VM sizes with accelerated networking.
   */
  public static virtualNetworkEncryption(): TransitEncryption {
    return new TransitEncryption('virtualNetworkEncryption', false);
  }

  /** No transit encryption: an explicit opt-out, reported as a warning. */
  public static none(): TransitEncryption {
    return new TransitEncryption('none', false);
  }

  private constructor(
    /** Which mechanism. */
    public readonly kind: 'acnsWireGuard' | 'calicoWireGuard' | 'virtualNetworkEncryption' | 'none',
    /** ACNS: whether observability is on too. */
    public readonly observability: boolean,
    /** Calico: the Felix settings. */
    public readonly calico?: Required<Omit<CalicoWireGuardOptions, 'mtu' | 'mtuV6'>> & Pick<CalicoWireGuardOptions, 'mtu' | 'mtuV6'>,
  ) {}

  /** Whether the mechanism is WireGuard (software, not FIPS-validated). */
  public get isWireGuard(): boolean {
    return this.kind === 'acnsWireGuard' || this.kind === 'calicoWireGuard';
  }

  /** UDP ports the mechanism needs open between all nodes. */
  public get nodePorts(): readonly number[] {
    if (this.kind === 'acnsWireGuard') return [WireGuardPorts.acns];
    if (this.kind === 'calicoWireGuard') {
      return this.calico!.ipv6 ? [this.calico!.listeningPort, this.calico!.listeningPortV6] : [this.calico!.listeningPort];
    }
    return [];
  }
}

/** The schema of a property that holds a {@link TransitEncryption}. @internal */
export const TRANSIT_ENCRYPTION_RESULT = lazySchema(() => factoryResult(TransitEncryption, 'TransitEncryption.acnsWireGuard(), .calicoWireGuard(), .virtualNetworkEncryption() or .none()'));
