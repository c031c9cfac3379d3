import { UnknownValue } from '../../description/unknown-value';
import { AttributeReader } from './attribute-reader';
import { boolOf, built, Sent, stringListOf, stringMapOf, stringOf } from './attribute-values';
import { normalizedLocation } from './azurerm-kubernetes-cluster';

/** What an azurerm resource maps to, before its origin is known. */
export interface MappedResource {
  readonly type: string;
  readonly name: string | UnknownValue;
  /** For an extension resource: the id of the resource it is on. */
  readonly scope?: string | UnknownValue;
  readonly body: Readonly<Record<string, unknown>>;
}

/** `name`, or an unknown value naming the attribute when the document does not give it. */
function nameOf(r: AttributeReader, attribute = 'name'): string | UnknownValue {
  const name = stringOf(r, [attribute]);
  return name === undefined ? new UnknownValue(`${attribute} is not known`) : name;
}

function childName(parent: string | UnknownValue, child: string | UnknownValue): string | UnknownValue {
  if (typeof parent === 'string' && typeof child === 'string') return `${parent}/${child}`;
  const unknown = parent instanceof UnknownValue ? parent : (child as UnknownValue);
  return new UnknownValue(unknown.reason, `${parent.toString()}/${child.toString()}`);
}

/**
 * `azurerm_subnet`: its prefixes and delegations (azurerm 2's single
 * `address_prefix` too).
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/subnet
 */
export function mapSubnet(r: AttributeReader): MappedResource {
  const delegations = r.blocks('delegation');
  return {
    type: 'Microsoft.Network/virtualNetworks/subnets',
    name: childName(nameOf(r, 'virtual_network_name'), nameOf(r)),
    body: {
      properties: built(
        {
          addressPrefixes: stringListOf(r, ['address_prefixes']),
          addressPrefix: stringOf(r, ['address_prefix']),
          delegations: delegations instanceof UnknownValue ? delegations : delegations.map(delegation),
        },
        r.pointer,
      ),
    },
  };
}

function delegation(d: AttributeReader): Record<string, unknown> {
  const service = d.block('service_delegation');
  return built(
    {
      name: stringOf(d, ['name']),
      properties: service instanceof AttributeReader ? built({ serviceName: stringOf(service, ['name']), actions: stringListOf(service, ['actions']) }, service.pointer) : service,
    },
    d.pointer,
  );
}

/**
 * `azurerm_virtual_network`: address space, DNS servers, VNet encryption and
 * inline subnets.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_network
 */
export function mapVirtualNetwork(r: AttributeReader): MappedResource {
  const encryption = r.block('encryption');
  const subnets = r.blocks('subnet');
  return {
    type: 'Microsoft.Network/virtualNetworks',
    name: nameOf(r),
    body: built(
      {
        location: normalizedLocation(stringOf(r, ['location'])),
        tags: stringMapOf(r, ['tags']),
        properties: built(
          {
            addressSpace: { addressPrefixes: stringListOf(r, ['address_space']) },
            dhcpOptions: dnsServers(r),
            encryption: encryption instanceof AttributeReader ? built({ enabled: true, enforcement: stringOf(encryption, ['enforcement']) }, encryption.pointer) : encryption,
            subnets:
              subnets instanceof UnknownValue
                ? subnets
                : subnets.map((s) => built({ name: stringOf(s, ['name']), properties: built({ addressPrefixes: stringListOf(s, ['address_prefixes']), addressPrefix: stringOf(s, ['address_prefix']) }, s.pointer) }, s.pointer)),
          },
          r.pointer,
        ),
      },
      r.pointer,
    ),
  };
}

function dnsServers(r: AttributeReader): Sent<Record<string, unknown>> {
  const servers = stringListOf(r, ['dns_servers']);
  return servers === undefined ? undefined : { dnsServers: servers };
}

/** `azurerm_private_dns_zone`: a global resource named by the zone. */
export function mapPrivateDnsZone(r: AttributeReader): MappedResource {
  return { type: 'Microsoft.Network/privateDnsZones', name: nameOf(r), body: built({ location: 'global', tags: stringMapOf(r, ['tags']), properties: {} }, r.pointer) };
}

/**
 * `azurerm_role_assignment`: an extension resource on `scope`. A role given
 * by name has its definition id only after apply.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment
 */
export function mapRoleAssignment(r: AttributeReader): MappedResource {
  const roleName = stringOf(r, ['role_definition_name']);
  const roleId = stringOf(r, ['role_definition_id']);
  return {
    type: 'Microsoft.Authorization/roleAssignments',
    name: nameOf(r),
    scope: stringOf(r, ['scope']) ?? new UnknownValue('scope is not known'),
    body: {
      properties: built(
        {
          roleDefinitionId: roleId instanceof UnknownValue && typeof roleName === 'string' ? new UnknownValue(`the id of the role named '${roleName}', known only after apply`, `role:${roleName}`) : roleId,
          principalId: stringOf(r, ['principal_id']),
          principalType: stringOf(r, ['principal_type']),
        },
        r.pointer,
      ),
    },
  };
}

/**
 * `azurerm_monitor_diagnostic_setting`: on `target_resource_id`, its log
 * categories from `enabled_log` (azurerm 3.x/4) or `log` (azurerm 2/3, with
 * `enabled`), and its destinations.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_diagnostic_setting
 */
export function mapDiagnosticSetting(r: AttributeReader): MappedResource {
  const enabledLogs = r.blocks('enabled_log');
  const legacyLogs = r.blocks('log');
  const logs =
    enabledLogs instanceof UnknownValue
      ? enabledLogs
      : legacyLogs instanceof UnknownValue
        ? legacyLogs
        : [
            ...enabledLogs.map((l) => built({ category: stringOf(l, ['category']), categoryGroup: stringOf(l, ['category_group']), enabled: true }, l.pointer)),
            ...legacyLogs.map((l) => built({ category: stringOf(l, ['category']), categoryGroup: stringOf(l, ['category_group']), enabled: boolOf(l, ['enabled'], true) }, l.pointer)),
          ];
  return {
    type: 'Microsoft.Insights/diagnosticSettings',
    name: nameOf(r),
    scope: stringOf(r, ['target_resource_id']) ?? new UnknownValue('target_resource_id is not known'),
    body: {
      properties: built(
        {
          workspaceId: stringOf(r, ['log_analytics_workspace_id']),
          storageAccountId: stringOf(r, ['storage_account_id']),
          eventHubAuthorizationRuleId: stringOf(r, ['eventhub_authorization_rule_id']),
          logs,
        },
        r.pointer,
      ),
    },
  };
}

/**
 * `azurerm_management_lock`: a lock on `scope` at `lock_level`.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/management_lock
 */
export function mapManagementLock(r: AttributeReader): MappedResource {
  return {
    type: 'Microsoft.Authorization/locks',
    name: nameOf(r),
    scope: stringOf(r, ['scope']) ?? new UnknownValue('scope is not known'),
    body: { properties: built({ level: stringOf(r, ['lock_level']), notes: stringOf(r, ['notes']) }, r.pointer) },
  };
}
