import { AZURE_POLICY_AKS_DEFINITIONS } from '../policy/azure-policy-definitions.generated';
import { BUILT_IN_TIES } from './built-in-ties';
import { CITED_CLAUSES } from './cited-clauses';
import { RegulatoryInitiative } from './regulatory-initiative';
import { REGULATORY_INITIATIVES } from './regulatory-initiatives.generated';

/** Why a control supports a clause: Microsoft's initiative assigns a built-in that checks the same property, or the framework's own text. */
export type ClauseBasis =
  | {
      readonly kind: 'built-in';
      /** The built-in's definition name (a GUID). */
      readonly policyDefinitionName: string;
      /** The built-in's display name. */
      readonly displayName: string;
      /** The display name of the initiative that assigns the built-in to the clause. */
      readonly initiative: string;
    }
  | {
      readonly kind: 'cited';
      /** The public document the clause is read from. */
      readonly source: string;
      /** What the clause asks, paraphrased, and how the control bears on it. */
      readonly citation: string;
    };

/** One clause of a compliance framework that a rule or a baseline control supports, with its basis. */
export interface FrameworkClause {
  /** The framework's stable id: `mcsb`, `nist-sp-800-53-r5`, `pci-dss-4.0.1`, `iso-27001-2022`, `dora`, `nis2`, `swift-cscf-2024`, `cis-azure-3.0.0`. */
  readonly framework: string;
  /** The framework's name, as Microsoft's initiative names it. */
  readonly frameworkName: string;
  /** The clause id as the initiative writes it, e.g. `SC-8`, `NS-2`, `4.2.1`, `9.3a`. */
  readonly control: string;
  /** The group's title, where the initiative gives one. */
  readonly title?: string;
  readonly basis: ClauseBasis;
}

const byFramework = new Map(REGULATORY_INITIATIVES.map((i) => [i.framework, i]));
const displayNames = new Map(AZURE_POLICY_AKS_DEFINITIONS.map((d) => [d.name, d.displayName]));

/** A clause id without the initiative's prefix: `NIST_SP_800-53_R5_SC-7(3)` is `SC-7(3)`. */
function controlOf(initiative: RegulatoryInitiative, groupName: string): string {
  return groupName.slice(initiative.groupPrefix.length);
}

/** Each initiative's groups by name, indexed once (NIST's has about a thousand). */
const groupsByName = new Map(REGULATORY_INITIATIVES.map((i) => [i, new Map(i.groups.map((g) => [g.name, g]))]));

function titleOf(initiative: RegulatoryInitiative, control: string): string | undefined {
  const group = groupsByName.get(initiative)!.get(initiative.groupPrefix + control);
  return group?.displayName ?? group?.category;
}

/** Control ids in reading order: `SC-7` before `SC-7(3)` before `SC-12`; `9.3a` before `10`. */
export function compareControlIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i], pb[i]];
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const d = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

const FRAMEWORK_ORDER = REGULATORY_INITIATIVES.map((i) => i.framework);
const basisKey = (b: ClauseBasis) => (b.kind === 'built-in' ? `0${b.policyDefinitionName}` : `1${b.citation}`);

function compareClauses(a: FrameworkClause, b: FrameworkClause): number {
  return (
    FRAMEWORK_ORDER.indexOf(a.framework) - FRAMEWORK_ORDER.indexOf(b.framework) ||
    compareControlIds(a.control, b.control) ||
    (basisKey(a.basis) < basisKey(b.basis) ? -1 : basisKey(a.basis) > basisKey(b.basis) ? 1 : 0)
  );
}

function builtInClauses(controlId: string): FrameworkClause[] {
  const names = BUILT_IN_TIES.filter((t) => t.controls.some((c) => c.id === controlId)).map((t) => t.policyDefinitionName);
  return names.flatMap((policyDefinitionName) =>
    REGULATORY_INITIATIVES.flatMap((initiative) =>
      (initiative.members.find((m) => m.policyDefinitionName === policyDefinitionName)?.groupNames ?? []).map((groupName): FrameworkClause => {
        const control = controlOf(initiative, groupName);
        const title = titleOf(initiative, control);
        return {
          framework: initiative.framework,
          frameworkName: initiative.displayName,
          control,
          ...(title ? { title } : {}),
          basis: { kind: 'built-in', policyDefinitionName, displayName: displayNames.get(policyDefinitionName) ?? policyDefinitionName, initiative: initiative.displayName },
        };
      }),
    ),
  );
}

function citedClauses(controlId: string): FrameworkClause[] {
  return (CITED_CLAUSES[controlId] ?? []).map((c): FrameworkClause => {
    const initiative = byFramework.get(c.framework);
    const title = initiative ? titleOf(initiative, c.control) : undefined;
    return {
      framework: c.framework,
      frameworkName: initiative?.displayName ?? c.framework,
      control: c.control,
      ...(title ? { title } : {}),
      basis: { kind: 'cited', source: c.source, citation: c.citation },
    };
  });
}

/** Each control's clauses, derived once: the mappings are fixed data, and an audit asks per finding. */
const derived = new Map<string, readonly FrameworkClause[]>();

/**
 * The framework clauses a rule (by id, e.g. `SAKS-API-005`) or a security
 * baseline control (by its id, e.g. `local accounts`) supports, sorted by
 * framework and clause; `[]` when it is unmapped. A clause comes from a
 * built-in that checks the same property (BUILT_IN_TIES), as Microsoft's
 * initiatives assign it, or from the framework's public text (CITED_CLAUSES).
 */
export function frameworkClausesOf(controlId: string): readonly FrameworkClause[] {
  let clauses = derived.get(controlId);
  if (!clauses) {
    clauses = Object.freeze([...builtInClauses(controlId), ...citedClauses(controlId)].sort(compareClauses));
    derived.set(controlId, clauses);
  }
  return clauses;
}
