/**
 * The public text of each framework a cited clause comes from.
 * @category Compliance
 */
export const FrameworkTexts = {
  nistSp80053r5: 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final',
  mcsbDataProtection: 'https://learn.microsoft.com/security/benchmark/azure/mcsb-data-protection#dp-3-encrypt-sensitive-data-in-transit',
  pciDss401: 'https://www.pcisecuritystandards.org/document_library/',
  dora: 'https://eur-lex.europa.eu/eli/reg/2022/2554/oj',
  nis2: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj',
} as const;

/**
 * A framework clause a control supports by the framework's own words, where no built-in ties the two.
 * @category Compliance
 */
export interface CitedClause {
  /** The framework's stable id, one of the vendored initiatives (e.g. `nist-sp-800-53-r5`). */
  readonly framework: string;
  /** The clause id as the framework's initiative writes it (e.g. `SC-8`, `4.2.1`, `9.3a`). */
  readonly control: string;
  /** The public document the clause is read from. */
  readonly source: string;
  /** What the clause asks, paraphrased, and how the control bears on it. */
  readonly citation: string;
}

/** The clauses a transit encryption control supports: it encrypts traffic between workloads. */
const TRANSIT_ENCRYPTION: readonly CitedClause[] = [
  {
    framework: 'mcsb',
    control: 'DP-3',
    source: FrameworkTexts.mcsbDataProtection,
    citation: 'DP-3, encrypt sensitive data in transit: data moving between systems is encrypted against interception',
  },
  {
    framework: 'nist-sp-800-53-r5',
    control: 'SC-8',
    source: FrameworkTexts.nistSp80053r5,
    citation: 'SC-8, transmission confidentiality and integrity: information is protected while it is transmitted',
  },
  {
    framework: 'nist-sp-800-53-r5',
    control: 'SC-8(1)',
    source: FrameworkTexts.nistSp80053r5,
    citation: 'SC-8(1), cryptographic protection: that protection is given by cryptographic mechanisms',
  },
  {
    framework: 'pci-dss-4.0.1',
    control: '4.2.1',
    source: FrameworkTexts.pciDss401,
    citation:
      'requirement 4.2.1: strong cryptography protects cardholder data (PAN) while it is transmitted over open, public networks; the control supports it only where that traffic crosses such a network, as your scoping decides',
  },
  {
    framework: 'dora',
    control: '9.3a',
    source: FrameworkTexts.dora,
    citation: 'Article 9(3)(a): the ICT solutions of a financial entity secure the means by which data is transferred',
  },
  {
    framework: 'nis2',
    control: '21',
    source: FrameworkTexts.nis2,
    citation: 'Article 21(2)(h): the cybersecurity risk-management measures include policies and procedures for using cryptography, and encryption where appropriate',
  },
];

/** The clauses a control supports when it keeps components patched and supported. */
const SUPPORTED_AND_PATCHED: readonly CitedClause[] = [
  {
    framework: 'nist-sp-800-53-r5',
    control: 'SI-2',
    source: FrameworkTexts.nistSp80053r5,
    citation: 'SI-2, flaw remediation: flaws are corrected and security-relevant updates installed within a set time of their release',
  },
];

/** The clauses a control supports when it flags a component its developer no longer supports (a version past its end of life). */
const UNSUPPORTED_COMPONENT: readonly CitedClause[] = [
  ...SUPPORTED_AND_PATCHED,
  {
    framework: 'nist-sp-800-53-r5',
    control: 'SA-22',
    source: FrameworkTexts.nistSp80053r5,
    citation: 'SA-22, unsupported system components: a component is replaced once its developer no longer supports it, or its continued support is provided otherwise',
  },
];

/** The clauses an acknowledgement supports: it is a deviation accepted with its reason. */
const ACCEPTED_DEVIATIONS: readonly CitedClause[] = [
  {
    framework: 'nist-sp-800-53-r5',
    control: 'CM-6',
    source: FrameworkTexts.nistSp80053r5,
    citation: 'CM-6 item c, configuration settings: deviations from the established settings are identified, documented and approved',
  },
];

/**
 * Framework clauses of rules and baseline controls that no built-in ties to a
 * framework, each from the framework's public text. A control not listed here
 * and not tied to a built-in is unmapped: no clause is claimed for it.
 * @category Compliance
 */
export const CITED_CLAUSES: Readonly<Record<string, readonly CitedClause[]>> = {
  // Pod traffic between nodes is encrypted (ACNS WireGuard, Calico WireGuard, or virtual network encryption).
  'transit encryption': TRANSIT_ENCRYPTION,
  // The explicit opt-out of that encryption.
  'SAKS-ENC-013': TRANSIT_ENCRYPTION,
  // A hostNetwork workload falls outside that encryption.
  'SAKS-ENC-017': TRANSIT_ENCRYPTION,
  // Calico WireGuard chosen, but its FelixConfiguration not deployed: pod traffic is not encrypted.
  'SAKS-ENC-016': TRANSIT_ENCRYPTION,
  // GitOps sources are fetched over an encrypted transport (not PCI DSS 4.2.1: a GitOps source carries manifests, not cardholder data).
  'SAKS-GIT-001': TRANSIT_ENCRYPTION.filter((c) => c.framework !== 'pci-dss-4.0.1'),
  // Automatic upgrades apply Kubernetes and node image patches.
  'automatic upgrades': SUPPORTED_AND_PATCHED,
  'SAKS-BASE-004': SUPPORTED_AND_PATCHED,
  // An Istio add-on revision past its end of life gets no security patches.
  'SAKS-VER-001': UNSUPPORTED_COMPONENT,
  'SAKS-VER-002': UNSUPPORTED_COMPONENT,
  // A pin older than a published security fix of its line lacks a security-relevant update already released.
  'SAKS-VER-004': SUPPORTED_AND_PATCHED,
  // An acknowledgement records an accepted warning with its reason; a stale one accepts nothing.
  'SAKS-ACK-001': ACCEPTED_DEVIATIONS,
  'SAKS-ACK-002': ACCEPTED_DEVIATIONS,
};
