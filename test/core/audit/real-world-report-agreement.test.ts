import { describe, expect, test } from 'vitest';
import { EgressPath } from '../../../lib/core/aks/egress-path';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { auditTextSection } from '../../../lib/core/audit/audit-report';
import { DeployedTransitEncryption } from '../../../lib/core/encryption/pod-traffic-encryption';
import { Verdict } from '../../../lib/core/rules/rule-outcome';
import { expectedOf, PROGRAM_FORM, readRealWorldCase, REAL_WORLD_CASES } from '../../support/real-world-corpus';

/** The verdict of SAKS-EGR-001 (no public egress IP) for each answer of the egress line. */
const EGRESS_VERDICT: Readonly<Record<EgressPath['publicEgress'], Verdict>> = { yes: 'fail', no: 'pass', unverified: 'undecided' };

/** The verdicts of SAKS-ENC-013 (some transit encryption) and SAKS-ENC-020 (not virtual network encryption alone) for each mechanism the report names. */
const ENCRYPTION_VERDICTS: Readonly<Record<DeployedTransitEncryption['kind'], readonly [Verdict, Verdict]>> = {
  acnsWireGuard: ['pass', 'pass'],
  calicoWireGuard: ['pass', 'pass'],
  virtualNetworkEncryption: ['pass', 'fail'],
  none: ['fail', 'pass'],
  'not-verified': ['undecided', 'undecided'],
};

const DOCUMENT_CASES = REAL_WORLD_CASES.filter((slug) => expectedOf(slug).form !== PROGRAM_FORM && expectedOf(slug).clusters.length > 0);

/**
 * On every cluster of the real-world corpus (test/fixtures/real-world), the
 * audit's egress line and transit encryption say what the rules decided on
 * the same cluster: the reports and the rules have one reading.
 */
describe.each(DOCUMENT_CASES)('%s', (slug) => {
  test('the egress line and the transit encryption the audit reports agree with the rules\' verdicts', () => {
    const { deployment } = readRealWorldCase(slug);
    for (const cluster of deployment.clusters) {
      const audit = auditCluster(cluster);
      const verdict = (id: string) => audit.outcomes.find((o) => o.rule.id === id)!.verdict;
      expect([cluster.name, audit.egress.publicEgress, verdict('SAKS-EGR-001')]).toEqual([cluster.name, audit.egress.publicEgress, EGRESS_VERDICT[audit.egress.publicEgress]]);
      const kind = audit.transitEncryption.kind;
      expect([cluster.name, kind, verdict('SAKS-ENC-013'), verdict('SAKS-ENC-020')]).toEqual([cluster.name, kind, ...ENCRYPTION_VERDICTS[kind]]);
      // The in-cluster rows claim nothing the mechanism does not: not verified exactly when the mechanism is not.
      const inCluster = audit.coverage.filter((f) => ['pod-to-pod-same-node', 'pod-to-pod-cross-node', 'host-network-pods', 'node-to-node'].includes(f.flow));
      expect(inCluster.every((f) => f.status === 'not-verified')).toBe(kind === 'not-verified');
      // The text report prints that statement.
      const text = auditTextSection(audit);
      expect(text).toContain(`Public egress path: ${audit.egress.publicEgress === 'unverified' ? 'not verified offline' : audit.egress.publicEgress}: `);
      expect(text).toContain(`(${audit.transitEncryption.reason}).`);
    }
  });
});
