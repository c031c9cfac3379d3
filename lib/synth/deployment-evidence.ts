import { AcknowledgedViolation } from '../core/validation/acknowledgement';
import { FlowCoverage } from '../core/encryption/encryption-coverage';
import { TransitEncryption } from '../core/encryption/transit-encryption';
import { CrossClusterLink } from '../core/mesh/cross-cluster-link';
import { EstateEvidenceInput, LinkEvidenceInput } from '../core/evidence/assemble-evidence';
import { AuditedDocuments, auditDocuments, evidenceOfAudits } from '../core/evidence/document-evidence';
import { EvidencePack } from '../core/evidence/evidence-pack';
import { renderEvidenceHtml } from '../core/evidence/evidence-html';
import { renderOscalAssessmentResults } from '../core/evidence/oscal-assessment-results';
import { todayInUtc } from '../core/versions/evaluation-date';
import { toolVersion } from './tool-version';

/**
 * Where a synthesized deployment's evidence is written, relative to its output folder.
 * @category Synthesis
 */
export const EVIDENCE_FILES = {
  oscal: 'evidence/assessment-results.oscal.json',
  html: 'evidence/report.html',
} as const;

/**
 * What a synth target knows of one of its clusters beyond the template.
 * @category Synthesis
 */
export interface SynthesizedClusterFacts {
  readonly name: string;
  /** The coverage with the Kubernetes objects and links deployed with it. */
  readonly coverage: readonly FlowCoverage[];
  readonly acknowledged: readonly AcknowledgedViolation[];
  /** The transit encryption the definition chose (Calico's WireGuard is deployed in the cluster, not in the template). */
  readonly transitEncryption?: TransitEncryption['kind'];
}

/**
 * What the evidence of a synthesized deployment is built from.
 * @category Synthesis
 */
export interface SynthesizedDeployment {
  readonly title: string;
  /** The templates the target writes, by file name: the evidence cites them. */
  readonly templates: Readonly<Record<string, string>>;
  readonly clusters: readonly SynthesizedClusterFacts[];
  /** @default - none */
  readonly links?: readonly LinkEvidenceInput[];
  /** @default - not an estate */
  readonly estate?: EstateEvidenceInput;
  /**
   * The day the verdicts hold for, `YYYY-MM-DD` (UTC): the evaluation date (SAKS-VER-003).
   * @default - today in UTC
   */
  readonly evaluationDate?: string;
  /**
   * The templates as {@link auditTemplates} read and audited them for the deployment's reports, on the same evaluation date:
   * the evidence states the outcomes the reports state.
   * @default - the templates are read and audited here
   */
  readonly audited?: AuditedDocuments;
}

/**
 * A synthesized deployment's templates read and audited once, on the evaluation date (default: today in UTC):
 * its reports and its evidence are written from the same descriptions and rule outcomes.
 * @category Synthesis
 */
export function auditTemplates(templates: Readonly<Record<string, string>>, evaluationDate?: string): AuditedDocuments {
  return auditDocuments(Object.entries(templates).map(([name, text]) => ({ name, text })), evaluationDate ?? todayInUtc());
}

/**
 * The evidence pack of a synthesized deployment: its templates audited as written, with what its definition adds.
 * @category Synthesis
 */
export function synthesizedEvidence(d: SynthesizedDeployment): EvidencePack {
  const facts = new Map(d.clusters.map((c) => [c.name, c]));
  const evaluatedAt = d.evaluationDate ?? todayInUtc();
  return evidenceOfAudits(
    d.audited ?? auditTemplates(d.templates, evaluatedAt),
    {
      title: d.title,
      evaluatedAt,
      toolVersion: toolVersion(),
      origin: 'synth',
      links: d.links,
      estate: d.estate,
      deploymentFacts: (name) => facts.get(name),
    },
  );
}

/**
 * `evidence/assessment-results.oscal.json` and `evidence/report.html` of a synthesized deployment.
 * @category Synthesis
 */
export function evidenceFiles(d: SynthesizedDeployment): Record<string, string> {
  const pack = synthesizedEvidence(d);
  return { [EVIDENCE_FILES.oscal]: renderOscalAssessmentResults(pack), [EVIDENCE_FILES.html]: renderEvidenceHtml(pack) };
}

/**
 * Options of {@link linkEvidenceFiles}.
 * @category Synthesis
 */
export interface LinkEvidenceOptions {
  /**
   * The names of the link's two clusters, as the report draws them.
   * @default - `client` and `server`
   */
  readonly client?: string;
  /** @default 'server' */
  readonly server?: string;
  /**
   * The day the verdicts hold for, `YYYY-MM-DD` (UTC): the evaluation date (SAKS-VER-003).
   * @default - today in UTC
   */
  readonly evaluationDate?: string;
}

/**
 * The evidence of a cross-cluster link synthesized on its own (its two
 * clusters deployed elsewhere): its segments, its warnings and the reasons
 * of its acknowledgements.
 * @category Synthesis
 */
export function linkEvidenceFiles(link: CrossClusterLink, options: LinkEvidenceOptions = {}): Record<string, string> {
  return evidenceFiles({
    title: `link ${link.name}`,
    templates: {},
    clusters: [],
    links: [{ link, client: options.client ?? 'client', server: options.server ?? 'server' }],
    evaluationDate: options.evaluationDate,
  });
}
