import { auditCluster, ClusterAudit } from '../audit/audit-cluster';
import { descriptionForm } from '../audit/audited-resource';
import { ClusterDescription, describeDeployment } from '../description/cluster-description';
import { FlowCoverage } from '../encryption/encryption-coverage';
import { TransitEncryption } from '../encryption/transit-encryption';
import { parseJsonDocument } from '../readers/document-text';
import { readDocument } from '../readers/read-document';
import { AcknowledgedViolation } from '../validation/acknowledgement';
import { assembleEvidence, EvidenceInput } from './assemble-evidence';
import { clusterEvidence } from './cluster-evidence';
import { EvidencePack } from './evidence-pack';
import { PointerLines } from '../readers/pointer-lines';

/**
 * A JSON document of a deployment, by the name its findings cite (a synthesized template: `cluster.template.json`).
 * @internal
 */
export interface EvidenceDocument {
  readonly name: string;
  readonly text: string;
}

/**
 * What the deployment knows of a cluster beyond its payload.
 * @internal
 */
export interface ClusterDeploymentFacts {
  /** The coverage with the Kubernetes objects and links deployed with it. */
  readonly coverage?: readonly FlowCoverage[];
  /** The warnings its definition acknowledges. */
  readonly acknowledged?: readonly AcknowledgedViolation[];
  /** The transit encryption the deployment applies (Calico's WireGuard is deployed in the cluster). */
  readonly transitEncryption?: TransitEncryption['kind'];
}

/**
 * Options of {@link evidenceOfDocuments}: the pack's input without its clusters, and what the deployment adds to each.
 * @internal
 */
export interface DocumentEvidenceOptions extends Omit<EvidenceInput, 'clusters'> {
  /**
   * What the deployment knows of the cluster of this name beyond its payload.
   * @default - nothing: the payload's coverage, no acknowledgement
   */
  readonly deploymentFacts?: (clusterName: string) => ClusterDeploymentFacts | undefined;
}

/**
 * The documents of a deployment read once, as `secure-aks audit` reads files
 * given together: each cluster's description and its audit (every rule's
 * outcome, the baseline, the coverage, the reachability statement), judged on
 * one evaluation date. The reports and the evidence of a synthesis are both
 * written from it.
 * @category Evidence
 */
export interface AuditedDocuments {
  /**
   * Each cluster's description and audit: what the reports and the evidence are written from.
   * @internal
   */
  readonly clusters: ReadonlyArray<{ readonly description: ClusterDescription; readonly audit: ClusterAudit }>;
  /** The 1-based line of a JSON pointer in a document. */
  readonly lineOf: (document: string, pointer: string) => number | undefined;
  /** What the readers saw but did not examine. */
  readonly notExamined: readonly string[];
}

/**
 * Reads and audits the documents once: every cluster described, every rule
 * judged on `evaluationDate` (the support windows among them).
 * @internal
 */
export function auditDocuments(documents: readonly EvidenceDocument[], evaluationDate: string): AuditedDocuments {
  const lines = new Map(documents.map((d) => [d.name, new PointerLines(d.text)]));
  const readings = documents.map((d) => {
    const parsed = parseJsonDocument(d.text, d.name);
    if ('problems' in parsed) throw new SyntaxError(`${d.name}: not JSON (${parsed.problems.map((p) => p.message).join('; ')})`);
    return readDocument(parsed.value, d.name);
  });
  const deployment = describeDeployment(readings);
  const formOf = new Map(readings.flatMap((r) => r.resources.map((x) => [x, r.form] as const)));
  return {
    clusters: deployment.clusters.map((description) => ({
      description,
      audit: auditCluster(description, descriptionForm(formOf.get(description.resource) ?? 'azure-json', description.resource.origin.pointer), { evaluationDate }),
    })),
    lineOf: (document, pointer) => lines.get(document)?.lineOf(pointer),
    notExamined: deployment.notExamined.map((n) => `${n.at.document}#${n.at.pointer}: ${n.what}: ${n.reason}`),
  };
}

/**
 * The evidence of the deployment the documents hold (read together, as
 * `secure-aks audit` reads files given together): every cluster audited,
 * each fact located at its document, pointer and line. Synthesis gives it the
 * templates it writes, so the evidence cites the files it ships beside.
 * @internal
 */
export function evidenceOfDocuments(documents: readonly EvidenceDocument[], options: DocumentEvidenceOptions): EvidencePack {
  return evidenceOfAudits(auditDocuments(documents, options.evaluatedAt), options);
}

/**
 * The evidence of documents already read and audited ({@link auditDocuments}), with what the deployment adds to each cluster.
 * @internal
 */
export function evidenceOfAudits(audited: AuditedDocuments, options: DocumentEvidenceOptions): EvidencePack {
  const clusters = audited.clusters.map(({ description, audit }) => {
    const extra = options.deploymentFacts?.(audit.cluster.cluster.name);
    return clusterEvidence({
      description,
      audit,
      coverage: extra?.coverage,
      acknowledged: extra?.acknowledged,
      transitEncryption: extra?.transitEncryption,
      clausesOf: options.clausesOf,
      lineOf: audited.lineOf,
    });
  });
  return assembleEvidence({ ...options, clusters, notExamined: [...(options.notExamined ?? []), ...audited.notExamined] });
}
