import { FrameworkClause, frameworkClausesOf } from './framework-clauses';

/** Short names of the frameworks for table cells; the full names are the initiatives' display names. */
export const FRAMEWORK_LABELS: Readonly<Record<string, string>> = {
  mcsb: 'MCSB',
  'nist-sp-800-53-r5': 'NIST SP 800-53 R5',
  'pci-dss-4.0.1': 'PCI DSS 4.0.1',
  'iso-27001-2022': 'ISO/IEC 27001:2022',
  dora: 'DORA',
  nis2: 'NIS2',
  'swift-cscf-2024': 'SWIFT CSCF 2024',
  'cis-azure-3.0.0': 'CIS Azure 3.0.0',
};

/** What a report's Frameworks column holds, said once for every report. */
export const FRAMEWORKS_NOTE =
  'The Frameworks column gives the clauses each control supports: from Microsoft\'s regulatory-compliance initiatives for Azure Policy, through the built-in that checks the same property, or "(cited)" from the framework\'s public text. "unmapped" claims none. docs/frameworks.md says how each is derived.';

/**
 * Clauses as one line, per framework in order: `MCSB NS-2; NIST SP 800-53 R5
 * AC-4, SC-7`. A clause supported only by a cited source is marked "(cited)";
 * the others come from Microsoft's initiatives through a built-in.
 * `unmapped` when there is none.
 */
export function frameworkClausesText(clauses: readonly FrameworkClause[]): string {
  if (clauses.length === 0) return 'unmapped';
  const frameworks = new Map<string, Map<string, boolean>>();
  for (const c of clauses) {
    const controls = frameworks.get(c.framework) ?? new Map<string, boolean>();
    controls.set(c.control, (controls.get(c.control) ?? false) || c.basis.kind === 'built-in');
    frameworks.set(c.framework, controls);
  }
  return [...frameworks]
    .map(([framework, controls]) => `${FRAMEWORK_LABELS[framework] ?? framework} ${[...controls].map(([control, builtIn]) => (builtIn ? control : `${control} (cited)`)).join(', ')}`)
    .join('; ');
}

const lines = new Map<string, string>();

/** The clauses of a rule or baseline control as one line (see `frameworkClausesText`), written once per control. */
export function frameworkClausesLine(controlId: string): string {
  let line = lines.get(controlId);
  if (line === undefined) {
    line = frameworkClausesText(frameworkClausesOf(controlId));
    lines.set(controlId, line);
  }
  return line;
}

/** Each clause once, as `<framework> <clause>` (`NIST SP 800-53 R5 SC-7`), "(cited)" where no built-in supports it: tags for other tools. */
export function frameworkClauseLabels(clauses: readonly FrameworkClause[]): string[] {
  const builtIn = new Set(clauses.filter((c) => c.basis.kind === 'built-in').map((c) => `${c.framework} ${c.control}`));
  const labels = clauses.map((c) => `${FRAMEWORK_LABELS[c.framework] ?? c.framework} ${c.control}${builtIn.has(`${c.framework} ${c.control}`) ? '' : ' (cited)'}`);
  return [...new Set(labels)];
}
