import { deployedAdmissionPolicies, withAdmissionGuards } from '../core/admission/admission-guards';
import { ManagedClusterModel } from '../core/aks/managed-cluster-model';
import { felixAdmissionPolicy } from '../core/encryption/felix-admission-policy';
import { hostNetworkAdmissionPolicy } from '../core/encryption/host-network-admission-policy';
import { egressPathOfCluster } from '../core/aks/egress-path';
import { describeDefinition } from '../core/aks/definition-description';
import { transitEncryptionOfCluster } from '../core/encryption/pod-traffic-encryption';
import { renderSecurityBaseline } from '../core/aks/security-baseline';
import { describedRuleOutcomes } from '../core/aks/definition-rule-outcomes';
import { calicoWireGuardDeployment } from '../core/encryption/calico-felix-configuration';
import { CrossClusterCoverage, deriveEncryptionCoverage, FlowCoverage, renderEncryptionCoverage } from '../core/encryption/encryption-coverage';
import { evaluateAksBuiltInPolicies, renderAksBuiltInPolicies } from '../core/policy/aks-built-in-policies';
import { Rules } from '../core/validation/rule-catalog';
import { Violation } from '../core/validation/violation';
import { ArmTemplate } from '../core/arm/arm-template';
import { describeDeployment } from '../core/description/cluster-description';
import { readDocument } from '../core/readers/read-document';
import { apiServerReachability, ReachabilityStatement, renderReachability } from '../core/reachability/api-server-reachability';
import { AuditedDocuments } from '../core/evidence/document-evidence';
import { PinnedComponentVersion } from '../core/versions/pinned-support';

/**
 * The review reports of one cluster, derived from what its deployment contains.
 * @category Reports
 */
export interface ClusterReports {
  /** `encryption-coverage*.md`. */
  readonly coverage: string;
  /** `security-baseline*.md`. */
  readonly baseline: string;
  /** `api-server-reachability*.md`: every path to the API server, and whether the internet reaches it. */
  readonly reachability: string;
  /** Findings about what is deployed (not about the definition). */
  readonly warnings: readonly Violation[];
  /** The coverage of each flow the reports state (the evidence pack states the same). */
  readonly flows: readonly FlowCoverage[];
}

/**
 * The template that deploys a cluster, as synth writes it.
 * @category Reports
 */
export interface DeployedTemplate {
  /** The template. */
  readonly template: ArmTemplate;
  /** The file it is written to, e.g. `clusters/payments.template.json`. */
  readonly file: string;
}

/**
 * The templates of a deployment as synth read and audited them once, for its
 * reports and its evidence alike, and the file of the one that deploys this cluster.
 * @category Reports
 */
export interface AuditedTemplate {
  /** The file the cluster's template is written to, e.g. `clusters/payments.template.json`. */
  readonly file: string;
  /** The deployment's templates, read and audited. */
  readonly audited: AuditedDocuments;
}

/**
 * The encryption coverage, security baseline and API server reachability of
 * one cluster, from its payload and the Kubernetes objects the same
 * deployment applies to it. The reachability is read from the template that
 * deploys the cluster, as the audit reads any template: its peerings and zone
 * links are the ones written there.
 * @category Reports
 */
export function clusterReports(
  model: ManagedClusterModel,
  kubernetesObjects: readonly unknown[],
  crossCluster?: CrossClusterCoverage,
  deployed?: DeployedTemplate | AuditedTemplate,
  /** What the deployment installs besides the cluster, for the support windows of the baseline report. */
  installed: readonly PinnedComponentVersion[] = [],
): ClusterReports {
  const c = model.config;
  // A statement an admission policy keeps true after day 0 says so, when the deployment applies that policy as written.
  const guards = deployedAdmissionPolicies(
    [
      hostNetworkAdmissionPolicy(c.transitEncryption),
      c.transitEncryption.kind === 'calicoWireGuard' ? felixAdmissionPolicy(c.transitEncryption) : undefined,
      ...(crossCluster?.admissionPolicies ?? []),
    ],
    kubernetesObjects,
  );
  // The rules and the reports read the one description of what the model deploys: its egress path, and what encrypts pod traffic.
  const described = describeDefinition(c, {}, kubernetesObjects);
  const deployedEncryption = transitEncryptionOfCluster(described);
  const coverage = withAdmissionGuards(deriveEncryptionCoverage(c, kubernetesObjects, crossCluster, deployedEncryption), guards);
  const warnings: Violation[] = [];
  if (c.transitEncryption.kind === 'calicoWireGuard') {
    const deployed = calicoWireGuardDeployment(c.transitEncryption, kubernetesObjects);
    if (!deployed.on) {
      warnings.push({
        rule: Rules.calicoFelixNotDeployed,
        property: 'transitEncryption',
        value: 'calicoWireGuard',
        fix: 'add a CalicoWireGuardConfiguration to one of the cluster\'s charts (hardenedClusterTarget(cluster, { charts })) and deploy that chart with the cluster',
        detail: deployed.why,
      });
    }
  }
  const outcomes = describedRuleOutcomes(model, described);
  return {
    coverage: renderEncryptionCoverage(c.name, c.transitEncryption, coverage, egressPathOfCluster(described), deployedEncryption),
    baseline: renderSecurityBaseline(model, outcomes, renderAksBuiltInPolicies(evaluateAksBuiltInPolicies(model.toArmTemplate())), installed),
    reachability: renderReachabilityReport(c.name, deployed ?? { template: model.toArmTemplate(), file: 'cluster.template.json' }),
    warnings,
    flows: coverage,
  };
}

/**
 * `api-server-reachability.md`: the statement of the cluster named `name` in the template, as a document of its own:
 * the one its audit made, when the templates were audited for the evidence.
 */
function renderReachabilityReport(name: string, deployed: DeployedTemplate | AuditedTemplate): string {
  const statement = 'audited' in deployed ? deployed.audited.clusters.find((c) => c.description.name === name)?.audit.reachability : statementOf(name, deployed);
  if (!statement) throw new Error(`the cluster ${name} is not in ${deployed.file}`);
  const section = renderReachability(statement, { headingLevel: 1 });
  const [heading, ...rest] = section.split('\n');
  return [heading, '', `<!-- Generated by secure-aks from ${deployed.file}. Do not edit. -->`, ...rest].join('\n');
}

/** The statement of the cluster named `name`, read from a template not audited otherwise. */
function statementOf(name: string, deployed: DeployedTemplate): ReachabilityStatement | undefined {
  const reading = readDocument(JSON.parse(JSON.stringify(deployed.template)), deployed.file);
  const cluster = describeDeployment([reading]).clusters.find((d) => d.name === name);
  return cluster ? apiServerReachability(cluster) : undefined;
}
