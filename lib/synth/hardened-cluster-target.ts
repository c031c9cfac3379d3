import { App, Yaml } from 'cdk8s';
import { offlineApp } from '../cdk8s/offline-app';
import { HardenedClusterProps } from '../core/aks/hardened-cluster-props';
import { ManagedClusterModel } from '../core/aks/managed-cluster-model';
import { CrossClusterCoverage } from '../core/encryption/encryption-coverage';
import { clusterReports } from './cluster-reports';
import { formatViolation } from '../core/validation/violation';
import { SynthTarget, toJsonFile } from './synth-target';

/** Options of {@link hardenedClusterTarget}. */
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
 * `encryption-coverage.md`, `security-baseline.md`, and the cluster's charts as `*.k8s.yaml`.
 */
export function hardenedClusterTarget(props: HardenedClusterProps, options: HardenedClusterTargetOptions = {}): SynthTarget {
  let model: ManagedClusterModel | undefined;
  const build = (): ManagedClusterModel => (model ??= ManagedClusterModel.build(props));
  const file = options.file ?? 'cluster';
  return {
    artifacts: () => {
      const m = build();
      const reports = clusterReports(m, options.crossCluster);
      const files: Record<string, string> = {
        [`${file}.template.json`]: toJsonFile(m.toArmTemplate()),
        'encryption-coverage.md': reports.coverage,
        'security-baseline.md': reports.baseline,
      };
      Object.assign(files, chartFiles(options.charts));
      return files;
    },
    warnings: () => build().warnings.map(formatViolation),
  };
}

/** Synthesizes the charts `define` adds to a fresh app, one `<chart id>.k8s.yaml` each (validations run). */
export function chartFiles(define: ((app: App) => void) | undefined): Record<string, string> {
  if (!define) return {};
  const app = offlineApp();
  define(app);
  const files: Record<string, string> = {};
  for (const chart of app.charts) files[`${chart.node.id}.k8s.yaml`] = Yaml.stringify(...chart.toJson());
  return files;
}
