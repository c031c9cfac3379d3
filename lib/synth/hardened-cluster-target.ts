import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';
import { offlineApp } from '../cdk8s/offline-app';
import { inOneSynthesis } from '../cdk8s/synth-pass-cache';
import { HardenedClusterProps } from '../core/aks/hardened-cluster-props';
import { ManagedClusterModel } from '../core/aks/managed-cluster-model';
import { RuleEvaluationOptions } from '../core/rules/rule-evaluation-options';
import { todayInUtc } from '../core/versions/evaluation-date';
import { CrossClusterCoverage } from '../core/encryption/encryption-coverage';
import { ClusterReports, clusterReports } from './cluster-reports';
import { auditTemplates, evidenceFiles } from './deployment-evidence';
import { formatViolation } from '../core/validation/violation';
import { SynthTarget, toJsonFile } from './synth-target';
import { yamlText } from './yaml-text';

/**
 * Options of {@link hardenedClusterTarget}.
 * @category Synthesis targets
 */
export interface HardenedClusterTargetOptions {
  /**
   * Base name of the template file.
   * @default 'cluster'
   */
  readonly file?: string;
  /**
   * Adds the cluster's cdk8s charts to `app`; each chart is written as
   * `<chart id>.k8s.yaml`.
   * @default - no Kubernetes manifests
   */
  readonly charts?: (app: App) => void;
  /**
   * The cross-cluster leg of the coverage report, when the cluster is part of a mesh link.
   * @default - reported as not configured
   */
  readonly crossCluster?: CrossClusterCoverage;
}

/**
 * A synth target for one hardened cluster: `<file>.template.json` (the ARM
 * template of exactly what the Pulumi component deploys),
 * `encryption-coverage.md`, `security-baseline.md`, `api-server-reachability.md`, the
 * cluster's charts as `*.k8s.yaml`, and its evidence (`evidence/assessment-results.oscal.json`,
 * `evidence/report.html`).
 * @category Synthesis targets
 */
export function hardenedClusterTarget(props: HardenedClusterProps, options: HardenedClusterTargetOptions = {}): SynthTarget {
  const models = new Map<string, ManagedClusterModel>();
  let model: ManagedClusterModel | undefined;
  let reports: ClusterReports | undefined;
  // One model per evaluation date: the date decides the support windows.
  const build = (evaluation: RuleEvaluationOptions = {}): ManagedClusterModel => {
    const key = evaluation.evaluationDate ?? todayInUtc();
    let m = models.get(key);
    if (!m) models.set(key, (m = ManagedClusterModel.build(props, { ...evaluation, evaluationDate: key })));
    return (model = m);
  };
  const file = options.file ?? 'cluster';
  return {
    artifacts: (evaluation = {}) => {
      const m = build(evaluation);
      const charts = synthesizeCharts(options.charts);
      const template = m.toArmTemplate();
      const templateFile = `${file}.template.json`;
      const templates = { [templateFile]: toJsonFile(template) };
      // Read and audited once: the reports and the evidence state the same outcomes.
      const audited = auditTemplates(templates, evaluation.evaluationDate);
      reports = clusterReports(m, charts.objects, options.crossCluster, { file: templateFile, audited });
      return {
        ...templates,
        'encryption-coverage.md': reports.coverage,
        'security-baseline.md': reports.baseline,
        'api-server-reachability.md': reports.reachability,
        ...charts.files,
        ...evidenceFiles({
          title: m.config.name,
          templates,
          clusters: [{ name: m.config.name, coverage: reports.flows, acknowledged: m.acknowledged, transitEncryption: m.config.transitEncryption.kind }],
          evaluationDate: evaluation.evaluationDate,
          audited,
        }),
      };
    },
    warnings: () => [...(model ?? build()).warnings, ...(reports?.warnings ?? [])].map(formatViolation),
  };
}

/**
 * Charts synthesized in memory: their files and their objects.
 * @category Synthesis targets
 */
export interface SynthesizedCharts {
  /** One `<chart id>.k8s.yaml` per chart. */
  readonly files: Readonly<Record<string, string>>;
  /** Every object of every chart, as written. */
  readonly objects: readonly unknown[];
  /** The objects of each chart, by chart id. */
  readonly byChart: ReadonlyMap<string, readonly unknown[]>;
}

/**
 * Synthesizes the charts `define` adds to a fresh app (validations run). The
 * YAML files are rendered on first use: a caller that arranges the objects
 * its own way (an estate's GitOps trees) never pays for them.
 * @category Synthesis targets
 */
export function synthesizeCharts(define: ((app: App) => void) | undefined): SynthesizedCharts {
  if (!define) return { files: {}, objects: [], byChart: new Map() };
  const app = offlineApp();
  define(app);
  const byChart = new Map<string, readonly unknown[]>();
  // Only cdk8s runs between one chart's synthesis and the next: the app's checks run once for all of them.
  inOneSynthesis(app, () => {
    app.charts.forEach((chart, i) => byChart.set(chart.node.id, i === 0 ? chart.toJson() : chartObjectsJson(chart)));
  });
  let files: Record<string, string> | undefined;
  return {
    get files() {
      files ??= Object.fromEntries([...byChart].map(([id, objects]) => [`${id}.k8s.yaml`, yamlText(...objects)]));
      return files;
    },
    objects: [...byChart.values()].flat(),
    byChart,
  };
}

/**
 * A chart's objects as `chart.toJson()` writes them once the app is prepared:
 * in dependency order, each in its closest chart. `chart.toJson()` also
 * resolves the whole app's dependencies and runs every validation of the app
 * again, for each chart: the first chart's synthesis did both for the whole
 * app, and nothing changes the app before the next chart's, so an app of 40
 * charts is not walked 40 times.
 * @see https://github.com/cdk8s-team/cdk8s-core/blob/2.x/src/app.ts (`App._synthChart`, `chartToKube`)
 */
function chartObjectsJson(chart: Chart): unknown[] {
  return new DependencyGraph(chart.node)
    .topology()
    .filter((x): x is ApiObject => x instanceof ApiObject && Chart.of(x) === chart)
    .map((o) => o.toJson());
}
