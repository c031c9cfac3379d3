import { CheckovWouldRaise, findInDict, isDict, pyEquals, pyGet, pyIn, pyStrLower, pyTruthy } from './checkov-python-values';

/**
 * Checkov's ARM checks of AKS clusters, replicated: every check under
 * checkov/arm/checks/resource/ that evaluates Microsoft.ContainerService/managedClusters,
 * at the commit the fixtures of test/fixtures/checkov are vendored from
 * (03d5fdad8d6154b1565799a7b1fb8070c158866f, Checkov 3.3.13). Each behaves as the
 * Python check does on one resource, quirks included; the test proves each on
 * Checkov's own fixtures and the verdicts its unit tests expect.
 *
 * Checkov evaluates a resource only after its runner substituted parameter
 * defaults and variables: give `evaluate` a resource from
 * checkovScannedResources (checkov-template-resources.ts) to get Checkov's
 * verdict on a template, or a literal payload (nothing to substitute) as is.
 * Checkov's AKS checks that exist for Terraform only (CKV_AZURE_115, 116, 117, 170,
 * 232, ...) have no replica here: Checkov does not run them on ARM templates.
 * @see https://github.com/bridgecrewio/checkov/tree/main/checkov/arm/checks/resource
 * @category Security baseline
 */
export type CheckovVerdict = 'pass' | 'fail' | 'unknown';

/** @category Security baseline */
export interface CheckovArmCheck {
  /** The Checkov id, e.g. `CKV_AZURE_6`. */
  readonly id: string;
  /** The Python file of the check in Checkov's repository. */
  readonly checkFile: string;
  /** Checkov's name of the check. */
  readonly title: string;
  /** The resource types Checkov runs it on, compared case-sensitively. */
  readonly resourceTypes: readonly string[];
  /** What Checkov's check reads, and where that differs from what the control needs. */
  readonly inspects: string;
  /**
   * Checkov's verdict on an ARM template resource (`type`, `apiVersion`, `properties`, ...).
   * 'unknown' where Checkov returns UNKNOWN, where its check raises (Checkov then
   * reports no result) and for a type it does not run the check on.
   */
  evaluate(resource: Record<string, unknown>): CheckovVerdict;
}

const CLUSTER = 'Microsoft.ContainerService/managedClusters';
const AGENT_POOL = 'Microsoft.ContainerService/managedClusters/agentPools';
const DIR = 'checkov/arm/checks/resource';
type Result = 'pass' | 'fail' | 'unknown';
const verdict = (b: boolean): Result => (b ? 'pass' : 'fail');
const has = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * What every ARM check does first (BaseResourceCheck.scan_entity_conf): a resource
 * with `existing: true` is a Bicep reference, UNKNOWN; with another `existing`
 * value it is read as Bicep's form, its `config` with `api_version` set on it.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/arm/base_resource_check.py
 */
function armCheck(
  id: string,
  file: string,
  title: string,
  resourceTypes: readonly string[],
  inspects: string,
  scan: (conf: Record<string, unknown>, type: string) => Result,
): CheckovArmCheck {
  return {
    id,
    checkFile: `${DIR}/${file}`,
    title,
    resourceTypes,
    inspects,
    evaluate(resource) {
      const type = resource.type;
      if (typeof type !== 'string' || !resourceTypes.includes(type)) return 'unknown';
      try {
        if (!has(resource, 'existing')) return scan(resource, type);
        if (resource.existing === true) return 'unknown';
        if (!has(resource, 'api_version') || !isDict(resource.config)) throw new CheckovWouldRaise("KeyError: 'api_version'");
        let conf: Record<string, unknown> = { ...resource.config, apiVersion: resource.api_version };
        if (has(conf, 'loop_type')) {
          if (!isDict(conf.config)) throw new CheckovWouldRaise('loop without config');
          conf = conf.config;
        }
        return scan(conf, type);
      } catch (e) {
        if (e instanceof CheckovWouldRaise) return 'unknown';
        throw e;
      }
    },
  };
}

/**
 * BaseResourceValueCheck: the value at a path must equal an expected value
 * (Python's `==`, so `1` equals `true`; a one-element list is unwrapped); a
 * string starting `var.`, `local.` or `module.` passes; a missing value fails.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/arm/base_resource_value_check.py
 */
function valueCheck(conf: Record<string, unknown>, path: string, expected: unknown): Result {
  let value = findInDict(conf, path);
  if (value === undefined) return 'fail';
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (pyEquals(value, expected)) return 'pass';
  if (typeof value === 'string' && /^(?:local|var|module)\.\S+/u.test(value)) return 'pass';
  return 'fail';
}

/**
 * BaseResourceNegativeValueCheck: a value that is missing or false takes the
 * check's missing result; a string starting `parameters(` or `variables(` is
 * UNKNOWN (an ARM expression keeps its leading `[`, so this is not one); else it
 * fails when Python's `value in forbidden` holds.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/arm/base_resource_negative_value_check.py
 */
function negativeValueCheck(conf: Record<string, unknown>, path: string, forbidden: unknown, missing: Result): Result {
  let value = findInDict(conf, path);
  if (!pyTruthy(value)) return missing;
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (typeof value === 'string' && /^(?:parameters|variables)\(/.test(value)) return 'unknown';
  return verdict(!pyIn(value, forbidden) && !pyIn('CKV_ANY', forbidden));
}

/** The checks that open with "API version 2017-08-31 has no such setting: FAILED". */
const isApiVersion20170831 = (conf: Record<string, unknown>) => has(conf, 'apiVersion') && conf.apiVersion === '2017-08-31';

/** @category Security baseline */
export const CHECKOV_ARM_AKS_CHECKS: readonly CheckovArmCheck[] = [
  armCheck(
    'CKV_AZURE_4',
    'AKSLoggingEnabled.py',
    'Ensure AKS logging to Azure Monitoring is Configured',
    [CLUSTER],
    'addonProfiles.omsagent (or omsAgent when omsagent is absent or false).enabled is truthy: the string "false" passes; apiVersion 2017-08-31 fails',
    (conf) => {
      if (isApiVersion20170831(conf)) return 'fail';
      const properties = conf.properties;
      if (!isDict(properties)) return 'fail';
      const addons = pyGet(properties, 'addonProfiles');
      if (!isDict(addons)) return 'fail';
      let omsagent = pyGet(addons, 'omsagent');
      if (!pyTruthy(omsagent)) omsagent = pyGet(addons, 'omsAgent');
      return verdict(isDict(omsagent) && pyTruthy(pyGet(omsagent, 'enabled')));
    },
  ),
  armCheck(
    'CKV_AZURE_5',
    'AKSRbacEnabled.py',
    'Ensure RBAC is enabled on AKS clusters',
    [CLUSTER],
    'properties.enableRBAC is true or any case of the string "true" (not Entra ID or Azure RBAC); apiVersion 2017-08-31 fails',
    (conf) => {
      if (isApiVersion20170831(conf)) return 'fail';
      const properties = conf.properties;
      if (!pyTruthy(properties) || !isDict(properties)) return 'fail';
      return verdict(pyStrLower(pyGet(properties, 'enableRBAC')) === 'true');
    },
  ),
  armCheck(
    'CKV_AZURE_6',
    'AKSApiServerAuthorizedIpRanges.py',
    'Ensure AKS has an API Server Authorized IP Ranges enabled',
    [CLUSTER],
    'apiServerAccessProfile.authorizedIPRanges is non-empty (properties.apiServerAuthorizedIPRanges for apiVersion 2019-02-01 to 2019-06-01), with no exemption for a private cluster, which has no public endpoint to limit; no apiVersion, or 2017-08-31 or 2018-03-31, fails',
    (conf) => {
      if (!has(conf, 'apiVersion')) return 'fail';
      const apiVersion = conf.apiVersion;
      if (apiVersion === '2017-08-31' || apiVersion === '2018-03-31') return 'fail';
      if (apiVersion === '2019-02-01' || apiVersion === '2019-04-01' || apiVersion === '2019-06-01') {
        if (!has(conf, 'properties')) return 'fail';
        const properties = conf.properties;
        if (!pyIn('apiServerAuthorizedIPRanges', properties)) return 'fail';
        if (!isDict(properties)) throw new CheckovWouldRaise('indices must be integers');
        return verdict(pyTruthy(properties.apiServerAuthorizedIPRanges));
      }
      const properties = conf.properties;
      if (!pyTruthy(properties) || !isDict(properties)) return 'fail';
      const profile = pyGet(properties, 'apiServerAccessProfile');
      if (!pyTruthy(profile)) return 'fail';
      return verdict(pyTruthy(pyGet(profile, 'authorizedIPRanges')));
    },
  ),
  armCheck(
    'CKV_AZURE_7',
    'AKSNetworkPolicy.py',
    'Ensure AKS cluster has Network Policy configured',
    [CLUSTER],
    'networkProfile.networkPolicy is set to any non-empty value, "none" included; apiVersion 2017-08-31 fails',
    (conf) => {
      if (isApiVersion20170831(conf)) return 'fail';
      const properties = conf.properties;
      if (!pyTruthy(properties) || !isDict(properties)) return 'fail';
      const profile = pyGet(properties, 'networkProfile');
      if (!pyTruthy(profile)) return 'fail';
      return verdict(pyTruthy(pyGet(profile, 'networkPolicy')));
    },
  ),
  armCheck(
    'CKV_AZURE_8',
    'AKSDashboardDisabled.py',
    'Ensure Kubernetes Dashboard is disabled',
    [CLUSTER],
    'an explicit addonProfiles.kubeDashboard.enabled of false (or any case of "false"); a cluster that does not name the add-on, which AKS no longer has, fails; apiVersion 2017-08-31 fails',
    (conf) => {
      if (conf.apiVersion !== undefined && conf.apiVersion !== null && conf.apiVersion === '2017-08-31') return 'fail';
      const properties = conf.properties;
      if (!isDict(properties)) return 'fail';
      const addons = pyGet(properties, 'addonProfiles');
      if (!isDict(addons)) return 'fail';
      const dashboard = pyGet(addons, 'kubeDashboard');
      if (!isDict(dashboard)) return 'fail';
      const enabled = pyGet(dashboard, 'enabled');
      return verdict(enabled !== undefined && enabled !== null && pyStrLower(enabled) === 'false');
    },
  ),
  armCheck(
    'CKV_AZURE_141',
    'AKSLocalAdminDisabled.py',
    'Ensure AKS local admin account is disabled',
    [CLUSTER],
    'properties.disableLocalAccounts equals true (the string "true" fails)',
    (conf) => valueCheck(conf, 'properties/disableLocalAccounts', true),
  ),
  armCheck(
    'CKV_AZURE_168',
    'AKSMaxPodsMinimum.py',
    'Ensure Azure Kubernetes Cluster (AKS) nodes should use a minimum number of 50 pods.',
    [CLUSTER, AGENT_POOL],
    'maxPods of the first agent pool profile (or properties.maxPods of an agent pool resource) is at least 50; other pools are not read; a missing value fails',
    (conf) => {
      let maxPods: unknown = 30;
      const properties = has(conf, 'properties') ? conf.properties : {};
      if (pyTruthy(properties) && isDict(properties)) maxPods = pyGet(properties, 'maxPods');
      if (pyIn('agentPoolProfiles', properties)) {
        if (!isDict(properties)) throw new CheckovWouldRaise('indices must be integers');
        const profiles = properties.agentPoolProfiles;
        let first: unknown;
        if (Array.isArray(profiles)) {
          if (profiles.length === 0) throw new CheckovWouldRaise('IndexError');
          first = profiles[0];
        } else if (typeof profiles === 'string') {
          if (profiles.length === 0) throw new CheckovWouldRaise('IndexError');
          first = profiles[0];
        } else {
          throw new CheckovWouldRaise('KeyError or TypeError: not subscriptable by 0');
        }
        if (pyIn('maxPods', first)) {
          if (!isDict(first)) throw new CheckovWouldRaise('indices must be integers');
          maxPods = first.maxPods;
        }
      }
      if (maxPods === undefined || maxPods === null) return 'fail';
      if (typeof maxPods === 'boolean') return 'fail'; // True < 50 in Python
      if (typeof maxPods !== 'number') throw new CheckovWouldRaise("'<' not supported");
      return verdict(maxPods >= 50);
    },
  ),
  armCheck(
    'CKV_AZURE_169',
    'AKSPoolTypeIsScaleSet.py',
    'Ensure Azure Kubernetes Cluster (AKS) nodes use scale sets',
    [CLUSTER],
    'the first agent pool profile\'s type is not "AvailabilitySet" (case-sensitive); other pools are not read; a missing type passes',
    (conf) => negativeValueCheck(conf, 'properties/agentPoolProfiles/[0]/type', ['AvailabilitySet'], 'pass'),
  ),
  armCheck(
    'CKV_AZURE_171',
    'AKSUpgradeChannel.py',
    'Ensure AKS cluster upgrade channel is chosen',
    [CLUSTER],
    'autoUpgradeProfile.upgradeChannel is set and not a substring of "none" (Python\'s `in` on a string: "None" passes, "no" fails); nodeOSUpgradeChannel is not read',
    (conf) => negativeValueCheck(conf, 'properties/autoUpgradeProfile/upgradeChannel', 'none', 'fail'),
  ),
  armCheck(
    'CKV_AZURE_172',
    'AkSSecretStoreRotation.py',
    'Ensure autorotation of Secrets Store CSI Driver secrets for AKS clusters',
    [CLUSTER],
    'addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation equals the boolean true; add-on config values are strings in the API, and the string "true" fails',
    (conf) => valueCheck(conf, 'properties/addonProfiles/azureKeyvaultSecretsProvider/config/enableSecretRotation', true),
  ),
  armCheck(
    'CKV_AZURE_226',
    'AKSEphemeralOSDisks.py',
    'Ensure ephemeral disks are used for OS disks',
    [CLUSTER],
    'the first agent pool profile\'s osDiskType is "Ephemeral" (case-sensitive), whatever its VM size; other pools are not read',
    (conf) => valueCheck(conf, 'properties/agentPoolProfiles/[0]/osDiskType', 'Ephemeral'),
  ),
  armCheck(
    'CKV_AZURE_227',
    'AKSEncryptionAtHostEnabled.py',
    'Ensure that the AKS cluster encrypt temp disks, caches, and data flows between Compute and Storage resources',
    [CLUSTER, AGENT_POOL],
    'enableEncryptionAtHost equals true on the first agent pool profile (or on an agent pool resource); other pools are not read',
    (conf, type) => valueCheck(conf, type === CLUSTER ? 'properties/agentPoolProfiles/[0]/enableEncryptionAtHost' : 'properties/enableEncryptionAtHost', true),
  ),
];
