import { expect, test } from 'vitest';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { guardEmittedStrings } from '../../../lib/core/audit/emitted-strings';
import { Rules } from '../../../lib/core/validation/rule-catalog';
import { renderAuditText } from '../../../lib/core/audit/audit-report';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { parseJsonDocument } from '../../../lib/core/readers/document-text';
import { readDocument } from '../../../lib/core/readers/read-document';
import { hardenedPayload } from '../../support/misconfiguration-corpus';

const audit = (document: unknown) => describeDeployment([readDocument(document, 'doc.json')]).clusters.map((c) => auditCluster(c));

test('a control character in a string no finding prints does not refuse the document (a multi-line KQL query of an alert)', () => {
  const text = `{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","resources":[
    {"type":"Microsoft.Insights/scheduledQueryRules","apiVersion":"2023-03-15-preview","name":"alert","location":"westeurope","properties":{"criteria":{"allOf":[{"query":"KubePodInventory\r\n| where PodStatus == 'Failed'"}]}}},
    ${JSON.stringify({ ...hardenedPayload(), apiVersion: '2026-06-01' })}]}`;
  const parsed = parseJsonDocument(text, 'doc.json');
  expect('problems' in parsed).toBe(false);
  const [a] = audit((parsed as { value: unknown }).value);
  expect(a.violations.filter((v) => v.rule.id === 'SAKS-INPUT-002')).toEqual([]);
});

test('a string a finding prints is escaped in every report and refused where it is written, with its pointer', () => {
  const cluster = hardenedPayload({ apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['0.0.0.0/0\u202E'] } });
  const [a] = audit(cluster);
  const refused = a.violations.filter((v) => v.rule.id === 'SAKS-INPUT-002');
  expect(refused.length).toBeGreaterThan(0);
  expect(refused[0].at).toMatchObject({ document: 'doc.json', pointer: '/properties/apiServerAccessProfile/authorizedIPRanges/0' });
  const text = renderAuditText({ audits: [a], problems: [] });
  expect(text).not.toContain('\u202E');
  expect(text).toContain('\\u202E');
});

test('the refusal names the first unsafe character a finding prints: its property, then each name and value in order', () => {
  const finding = (property: string, value: unknown) => ({ rule: Rules.apiServerPublicEndpoint, property, value, fix: 'f' });
  const detail = (property: string, value: unknown) => guardEmittedStrings([finding(property, value)]).find((v) => v.rule.id === 'SAKS-INPUT-002')?.detail;
  expect(detail('p', { a: ['ok', 'x\u202e'], 'b\u200b': 'y' })).toBe('U+202E right-to-left override at position 1');
  expect(detail('p', { 'b\u200b': 'y\u202e', a: 'x' })).toBe('U+200B zero width space at position 1');
  expect(detail('p\u0007', { a: 'x\u202e' })).toBe('U+0007 control character at position 1');
  expect(detail('p', [1, null, { a: 'plain' }])).toBeUndefined();
});
