import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { isEvaluationDate, todayInUtc } from '../versions/evaluation-date';
import { checkPinnedSupport, PinnedComponentVersion } from '../versions/pinned-support';
import { NEWEST_AKS_ISTIO_REVISION } from '../mesh/aks-istio-revisions';
import { CERT_MANAGER_SCHEMA_VERSION } from '../mesh/cert-manager-schema';
import { ISTIO_DEFAULT_RELEASE } from '../mesh/istio-release';
import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { MeshFlavour } from '../mesh/mesh-flavour';
import { ISTIO_V1_API_MINOR } from '../mesh/validate-cross-cluster-link';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';

/**
 * Which Istio runs the mesh of a platform or an estate.
 * @category Regulated platform
 */
export type MeshDistribution = 'openSourceIstio' | 'aksIstioAddon';

/**
 * Pinned versions of what a platform or an estate installs.
 * @category Regulated platform
 */
export interface PinnedVersions {
  readonly istio: string;
  readonly certManager: string;
  readonly aksIstioRevision: string;
}

/**
 * A Helm chart the platform installs in each cluster, pinned.
 * @category Regulated platform
 */
export interface PinnedHelmChart {
  /** Release name. */
  readonly name: string;
  readonly repo: string;
  readonly chart: string;
  readonly version: string;
  readonly namespace: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** Releases that must be installed first (by name). */
  readonly after: readonly string[];
}

/**
 * Default pins, never floating: cert-manager the release whose CRD schemas ship
 * with the library; Istio {@link ISTIO_DEFAULT_RELEASE}, a later patch of the
 * minor whose CRD schemas ship (it carries published security fixes the
 * schemas' release lacks); the add-on the newest revision of its calendar.
 * Bumped by vendoring the new release's CRDs (scripts/vendor-istio.sh).
 * @category Regulated platform
 */
export const PINNED_VERSIONS: PinnedVersions = {
  istio: ISTIO_DEFAULT_RELEASE,
  certManager: CERT_MANAGER_SCHEMA_VERSION,
  aksIstioRevision: NEWEST_AKS_ISTIO_REVISION.revision,
};

/**
 * The pins, with the defaults where none is given.
 * @category Regulated platform
 */
export function resolvePinnedVersions(versions: Partial<PinnedVersions> | undefined): PinnedVersions {
  return {
    istio: versions?.istio ?? PINNED_VERSIONS.istio,
    certManager: versions?.certManager ?? PINNED_VERSIONS.certManager,
    aksIstioRevision: versions?.aksIstioRevision ?? PINNED_VERSIONS.aksIstioRevision,
  };
}

/**
 * Checks the pins: released Istio at or after the v1 networking API, and a
 * cert-manager release tag, each within its owner's support on the
 * evaluation date and not older than a security fix its owner published for
 * its line by then (the add-on revision is judged on each cluster's payload).
 * @category Regulated platform
 */
export function checkPinnedVersions(v: ViolationCollector, versions: PinnedVersions, distribution: MeshDistribution, options: RuleEvaluationOptions = {}): void {
  const istio = /^(\d+)\.(\d+)\.(\d+)$/.exec(versions.istio);
  if (!istio || (istio[1] === '1' && Number(istio[2]) < ISTIO_V1_API_MINOR)) {
    v.add(Rules.meshVersion, 'versions.istio', versions.istio, `pin a released Istio <major>.<minor>.<patch>, 1.${ISTIO_V1_API_MINOR} or later (the platform writes networking.istio.io/v1)`);
  }
  if (!/^v\d+\.\d+\.\d+$/.test(versions.certManager)) v.add(Rules.meshVersion, 'versions.certManager', versions.certManager, 'pin a cert-manager release as v<major>.<minor>.<patch>');
  const date = options.evaluationDate;
  if (date !== undefined && !isEvaluationDate(date)) return; // refused with its own error by the clusters' validation
  v.addAll(checkPinnedSupport(meshPins(distribution, versions), date ?? todayInUtc()).violations);
}

/**
 * What a platform or an estate installs in each cluster, for the support windows: open-source Istio (not on the add-on) and cert-manager.
 * @internal
 */
export function meshPins(distribution: MeshDistribution, versions: PinnedVersions): PinnedComponentVersion[] {
  return [
    ...(distribution === 'openSourceIstio' ? [{ component: 'istio' as const, version: versions.istio, property: 'versions.istio' }] : []),
    { component: 'cert-manager', version: versions.certManager, property: 'versions.certManager' },
  ];
}

/**
 * The mesh flavour of every cluster of a platform or an estate.
 * @category Regulated platform
 */
export function meshFlavourOf(distribution: MeshDistribution, versions: PinnedVersions): MeshFlavour {
  return distribution === 'aksIstioAddon' ? MeshFlavour.aksIstioAddon({ revision: versions.aksIstioRevision }) : MeshFlavour.openSourceIstio();
}

/**
 * The Kubernetes objects each cluster needs before the links: on the AKS Istio
 * add-on, its shared MeshConfig (the add-on merges it into the managed
 * MeshConfig of the revision); none on open-source Istio, whose istiod
 * values carry the same settings.
 * @see https://learn.microsoft.com/azure/aks/istio-meshconfig
 * @category Regulated platform
 */
export function meshConfigObjects(distribution: MeshDistribution, versions: PinnedVersions): KubernetesObject[] {
  if (distribution !== 'aksIstioAddon') return [];
  const revision = versions.aksIstioRevision;
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      // In the add-on's root namespace, named after the revision (https://learn.microsoft.com/azure/aks/istio-meshconfig).
      metadata: { name: `istio-shared-configmap-${revision}`, namespace: MeshFlavour.aksIstioAddon({ revision }).rootNamespace },
      data: {
        // JSON is YAML: istiod reads this field as YAML.
        mesh: JSON.stringify({
          // Sidecars reach only registered services; the egress lockdown NetworkPolicy covers the rest.
          outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
          // DNS capture, and the sidecar's own address allocation for the ServiceEntries
          // (the add-on's istiod environment cannot be set): both allowed proxyMetadata.
          defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } },
        }, null, 2),
      },
    },
  ];
}

/**
 * The Helm releases each cluster needs, pinned, with generated values (no Istio on the AKS Istio add-on).
 * @category Regulated platform
 */
export function meshPrerequisites(distribution: MeshDistribution, versions: PinnedVersions): PinnedHelmChart[] {
  const istioRepo = 'https://istio-release.storage.googleapis.com/charts';
  const certManager: PinnedHelmChart = {
    name: 'cert-manager',
    repo: 'https://charts.jetstack.io',
    chart: 'cert-manager',
    version: versions.certManager,
    namespace: 'cert-manager',
    values: { crds: { enabled: true } },
    after: [],
  };
  if (distribution === 'aksIstioAddon') return [certManager];
  return [
    certManager,
    { name: 'istio-base', repo: istioRepo, chart: 'base', version: versions.istio, namespace: 'istio-system', values: {}, after: [] },
    {
      name: 'istiod',
      repo: istioRepo,
      chart: 'istiod',
      version: versions.istio,
      namespace: 'istio-system',
      values: {
        meshConfig: {
          // Sidecars reach only registered services; the egress lockdown NetworkPolicy covers the rest.
          outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
          // DNS capture: clients resolve the ServiceEntry host to its auto-allocated VIP (IST0134).
          defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true' } },
        },
        pilot: { env: { PILOT_ENABLE_IP_AUTOALLOCATE: 'true' } },
      },
      after: ['istio-base'],
    },
  ];
}

/**
 * The cluster's AKS Istio add-on settings: the link brings its own gateways, so the add-on's stay off.
 * @category Regulated platform
 */
export function aksIstioAddonProps(distribution: MeshDistribution, versions: PinnedVersions) {
  return distribution === 'aksIstioAddon'
    ? { istioAddon: { revision: versions.aksIstioRevision, internalIngressGateway: false, externalIngressGateway: false } }
    : {};
}

