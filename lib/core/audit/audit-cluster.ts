import { ArmReference } from '../arm/arm-expression';
import { ArmResource } from '../arm/arm-resource';
import { deployedEgressPath, EgressPath } from '../aks/egress-path';
import { BaselineStatus, SECURITY_BASELINE } from '../aks/security-baseline';
import { FlowCoverage } from '../encryption/encryption-coverage';
import { AZURE_POLICY_AKS_DEFINITIONS } from '../policy/azure-policy-definitions.generated';
import { evaluateAzurePolicy, PolicyResult } from '../policy/evaluate-azure-policy';
import { Violation } from '../validation/violation';
import { AuditedCluster, AuditedResource } from './audited-resource';
import { checkClusterPayload, UndecidedRule } from './cluster-payload-rules';
import { deployedEncryptionCoverage, deployedTransitEncryption, DeployedTransitEncryption } from './payload-encryption-coverage';
import { RelatedResources } from './related-resources';

/** One control of the security baseline on an audited cluster. */
export interface AuditedControl {
  readonly id: string;
  readonly title: string;
  /** `not-verified` when the control needs a resource that was not read. */
  readonly status: BaselineStatus;
}

/** One Azure Policy built-in on an audited cluster. */
export interface AuditedPolicy {
  readonly result: PolicyResult;
  /** `not-verified` for an AuditIfNotExists definition when the related resources were not read. */
  readonly state: PolicyResult['state'] | 'not-verified';
}

/** Everything the audit says of one cluster. */
export interface ClusterAudit {
  readonly cluster: AuditedCluster;
  /** Broken rules, errors first. */
  readonly violations: readonly Violation[];
  /** Rules not decided: what they need was not read. */
  readonly undecided: readonly UndecidedRule[];
  readonly transitEncryption: DeployedTransitEncryption;
  readonly coverage: readonly FlowCoverage[];
  readonly egress: EgressPath;
  readonly baseline: readonly AuditedControl[];
  readonly policies: readonly AuditedPolicy[];
}

/**
 * Audits one cluster as Azure describes it: the rules its payload decides,
 * the encryption coverage, the egress path, the security baseline and Azure
 * Policy's built-in definitions for AKS. A template is a whole deployment: a
 * resource absent from it is absent. A live cluster read on its own is not:
 * what needs its separate resources is reported as not verified.
 */
export function auditCluster(c: AuditedCluster): ClusterAudit {
  const wholeDeployment = c.form === 'arm-template';
  const rules = checkClusterPayload(c.cluster, c.related, { wholeDeployment });
  const coverage = deployedEncryptionCoverage(c.cluster, c.related);
  const transitEncryption = deployedTransitEncryption(c.cluster, c.related);
  const cluster = asArmResource(c.cluster, c.cluster);
  const related = new RelatedResources([c.cluster, ...c.related]);
  const resources = [cluster, ...c.related.map((r) => asArmResource(r, c.cluster, related))];
  const egress = deployedEgressPath(cluster, resources);
  const baseline = SECURITY_BASELINE.map((check): AuditedControl => ({ id: check.id, title: check.title, status: check.evaluate({ cluster, resources, coverage, wholeDeployment }) }));
  const json = restJson(c.cluster);
  const policies = AZURE_POLICY_AKS_DEFINITIONS.map((d): AuditedPolicy => {
    const result = evaluateAzurePolicy(d, json, c.related.map(restJson));
    const needsRelated = /ifnotexists$/i.test(result.effect);
    return { result, state: needsRelated && !wholeDeployment && result.state === 'non-compliant' ? 'not-verified' : result.state };
  });
  const violations = [...rules.violations.errors, ...rules.violations.warnings, ...rules.violations.infos];
  return { cluster: c, violations, undecided: rules.undecided, transitEncryption, coverage, egress, baseline, policies };
}

/** The REST JSON of a resource, as Azure Policy evaluates it. */
function restJson(r: AuditedResource): Record<string, unknown> {
  return { id: r.id, name: r.name, type: r.type, location: r.location, sku: r.sku, identity: r.identity, tags: r.tags, properties: r.properties };
}

/**
 * A resource in the shape the baseline's controls read (the library's ARM
 * model), with an extension resource's scope on the cluster as a reference
 * to it.
 */
function asArmResource(r: AuditedResource, cluster: AuditedResource, related?: RelatedResources): ArmResource {
  const onCluster = related !== undefined && r.scope !== undefined && related.byId(r.scope) === cluster;
  return {
    logicalId: r === cluster ? 'cluster' : r.id ?? `${r.type}/${r.name}`,
    type: r.type,
    apiVersion: r.apiVersion ?? '',
    name: r.name.split('/'),
    location: r.location,
    sku: r.sku as ArmResource['sku'],
    scope: onCluster ? new ArmReference('cluster') : r.scope,
    properties: r.properties as ArmResource['properties'],
  };
}
