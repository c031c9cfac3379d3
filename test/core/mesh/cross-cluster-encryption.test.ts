import { expect, test } from 'vitest';
import { crossClusterCoverage, crossClusterCoverageOf, linkAdmissionPoliciesOnce } from '../../../lib/core/mesh/cross-cluster-encryption';
import { linkAdmissionPolicies } from '../../../lib/core/mesh/link-admission-policy';
import { mysqlLink } from '../../support/mesh-fixtures';

test('the coverage of links whose policies are written once per link is the coverage of the links', () => {
  const mysql = mysqlLink();
  const ledger = mysqlLink({ name: 'ledger' });
  const policiesOf = linkAdmissionPoliciesOnce();
  // A link that joins two clusters is asked for twice: the second time gets what the first wrote.
  expect(crossClusterCoverageOf([mysql, ledger], policiesOf)).toEqual(crossClusterCoverage(mysql, ledger));
  expect(crossClusterCoverageOf([ledger], policiesOf)).toEqual(crossClusterCoverage(ledger));
  expect(policiesOf(ledger)).toBe(policiesOf(ledger));
  expect(policiesOf(ledger)).toEqual([...linkAdmissionPolicies(ledger, 'client'), ...linkAdmissionPolicies(ledger, 'server')]);
  expect(policiesOf(ledger)).not.toEqual(policiesOf(mysql));
});
