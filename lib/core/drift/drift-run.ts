import { ClusterDescription, describeDeployment } from '../description/cluster-description';
import { DocumentReading } from '../description/described-resource';
import { ApprovedCluster, matchCluster } from './cluster-matching';
import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { ClusterDrift, compareCluster } from './cluster-drift';
import { KubernetesDriftResult } from './kubernetes-drift';

/**
 * One live Kubernetes List (`kubectl get ... -o json`) compared with the approved manifests it matches.
 * @internal
 */
export interface KubernetesListDrift {
  /** The live document. */
  readonly live: string;
  /** The approved manifests it was compared with. */
  readonly manifests: readonly string[];
  readonly result: KubernetesDriftResult;
}

/**
 * A live cluster that several approved clusters match equally well: not compared.
 * @internal
 */
export interface AmbiguousCluster {
  readonly live: ClusterDescription;
  readonly how: string;
}

/**
 * Everything `secure-aks audit --approved` finds.
 * @internal
 */
export interface DriftRun {
  /** Each live cluster matched with its approved template, and how it differs. */
  readonly clusters: readonly ClusterDrift[];
  /** Live clusters no approved template describes. */
  readonly unmanaged: readonly ClusterDescription[];
  readonly ambiguous: readonly AmbiguousCluster[];
  /** Approved clusters no live cluster matched (not in the live input, or deleted). */
  readonly notFound: readonly ApprovedCluster[];
  /** Each live Kubernetes List compared with the approved manifests. */
  readonly kubernetes?: readonly KubernetesListDrift[];
  /** Unusable input: live documents or approved templates that cannot be read. */
  readonly problems: readonly string[];
  /** The day the rules the live values break were judged on (`YYYY-MM-DD`, UTC), when given. */
  readonly evaluationDate?: string;
}

/**
 * The approved clusters of approved templates, each template read as one deployment.
 * @internal
 */
export function approvedClusters(templates: ReadonlyArray<{ readonly name: string; readonly reading: DocumentReading }>): ApprovedCluster[] {
  return templates.flatMap((t) => describeDeployment([t.reading]).clusters.map((description) => ({ description, template: t.name })));
}

/**
 * Compares live clusters (a GET, `az aks show`, `az aks list`, a Resource
 * Graph export) with the approved templates: each live cluster with the one
 * approved cluster that describes it, every other live cluster unmanaged.
 * @internal
 */
export function compareWithApproved(live: readonly ClusterDescription[], approved: readonly ApprovedCluster[], problems: readonly string[] = [], options: RuleEvaluationOptions = {}): DriftRun {
  const clusters: ClusterDrift[] = [];
  const unmanaged: ClusterDescription[] = [];
  const ambiguous: AmbiguousCluster[] = [];
  const matched = new Set<ApprovedCluster>();
  for (const cluster of live) {
    const match = matchCluster(cluster, approved);
    if (match.state === 'unmanaged') unmanaged.push(cluster);
    else if (match.state === 'ambiguous') ambiguous.push({ live: cluster, how: match.how });
    else {
      matched.add(match.approved);
      clusters.push(compareCluster(cluster, match.approved, match.how, options));
    }
  }
  return { clusters, unmanaged, ambiguous, notFound: approved.filter((a) => !matched.has(a)), problems, ...(options.evaluationDate !== undefined ? { evaluationDate: options.evaluationDate } : {}) };
}
