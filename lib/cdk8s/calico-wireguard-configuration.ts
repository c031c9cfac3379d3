import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { zod } from '../core/validation/lazy-zod';
import { assertInput } from '../core/validation/input-boundary';
import { calicoFelixConfiguration } from '../core/encryption/calico-felix-configuration';
import { TransitEncryption } from '../core/encryption/transit-encryption';
import { StrictSchemaValidator } from '../core/kubernetes/schema-validator';
import { Rules } from '../core/validation/rule-catalog';
import { felixAdmissionPolicy } from '../core/encryption/felix-admission-policy';
import { AdmissionPolicyObjects } from './admission-policy-objects';
import { DeploymentCheck } from './deployment-check';

/**
 * Props of {@link CalicoWireGuardConfiguration}.
 * @category Transit encryption
 */
export interface CalicoWireGuardConfigurationProps {
  /** The cluster's transit encryption: must be `TransitEncryption.calicoWireGuard(...)`. */
  readonly transitEncryption: TransitEncryption;
}


/**
 * The FelixConfiguration `default` that turns Calico WireGuard on. Its name
 * is fixed: Felix reads its global configuration only from `default`.
 *
 * The synthesized object (after any JSON patch) is validated strictly
 * against Calico's FelixConfiguration CRD schema at synth. Beside it, a
 * ValidatingAdmissionPolicy denies any later change that turns WireGuard off
 * (SAKS-ENC-016), so the coverage report stays true after day 0.
 * @see https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic
 * @category Transit encryption
 */
export class CalicoWireGuardConfiguration extends Construct {
  /** The FelixConfiguration object. */
  public readonly apiObject: ApiObject;
  /** The admission policy that keeps WireGuard on, and its binding. */
  public readonly admissionPolicy: AdmissionPolicyObjects;

  constructor(scope: Construct, id: string, props: CalicoWireGuardConfigurationProps) {
    // The transit encryption itself is checked where the FelixConfiguration is derived (SAKS-ENC-018).
    assertInput(zod.strictObject({ transitEncryption: zod.unknown() }), props, `CalicoWireGuardConfiguration "${id}"`);
    super(scope, id);
    const object = calicoFelixConfiguration(props.transitEncryption);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: { name: object.metadata.name },
      spec: Lazy.any({ produce: () => object.spec }),
    });
    this.admissionPolicy = new AdmissionPolicyObjects(this, 'admission-policy', felixAdmissionPolicy(props.transitEncryption));
    DeploymentCheck.of(this).addCheck(() =>
      StrictSchemaValidator.shipped().validate('calico/FelixConfiguration', this.apiObject.toJson()).map((f) => ({
        rule: Rules.kubernetesSchema,
        property: `${this.node.path}: FelixConfiguration/${object.metadata.name} ${f.path}`,
        value: f.path,
        fix: 'correct the field to match Calico\'s FelixConfiguration',
        detail: `FelixConfiguration/${object.metadata.name} ${f.path}: ${f.message}`,
      })),
    );
  }
}
