import { CLUSTER_SCOPED_METADATA, strictObjectSchema } from '../kubernetes/crd-schema';
import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { CALICO_CRD_SCHEMAS } from './calico-crd-schemas.generated';
import { Rules } from '../validation/rule-catalog';
import { SecureAksValidationError } from '../validation/validation-error';
import { TransitEncryption, WireGuardPorts } from './transit-encryption';

/**
 * Felix reads its global configuration from the FelixConfiguration named `default`.
 * @category Transit encryption
 */
export const FELIX_DEFAULT_CONFIGURATION = 'default';

/**
 * The FelixConfiguration that turns Calico WireGuard on.
 *
 * Only settings that take effect are written. On AKS with Azure CNI the
 * Tigera operator already forces `routeSource: WorkloadIPs` and
 * `wireguardHostEncryptionEnabled: true` through calico-node environment
 * variables, which take precedence over FelixConfiguration; writing them here
 * would be silently overridden (the Tigera operator's pkg/render/node.go,
 * https://github.com/tigera/operator).
 * Ports are written only when they differ from Felix's defaults.
 * @see https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic
 * @category Transit encryption
 */
export function calicoFelixConfiguration(encryption: TransitEncryption): KubernetesObject {
  if (!(encryption instanceof TransitEncryption) || encryption.kind !== 'calicoWireGuard') {
    throw new SecureAksValidationError('CalicoWireGuardConfiguration', [
      {
        rule: Rules.felixConfigurationForCalico,
        property: 'transitEncryption',
        value: encryption instanceof TransitEncryption ? encryption.kind : encryption,
        fix: 'pass the cluster\'s TransitEncryption.calicoWireGuard(), or remove the FelixConfiguration: this cluster does not run Calico WireGuard',
      },
    ]);
  }
  const c = encryption.calico!;
  const spec: Record<string, boolean | number> = { wireguardEnabled: true };
  if (c.mtu !== undefined) spec.wireguardMTU = c.mtu;
  if (c.listeningPort !== WireGuardPorts.calico) spec.wireguardListeningPort = c.listeningPort;
  if (c.ipv6) {
    spec.wireguardEnabledV6 = true;
    if (c.mtuV6 !== undefined) spec.wireguardMTUV6 = c.mtuV6;
    if (c.listeningPortV6 !== WireGuardPorts.calicoV6) spec.wireguardListeningPortV6 = c.listeningPortV6;
  }
  return {
    apiVersion: c.apiGroup,
    kind: 'FelixConfiguration',
    metadata: { name: FELIX_DEFAULT_CONFIGURATION },
    spec,
  };
}

/**
 * Calico's FelixConfiguration, strictly, from the CRD of the Calico release
 * the library is checked against (extracted by scripts/extract-crd-schemas.ts,
 * source and version in the generated module). Felix reads its global
 * configuration only from `default` (or per node, `node.<name>`).
 * @see https://docs.tigera.io/calico/latest/reference/resources/felixconfig
 * @internal
 */
export const FELIX_CONFIGURATION_SCHEMA = strictObjectSchema(
  'FelixConfiguration',
  CALICO_CRD_SCHEMAS.kinds.FelixConfiguration,
  { ...CLUSTER_SCOPED_METADATA, properties: { ...CLUSTER_SCOPED_METADATA.properties, name: { type: 'string', pattern: '^(default|node\\.[a-z0-9]([-a-z0-9.]*[a-z0-9])?)$' } } },
  // Where the Calico API server (or Calico's native v3 CRDs) serves the same resource.
  ['projectcalico.org/v3'],
);

/**
 * Whether Calico WireGuard is switched on by what a deployment contains, and if not, why.
 * @category Transit encryption
 */
export interface CalicoWireGuardDeployment {
  readonly on: boolean;
  /** Why it is off, for the report and the warning. */
  readonly why?: string;
}

/**
 * Finds the FelixConfiguration `default` among the Kubernetes objects a
 * deployment applies to the cluster. Calico WireGuard is on only when exactly
 * one is there with `wireguardEnabled: true` (and `wireguardEnabledV6: true`
 * when IPv6 is asked for): Felix reads no other name.
 * @see https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic
 * @category Transit encryption
 */
export function calicoWireGuardDeployment(encryption: TransitEncryption, objects: readonly unknown[]): CalicoWireGuardDeployment {
  const deployed = deployedFelixWireGuard(objects);
  if (!deployed.on) return deployed;
  const spec = (deployed.felix.spec ?? {}) as Record<string, unknown>;
  if (encryption.calico?.ipv6 && spec.wireguardEnabledV6 !== true) {
    return { on: false, why: `IPv6 encryption is asked for, but the deployed FelixConfiguration "${FELIX_DEFAULT_CONFIGURATION}" does not set wireguardEnabledV6: true` };
  }
  return { on: true };
}

/**
 * Whether the Kubernetes objects of a deployment turn Calico's WireGuard on
 * for IPv4, whatever the definition asked: one FelixConfiguration "default"
 * with `wireguardEnabled: true`.
 * @internal
 */
export function deployedFelixWireGuard(objects: readonly unknown[]): { on: true; felix: KubernetesObject } | { on: false; why: string } {
  const felix = objects.filter((o): o is KubernetesObject => {
    const k = o as Partial<KubernetesObject> | null;
    return (
      !!k &&
      k.kind === 'FelixConfiguration' &&
      (k.apiVersion === 'crd.projectcalico.org/v1' || k.apiVersion === 'projectcalico.org/v3') &&
      k.metadata?.name === FELIX_DEFAULT_CONFIGURATION
    );
  });
  if (felix.length === 0) return { on: false, why: `no FelixConfiguration "${FELIX_DEFAULT_CONFIGURATION}" is part of this deployment, so Felix never turns WireGuard on` };
  if (felix.length > 1) return { on: false, why: `${felix.length} FelixConfiguration "${FELIX_DEFAULT_CONFIGURATION}" objects are in this deployment; they overwrite each other` };
  const spec = (felix[0].spec ?? {}) as Record<string, unknown>;
  if (spec.wireguardEnabled !== true) return { on: false, why: `the deployed FelixConfiguration "${FELIX_DEFAULT_CONFIGURATION}" does not set wireguardEnabled: true` };
  return { on: true, felix: felix[0] };
}
