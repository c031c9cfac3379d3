import { DescribedResource, DocumentReading, NotExamined, ReadProblem, recordPointer } from '../../description/described-resource';
import { UnknownValue } from '../../description/unknown-value';
import { AttributeReader } from '../azurerm/attribute-reader';
import { AGENT_POOLS, AZURERM_RESOURCE_TYPES, AzurermResourceType, poolName } from '../azurerm/azurerm-resource-types';
import { describeAzapiResource } from './azapi-resource';
import { TerraformConfiguration, withoutInstanceKeys } from './terraform-configuration';
import { KNOWN_AFTER_APPLY, markedValues } from './terraform-values';

type Json = Record<string, unknown>;

const BY_TYPE = new Map(AZURERM_RESOURCE_TYPES.map((t) => [t.terraformType, t]));

/** AKS resource types of the providers the reader knows, to report a cluster it cannot read rather than skip it. */
const AKS_TERRAFORM_TYPES = new Set(['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool']);

/** One managed resource of the plan as read, with what is needed to relate pools to clusters. */
interface PlannedResource {
  readonly address: string;
  readonly described: DescribedResource;
  readonly values: Json;
}

/**
 * Reads `terraform show -json` output: a plan (`planned_values`, with
 * `resource_changes[].change.after_unknown` marking what is known only after
 * apply) or a state (`values`). azurerm resources the AKS rules read are
 * described in their REST shape, each with the pointer of the resource in the
 * document; node pools of a cluster of the same plan are named
 * `<cluster>/<pool>`. A cluster that cannot be read is reported as not
 * examined.
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 */
export function readTerraformPlan(plan: unknown, document: string): DocumentReading {
  const at = (pointer: string) => ({ document, pointer });
  if (!isRecord(plan)) return { resources: [], notExamined: [], problems: [{ at: at(''), message: 'not a JSON object' }], wholeDeployment: true };
  const source = isRecord(plan.planned_values) ? 'planned_values' : isRecord(plan.values) ? 'values' : undefined;
  const root = source ? (plan[source] as Json).root_module : undefined;
  if (!source || !isRecord(root)) {
    const message = 'not the output of `terraform show -json` (no planned_values.root_module or values.root_module)';
    return { resources: [], notExamined: [], problems: [{ at: at(''), message }], wholeDeployment: true };
  }
  const changes = new Map<string, Json>();
  for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (isRecord(rc) && typeof rc.address === 'string' && isRecord(rc.change)) changes.set(rc.address, rc.change);
  }
  const config = new TerraformConfiguration(plan);
  const planned: PlannedResource[] = [];
  const notExamined: NotExamined[] = [];
  const problems: ReadProblem[] = [];

  const visit = (module: Json, pointer: string): void => {
    const resources = Array.isArray(module.resources) ? module.resources : [];
    resources.forEach((r, i) => {
      const p = `${pointer}/resources/${i}`;
      if (!isRecord(r) || typeof r.address !== 'string' || typeof r.type !== 'string') {
        problems.push({ at: at(p), message: 'not a Terraform resource (no address or type)' });
        return;
      }
      const read = readResource(r, p, changes.get(r.address), config, document);
      if (read && 'described' in read) planned.push(read);
      else if (read) notExamined.push(read);
    });
    const children = Array.isArray(module.child_modules) ? module.child_modules : [];
    children.forEach((c, i) => isRecord(c) && visit(c, `${pointer}/child_modules/${i}`));
  };
  visit(root, `/${source}/root_module`);

  const partial = partialPlan(plan);
  if (partial) notExamined.push({ at: at(`/${partial.member}`), what: 'the rest of the plan', reason: partial.reason });
  return { resources: relatePools(planned, config).map((p) => p.described), notExamined, problems, wholeDeployment: !partial };
}

/**
 * Why a plan's planned values may not be all it will deploy: Terraform marks
 * a plan that failed (`errored`) or that defers changes (`complete: false`);
 * then a resource absent from it is not known to be absent.
 * @see https://developer.hashicorp.com/terraform/internals/json-format#plan-representation
 */
function partialPlan(plan: Json): { member: string; reason: string } | undefined {
  if (plan.errored === true) return { member: 'errored', reason: 'the plan errored: its planned values may be partial' };
  if (plan.complete === false) return { member: 'complete', reason: 'the plan is incomplete (changes deferred to a later plan)' };
  return undefined;
}

/** One resource: described, not examined (an AKS resource that cannot be read), or undefined (not one the rules read). */
function readResource(r: Json, pointer: string, change: Json | undefined, config: TerraformConfiguration, document: string): PlannedResource | NotExamined | undefined {
  const address = r.address as string;
  const type = r.type as string;
  const at = { document, pointer };
  if (r.mode === 'data') {
    return AKS_TERRAFORM_TYPES.has(type) ? { at, what: `the data source ${address}`, reason: 'it reads an existing cluster; the plan does not define it' } : undefined;
  }
  if (r.mode !== undefined && r.mode !== 'managed') return undefined;
  const values = markedValues(r.values, change?.after_unknown, r.sensitive_values ?? change?.after_sensitive, (attribute) => config.idReference(address, attribute));
  recordPointer(values, `${pointer}/values`);
  if (type === 'azapi_resource') {
    const described = describeAzapiResource(values, address, at);
    return described && 'body' in described ? { address, described, values } : described;
  }
  const known = BY_TYPE.get(type);
  if (!known) return undefined;
  if (!isRecord(r.values) && !change) return { at, what: `the ${type} ${address}`, reason: 'the document gives none of its values' };
  return describe(known, values, address, at);
}

function describe(known: AzurermResourceType, values: Json, address: string, at: { document: string; pointer: string }): PlannedResource | NotExamined {
  try {
    const mapped = known.map(new AttributeReader(values, `${at.pointer}/values`, 'terraform'));
    const id = values.id;
    return {
      address,
      values,
      described: {
        type: mapped.type,
        name: mapped.name,
        // An id known only after apply stands for `<address>.id`, what other resources' references name.
        id: typeof id === 'string' ? id : new UnknownValue(id instanceof UnknownValue ? id.reason : KNOWN_AFTER_APPLY, `${address}.id`),
        scope: mapped.scope,
        body: mapped.body,
        origin: at,
      },
    };
  } catch (e) {
    return { at, what: `the ${known.terraformType} ${address}`, reason: `its values cannot be read (${(e as Error).message})` };
  }
}

/**
 * Names each node pool `<cluster>/<pool>` after the cluster of the plan its
 * `kubernetes_cluster_id` refers to: by the id's value, or by the reference
 * in the configuration when the id is known only after apply.
 */
function relatePools(planned: PlannedResource[], config: TerraformConfiguration): PlannedResource[] {
  const clusters = planned.filter((p) => p.described.type === 'Microsoft.ContainerService/managedClusters');
  return planned.map((p) => {
    if (p.described.type !== AGENT_POOLS || !('kubernetes_cluster_id' in p.values)) return p;
    const clusterId = p.values.kubernetes_cluster_id;
    const byValue = typeof clusterId === 'string' ? clusters.filter((c) => typeof c.described.id === 'string' && c.described.id.toLowerCase() === clusterId.toLowerCase()) : [];
    const reference = config.idReference(p.address, 'kubernetes_cluster_id');
    const byReference = reference ? clusters.filter((c) => withoutInstanceKeys(`${c.address}.id`) === withoutInstanceKeys(reference)) : [];
    const matches = byValue.length > 0 ? byValue : byReference;
    if (matches.length !== 1) return p;
    const pool = typeof p.values.name === 'string' ? p.values.name : new UnknownValue('name is not known');
    return { ...p, described: { ...p.described, name: poolName(matches[0].described.name, pool) } };
  });
}

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
