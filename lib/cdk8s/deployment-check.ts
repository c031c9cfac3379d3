import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { findInvalidForApiServer } from '../core/kubernetes/api-server-validity';
import { findCollisions } from '../core/kubernetes/deployment-collisions';
import { MeshFinding, formatFinding } from '../core/mesh/mesh-inventory';
import { Rules } from '../core/validation/rule-catalog';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { Violation } from '../core/validation/violation';
import { apiObjectsOf, jsonOf, oncePerSynthesis, SynthPassCache, trackWholeAppSynthesis, withObjectsWalkedOnce } from './synth-pass-cache';

/**
 * A check that contributes violations to the app's one validation.
 * @category Validation
 */
export type DeploymentCheckSource = () => readonly Violation[];

const ID = 'secure-aks-deployment-check';
const results = new SynthPassCache<Construct, Violation[]>();

/**
 * A finding of the mesh analyzer or the collision check, as a violation.
 * @internal
 */
export function findingViolation(where: string, f: MeshFinding): Violation {
  const rule = f.code === 'SAKS-AN-COLLISION' ? Rules.deploymentCollision : f.code === 'IST0106' ? Rules.kubernetesSchema : Rules.meshAnalyzer;
  return { rule, property: `${where}: ${f.object}`, value: f.code, fix: f.fix, detail: formatFinding(f) };
}

/**
 * The one validation of a cdk8s app that uses this library's constructs.
 * Every check (the mesh analyzer of each chart, the agreement of each link's
 * two charts, the collisions between charts applied to the same cluster, the
 * hostNetwork and FelixConfiguration checks) contributes here, and synth fails
 * once with the library's validation error listing every problem, however the
 * charts were built: through the helpers, or as constructs placed separately
 * next to the user's own objects.
 * @category Validation
 */
export class DeploymentCheck extends Construct {
  /** The app's check (created with the first construct that needs it). */
  public static of(scope: IConstruct): DeploymentCheck {
    const root = scope.node.root as Construct;
    return (root.node.tryFindChild(ID) as DeploymentCheck | undefined) ?? new DeploymentCheck(root, ID);
  }

  private readonly sources: DeploymentCheckSource[] = [];
  private readonly placements = new Map<Chart, string>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    trackWholeAppSynthesis(this.node.root);
    this.node.addValidation({
      validate: () => {
        const root = this.node.root;
        const errors = oncePerSynthesis(root, this, () => withObjectsWalkedOnce(root, () => this.violations()).filter((v) => v.rule.severity === 'error'));
        if (errors.length > 0) throw new SecureAksValidationError('the Kubernetes objects of this cdk8s app', errors);
        return [];
      },
    });
  }

  /** Adds a check. */
  public addCheck(source: DeploymentCheckSource): void {
    this.sources.push(source);
  }

  /**
   * Says which cluster `chart` is applied to. The objects of every chart of
   * one cluster (the user's own charts too, once placed) are checked together
   * for collisions.
   */
  public place(chart: Chart, cluster: string): void {
    this.placements.set(chart, cluster);
  }

  /** Every violation of the app's current objects (computed once per synthesis pass). */
  public violations(): Violation[] {
    const root = this.node.root as Construct;
    return results.get(root, `${apiObjectsOf(root).fingerprint}/${this.sources.length}/${this.placements.size}`, () => [
      ...this.sources.flatMap((s) => s()),
      ...this.collisions(),
      ...this.apiServerValidity(),
    ]);
  }

  /** Every object of every chart of the app, the user's own included, as the API server would see it. */
  private apiServerValidity(): Violation[] {
    const charts = (this.node.root as Construct).node.findAll().filter((c): c is Chart => c instanceof Chart);
    return charts.flatMap((chart) =>
      findInvalidForApiServer(apiObjectsOf(chart).objects.filter((o) => o.chart === chart).map(jsonOf)).map((f) => ({
        rule: Rules.apiServerValidity,
        property: `chart ${chart.node.path}: ${f.object}`,
        value: f.message,
        fix: f.fix,
      })),
    );
  }

  private collisions(): Violation[] {
    const clusters = new Map<string, Chart[]>();
    for (const [chart, cluster] of this.placements) clusters.set(cluster, [...(clusters.get(cluster) ?? []), chart]);
    return [...clusters].flatMap(([cluster, charts]) => {
      const objects = charts.flatMap((chart) => apiObjectsOf(chart).objects.map((o) => ({ object: jsonOf(o), source: `chart ${chart.node.path}` })));
      return findCollisions(objects).map((f) => findingViolation(`cluster "${cluster}"`, f));
    });
  }
}
