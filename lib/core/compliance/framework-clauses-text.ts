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

/** The clauses of a rule or baseline control as one line (see `frameworkClausesText`). */
export function frameworkClausesLine(controlId: string): string {
  return frameworkClausesText(frameworkClausesOf(controlId));
}
