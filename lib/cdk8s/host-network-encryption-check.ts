import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { zod, lazySchema } from '../core/validation/lazy-zod';
import { assertInput, textList } from '../core/validation/input-boundary';
import { findUnencryptedHostNetworkWorkloads, HOST_NETWORK_NAMESPACES } from '../core/encryption/host-network-check';
import { TRANSIT_ENCRYPTION_RESULT, TransitEncryption } from '../core/encryption/transit-encryption';
import { Rules } from '../core/validation/rule-catalog';
import { hostNetworkAdmissionPolicy } from '../core/encryption/host-network-admission-policy';
import { AdmissionPolicyObjects } from './admission-policy-objects';
import { DeploymentCheck } from './deployment-check';

const PROPS = lazySchema(() => zod.strictObject({
  transitEncryption: TRANSIT_ENCRYPTION_RESULT,
  acknowledged: textList().optional(),
  admissionPolicy: zod.boolean().optional(),
}));

/**
 * Props of {@link HostNetworkEncryptionCheck}.
 * @category Transit encryption
 */
export interface HostNetworkEncryptionCheckProps {
  /** The transit encryption of the cluster the chart is applied to. */
  readonly transitEncryption: TransitEncryption;
  /**
   * Objects (`kind/namespace/name`) accepted as unencrypted, after review.
   * @default []
   */
  readonly acknowledged?: readonly string[];
  /**
   * Whether to add the ValidatingAdmissionPolicy that denies, in the cluster,
   * workloads with `hostNetwork: true` outside the namespaces documented to
   * need it (`HOST_NETWORK_NAMESPACES`). Turn it off only when the cluster runs
   * workloads you acknowledged: the policy cannot tell them apart.
   * @default true (when the transit encryption leaves hostNetwork traffic unencrypted)
   * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
   */
  readonly admissionPolicy?: boolean;
}

/**
 * Fails `cdk8s synth` when a workload in the same scope sets
 * `hostNetwork: true` while the cluster relies on a transit encryption that
 * leaves host-network traffic unencrypted (ACNS WireGuard does), and adds
 * the ValidatingAdmissionPolicy that denies such workloads in the cluster
 * after day 0, outside the namespaces documented to need hostNetwork.
 * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
 * @category Transit encryption
 */
export class HostNetworkEncryptionCheck extends Construct {
  /** The findings for every ApiObject under `scope`, as plain data. */
  public static findingsFor(scope: IConstruct, transitEncryption: TransitEncryption, acknowledged: readonly string[] = []) {
    const objects = scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson());
    return findUnencryptedHostNetworkWorkloads(objects, transitEncryption).filter((f) => !acknowledged.includes(f.object));
  }

  constructor(scope: Construct, id: string, props: HostNetworkEncryptionCheckProps) {
    assertInput(PROPS, props, `HostNetworkEncryptionCheck "${id}"`);
    super(scope, id);
    const policy = props.admissionPolicy === false ? undefined : hostNetworkAdmissionPolicy(props.transitEncryption);
    if (policy) new AdmissionPolicyObjects(this, 'admission-policy', policy);
    DeploymentCheck.of(this).addCheck(() =>
      HostNetworkEncryptionCheck.findingsFor(scope, props.transitEncryption, props.acknowledged ?? []).map((f) => ({
        rule: Rules.hostNetworkUnencrypted,
        property: `${scope.node.path}: ${f.object}`,
        value: 'hostNetwork: true',
        fix: 'remove hostNetwork, encrypt this traffic in the application (mTLS), or list the object in `acknowledged` after review',
        detail: f.message,
      })),
    );
    if (policy) {
      // An acknowledged workload outside the spared namespaces would be admitted here and denied by the cluster.
      // `kind/namespace/name`; an object without a namespace lands in the request's namespace, never a spared one.
      const spared = HOST_NETWORK_NAMESPACES.map((n) => n.namespace);
      const denied = (props.acknowledged ?? []).filter((a) => {
        const parts = a.split('/');
        return !(parts.length === 3 && spared.includes(parts[1]));
      });
      DeploymentCheck.of(this).addCheck(() =>
        denied.map((object) => ({
          rule: Rules.hostNetworkUnencrypted,
          property: `${scope.node.path}: acknowledged ${object}`,
          value: 'hostNetwork: true',
          fix: `set admissionPolicy: false on this check (the cluster's ${policy.name} policy would deny the acknowledged workload), or remove hostNetwork`,
          detail: `${object} is acknowledged, but the admission policy ${policy.name} denies hostNetwork outside ${HOST_NETWORK_NAMESPACES.map((n) => n.namespace).join(', ')}`,
        })),
      );
    }
  }
}
