import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { AdmissionPolicySpec, admissionPolicyObjects } from '../core/admission/admission-policy';
import { StrictSchemaValidator } from '../core/kubernetes/schema-validator';
import { Rules } from '../core/validation/rule-catalog';
import { DeploymentCheck } from './deployment-check';
import { jsonOf, MemoizedApiObject } from './synth-pass-cache';

/**
 * The ValidatingAdmissionPolicy and its binding for a rule, in the chart of
 * the objects they guard, so that every delivery of the chart (`cdk8s synth`,
 * the GitOps tree, Pulumi's chart deployment) carries them. Both objects are
 * cluster-scoped: a chart's default namespace is not written on them. At
 * synth, both (JSON patches included) are validated strictly against the
 * Kubernetes OpenAPI of the oldest minor that serves them (SAKS-K8S-001).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 * @category Admission policies
 */
export class AdmissionPolicyObjects extends Construct {
  /** The policy and the binding, in that order. */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, spec: AdmissionPolicySpec) {
    super(scope, id);
    const namespaced = Chart.of(this).namespace !== undefined;
    this.apiObjects = admissionPolicyObjects(spec).map((o) => {
      const { apiVersion, kind, metadata, ...rest } = o;
      // Its JSON computed once per synthesis pass, for the checks and the output alike (as the link's objects).
      const object = new MemoizedApiObject(this, kind, { apiVersion, kind, metadata, ...rest });
      if (namespaced) object.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
      return object;
    });
    DeploymentCheck.of(this).addCheck(() =>
      this.apiObjects.flatMap((o) =>
        StrictSchemaValidator.shipped().validate(`kubernetes/${o.kind}`, jsonOf(o)).map((f) => ({
          rule: Rules.kubernetesSchema,
          property: `${this.node.path}: ${o.kind}/${o.name} ${f.path}`,
          value: f.path,
          fix: `correct the field to match the Kubernetes ${o.kind}`,
          detail: `${o.kind}/${o.name} ${f.path}: ${f.message}`,
        })),
      ),
    );
  }
}
