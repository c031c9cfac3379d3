import { checkEvaluatedOn } from './evaluated-on';
import { RuleEvaluationOptions } from '../core/rules/rule-evaluation-options';
import { todayInUtc } from '../core/versions/evaluation-date';
import { ApiObject, App, Chart } from 'cdk8s';
import { EstateModel } from '../core/estate/estate-model';
import { renderEstateOverview } from '../core/estate/estate-overview';
import { GITOPS_LAYERS } from '../core/gitops/flux-extension';
import { KubernetesObject } from '../core/kubernetes/kubernetes-object';
import { crossClusterCoverageOf, linkAdmissionPoliciesOnce, renderCrossClusterEncryption } from '../core/mesh/cross-cluster-encryption';
import { formatViolation, Violation } from '../core/validation/violation';
import { addEstateClusterCharts } from '../cdk8s/estate-charts';
import { clusterReports } from './cluster-reports';
import { meshPins } from '../core/platform/mesh-prerequisites';
import { FLUX_EXTENSION_VERSION } from '../core/gitops/flux-extension';
import { auditTemplates, evidenceFiles } from './deployment-evidence';
import { FlowCoverage } from '../core/encryption/encryption-coverage';
import { synthesizeCharts } from './hardened-cluster-target';
import { SynthTarget, toJsonFile } from './synth-target';
import { yamlText } from './yaml-text';

/**
 * A manifest of objects as cdk8s writes them (keys sorted): the charts'
 * objects already are; the Flux objects the model writes go through ApiObjects.
 */
function manifest(objects: readonly KubernetesObject[]): string {
  const chart = new Chart(new App(), 'manifest');
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o));
  return yamlText(...chart.toJson());
}

/**
 * A whole estate offline:
 * - `clusters/<name>.template.json`, one per cluster's resource group (its
 *   spoke, its peering to the hub, the cluster, and on GitOps delivery the
 *   Flux extension and its fluxConfiguration);
 * - `hub.template.json` for the hub's resource group (the hub's peerings and
 *   the services' private DNS zones), deployed after the clusters;
 * - `flux-credentials.template.json`, the clusters' Flux credentials on their
 *   pull identities, chained, deployed after the clusters (it reads their OIDC issuers);
 * - `gitops/<tree path>/<layer>/*.yaml` for each GitOps-delivered cluster,
 *   ready to commit or to push as one OCI artifact (`flux push artifact`);
 * - `k8s/*.k8s.yaml`, the charts of the clusters Pulumi delivers;
 * - `reports/` with each cluster's encryption coverage, security baseline and
 *   API server reachability, `cross-cluster-encryption.md` and `estate-overview.md` (Mermaid);
 * - `evidence/assessment-results.oscal.json` and `evidence/report.html`, the estate's evidence.
 * @category Synthesis targets
 */
export function estateTarget(build: (options: RuleEvaluationOptions) => EstateModel): SynthTarget {
  const models = new Map<string, EstateModel>();
  let model: EstateModel | undefined;
  // One model per evaluation date: the date decides the support windows.
  const get = (evaluation: RuleEvaluationOptions = {}): EstateModel => {
    const key = evaluation.evaluationDate ?? todayInUtc();
    let m = models.get(key);
    if (!m) {
      m = build({ ...evaluation, evaluationDate: key });
      checkEvaluatedOn(key, m, 'estate', 'pass the options estateTarget gives its build function on: estateTarget((options) => EstateModel.build(props, options))');
      models.set(key, m);
    }
    return (model = m);
  };
  let deployedWarnings: Violation[] = [];
  return {
    artifacts: (evaluation = {}) => {
      const estate = get(evaluation);
      const flows = new Map<string, readonly FlowCoverage[]>();
      deployedWarnings = [];
      const files: Record<string, string> = {
        'hub.template.json': toJsonFile(estate.hubTemplate()),
        'estate-overview.md': renderEstateOverview(estate),
        'cross-cluster-encryption.md': estate.links.map((l) => renderCrossClusterEncryption(l.link)).join('\n'),
      };
      // The clusters' Flux credentials, one chain per identity: deployed after the clusters' templates.
      const credentials = estate.fluxCredentialsTemplate();
      if (credentials) files['flux-credentials.template.json'] = toJsonFile(credentials);
      for (const c of estate.clusters.values()) files[`clusters/${c.name}.template.json`] = toJsonFile(estate.clusterTemplate(c.name));
      // Every template read and audited once, together: the reports and the evidence state the same outcomes.
      const templates = Object.fromEntries(Object.entries(files).filter(([f]) => f.endsWith('.template.json')));
      const audited = auditTemplates(templates, evaluation.evaluationDate);
      // Every link joins two clusters: its admission policies are written once for both clusters' reports.
      const policiesOf = linkAdmissionPoliciesOnce();
      for (const c of estate.clusters.values()) {
        // One app per cluster: its checks see the cluster whole (every link that shares it).
        let added: ReturnType<typeof addEstateClusterCharts> | undefined;
        const charts = synthesizeCharts((app) => {
          added = addEstateClusterCharts(app, estate, c.name);
        });
        const objectsOf = (chart: Chart | undefined) => (chart ? (charts.byChart.get(chart.node.id) ?? []) : []) as KubernetesObject[];
        const mesh = [added!.meshConfig, ...added!.clientLinks.values(), ...added!.serverLinks.values()].flatMap(objectsOf);
        const issuer = objectsOf(added!.issuer);
        const { asClient, asServer } = estate.linksOf(c.name);
        if (c.delivery.kind === 'gitOps') {
          const tree = estate.gitOpsTree(c.name, { issuer, mesh });
          for (const layer of GITOPS_LAYERS) {
            for (const [file, objects] of Object.entries(tree[layer])) {
              // The charts' objects are already as cdk8s writes them; the Flux objects come from the model.
              const text = layer === 'prerequisites' ? manifest(objects) : yamlText(...objects);
              if (objects.length > 0) files[`gitops/${c.delivery.treePath(c.name)}/${layer}/${file}`] = text;
            }
          }
        } else {
          // The cluster's own app holds exactly its charts.
          for (const [file, text] of Object.entries(charts.files)) files[`k8s/${file}`] = text;
        }
        const links = [...asClient, ...asServer].map((l) => l.link);
        const installed = [
          ...meshPins(estate.meshDistribution, estate.versions),
          ...(c.delivery.kind === 'gitOps' ? [{ component: 'flux-extension' as const, version: FLUX_EXTENSION_VERSION, property: 'FLUX_EXTENSION_VERSION' }] : []),
        ];
        // Read with every template of the estate (the cluster's peers its spoke with the hub): its reachability names the hub.
        const reports = clusterReports(c.model, [...issuer, ...mesh], links.length > 0 ? crossClusterCoverageOf(links, policiesOf) : undefined, { file: `clusters/${c.name}.template.json`, audited }, installed);
        deployedWarnings.push(...reports.warnings.map((w) => ({ ...w, property: `${c.name}.${w.property}` })));
        files[`reports/encryption-coverage-${c.name}.md`] = reports.coverage;
        files[`reports/security-baseline-${c.name}.md`] = reports.baseline;
        files[`reports/api-server-reachability-${c.name}.md`] = reports.reachability;
        flows.set(c.model.config.name, reports.flows);
      }
      const clusters = [...estate.clusters.values()];
      Object.assign(files, evidenceFiles({
        title: `estate around ${estate.hub.name}`,
        templates,
        clusters: clusters.map((c) => ({ name: c.model.config.name, coverage: flows.get(c.model.config.name)!, acknowledged: c.model.acknowledged, transitEncryption: c.model.config.transitEncryption.kind })),
        links: estate.links.map((l) => ({ link: l.link, client: l.client, server: l.server })),
        estate: { name: estate.hub.name, warnings: estate.warnings, evaluated: estate.evaluated, definition: estate.definition },
        evaluationDate: evaluation.evaluationDate,
        audited,
      }));
      return files;
    },
    warnings: () => [...(model ?? get()).warnings, ...deployedWarnings].map(formatViolation),
  };
}
