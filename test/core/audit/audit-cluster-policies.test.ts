import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { decodeDocument, parseJsonDocument } from '../../../lib/core/readers/document-text';
import { readDocument } from '../../../lib/core/readers/read-document';

/**
 * The audit evaluates Azure Policy's built-ins on the description as read
 * (not on copies of it), on real templates nobody here wrote
 * (test/fixtures/real-world, each with its SOURCE.md). Each expected state is
 * read off the template's own values, quoted beside it.
 */
const ROOT = path.resolve(__dirname, '../../fixtures/real-world');

function policyStates(file: string, pointer: string): Record<string, string> {
  const decoded = decodeDocument(fs.readFileSync(path.join(ROOT, file)), file);
  if ('problem' in decoded) throw new Error(decoded.problem.message);
  const parsed = parseJsonDocument(decoded.text, file);
  if ('problems' in parsed) throw new Error(parsed.problems[0].message);
  const cluster = describeDeployment([readDocument(parsed.value, file)]).clusters.find((c) => c.resource.origin.pointer === pointer);
  if (!cluster) throw new Error(`no cluster at ${file}#${pointer}`);
  const audit = auditCluster(cluster, 'arm-template', { evaluationDate: '2026-12-01' });
  return Object.fromEntries(audit.policies.map((p) => [p.result.definition.file, p.state]));
}

test('Azure Verified Modules (azd AKS pattern): null is not set, an unknown parameter is undecided, the diagnostic setting on the cluster is found', () => {
  const states = policyStates('avm-ptn-azd-aks/main.json', '/resources/managedCluster/properties/template/resources/managedCluster');
  // "diskEncryptionSetID": "[parameters('diskEncryptionSetResourceId')]", a nullable parameter given no value: null.
  expect(states['AKS_CMK_Deny.json']).toBe('non-compliant');
  // authorizedIPRanges from a nullable parameter given no value (null), enablePrivateCluster at its default false.
  expect(states['ASC_EnableIpRanges_KubernetesService_Audit.json']).toBe('non-compliant');
  // "servicePrincipalProfile" from a nullable parameter given no value: null.
  expect(states['AKS_MSI_Audit.json']).toBe('compliant');
  // aadProfile depends on the parameter 'aadProfile', which has no default value.
  expect(states['AKS_AAD_Integration_Audit.json']).toBe('undecided');
  // Its diagnostic setting is scoped to the cluster and sends kube-audit-admin.
  expect(states['AuditDiagnosticLog_Audit.json']).toBe('compliant');
});

test('AKS baseline cluster stamp: the diagnostic setting scoped to the cluster is the related resource AuditIfNotExists looks for', () => {
  const states = policyStates('aks-baseline-cluster-stamp-2022/cluster-stamp.json', '/resources/17');
  expect(states['AuditDiagnosticLog_Audit.json']).toBe('compliant');
  // No "diskEncryptionSetID" in the template.
  expect(states['AKS_CMK_Deny.json']).toBe('non-compliant');
});

test('AKS construction helper: aadProfile, if(parameters(\'enable_aad\'), ..., null()) at the default false, is no Entra ID integration', () => {
  const states = policyStates('aks-construction-main-2022/main.json', '/resources/18');
  expect(states['AKS_AAD_Integration_Audit.json']).toBe('non-compliant');
});
