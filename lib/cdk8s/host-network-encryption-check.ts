import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { zod, lazySchema } from '../core/validation/lazy-zod';
import { assertInput, textList } from '../core/validation/input-boundary';
import { findUnencryptedHostNetworkWorkloads } from '../core/encryption/host-network-check';
import { TRANSIT_ENCRYPTION_RESULT, TransitEncryption } from '../core/encryption/transit-encryption';
import { Rules } from '../core/validation/rule-catalog';
import { DeploymentCheck } from './deployment-check';

const PROPS = lazySchema(() => zod.strictObject({
  transitEncryption: TRANSIT_ENCRYPTION_RESULT,
  acknowledged: textList().optional(),
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
}

/**
 * Fails `cdk8s synth` when a workload in the same scope sets
 * `hostNetwork: true` while the cluster relies on a transit encryption that
 * leaves host-network traffic unencrypted (ACNS WireGuard does).
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
    DeploymentCheck.of(this).addCheck(() =>
      HostNetworkEncryptionCheck.findingsFor(scope, props.transitEncryption, props.acknowledged ?? []).map((f) => ({
        rule: Rules.hostNetworkUnencrypted,
        property: `${scope.node.path}: ${f.object}`,
        value: 'hostNetwork: true',
        fix: 'remove hostNetwork, encrypt this traffic in the application (mTLS), or list the object in `acknowledged` after review',
        detail: f.message,
      })),
    );
  }
}
