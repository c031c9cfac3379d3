import { expect, test } from 'vitest';
import { EstateModel, PodNetworking, validateEstate } from '../../../lib';
import { deriveServiceRange } from '../../../lib/core/estate/estate-address-plan';
import { Ipv4Cidr } from '../../../lib/core/net/ipv4-cidr';
import { findInvalidForApiServer } from '../../../lib/core/kubernetes/api-server-validity';
import { props as ESTATE } from '../../../examples/estate/definition';

const errors = (p: typeof ESTATE) => validateEstate(p).errors.map((v) => `${v.rule.id} ${v.property}`);

test('the example\'s clusters get a service range outside the hub, the spokes and their pod CIDR', () => {
  const estate = EstateModel.build(ESTATE);
  for (const c of estate.clusters.values()) {
    expect([c.model.config.serviceCidr, c.model.config.dnsServiceIp]).toEqual(['10.1.0.0/16', '10.1.0.10']);
    const service = Ipv4Cidr.of(c.model.config.serviceCidr);
    for (const n of [...ESTATE.hub.addressSpace, ...ESTATE.clusters.map((x) => x.addressSpace), '10.244.0.0/16']) expect(service.overlaps(Ipv4Cidr.of(n)), n).toBe(false);
  }
});

test('declared connected networks move the derived range and are checked against given ones', () => {
  const estate = EstateModel.build({ ...ESTATE, connectedNetworks: ['10.1.0.0/16', '10.2.0.0/15'] });
  expect(estate.clusters.get('payments')!.model.config.serviceCidr).toBe('10.4.0.0/16');
  expect(validateEstate({ ...ESTATE, connectedNetworks: ['10.10.128.0/24'] }).errors.map((v) => [v.rule.id, v.property, v.fix])).toContainEqual(['SAKS-EST-002', 'clusters[0].addressSpace', 'choose a block that does not overlap 10.10.128.0/24 (connectedNetworks[0])']);
  const given = { ...ESTATE, connectedNetworks: ['192.168.0.0/16'], clusters: ESTATE.clusters.map((c, i) => (i === 1 ? { ...c, serviceCidr: '192.168.0.0/20', dnsServiceIp: '192.168.0.10' } : c)) };
  expect(errors(given)).toEqual(['SAKS-EST-010 clusters[1].serviceCidr', 'SAKS-EST-010 clusters[1].dnsServiceIp']);
});

test('a pod CIDR over another spoke is refused; a given range elsewhere is kept', () => {
  const pods = { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i === 0 ? { ...c, podNetworking: PodNetworking.azureCniOverlay({ podCidr: '10.20.0.0/16' }) } : c)) };
  expect(errors(pods)).toEqual(['SAKS-EST-010 clusters[0].podNetworking.podCidr']);
  const kept = EstateModel.build({ ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i === 0 ? { ...c, serviceCidr: '172.20.0.0/16', dnsServiceIp: '172.20.0.10' } : c)) });
  expect(kept.clusters.get('payments')!.model.config.serviceCidr).toBe('172.20.0.0/16');
});

test('the derivation skips AKS\'s reserved ranges and says when nothing is free', () => {
  const tenEight = Ipv4Cidr.of('10.0.0.0/8');
  expect(deriveServiceRange([tenEight, Ipv4Cidr.of('172.16.0.0/14')])).toEqual({ serviceCidr: '172.20.0.0/16', dnsServiceIp: '172.20.0.10' });
  expect(deriveServiceRange([tenEight, Ipv4Cidr.of('172.16.0.0/12')])?.serviceCidr).toBe('192.168.0.0/16');
  expect(deriveServiceRange([tenEight, Ipv4Cidr.of('172.16.0.0/12'), Ipv4Cidr.of('192.168.0.0/16')])).toBeUndefined();
});

test('a revision too long for a label value is refused before any object is written, with the other problems at once', () => {
  const revision = `asm-1-${'1'.repeat(58)}`;
  expect(revision.length).toBe(64);
  const bad = { ...ESTATE, meshDistribution: 'aksIstioAddon' as const, versions: { aksIstioRevision: revision }, links: ESTATE.links.map((l, i) => (i === 0 ? { ...l, ingressIp: '20.50.1.4' } : l)) };
  const found = validateEstate(bad).errors;
  // Reported where the user gives the revision, once, not at each cluster's and link's copy of it.
  expect(found.filter((v) => v.value === revision).map((v) => v.property)).toContain('versions.aksIstioRevision');
  expect(found.some((v) => /istioAddon|flavour/.test(v.property))).toBe(false);
  expect(found.some((v) => v.rule.id === 'SAKS-EST-011' && v.property === 'links[0].ingressIp')).toBe(true);
});

test('the API server\'s label rules reach the pod template and the selector, where istio.io/rev is written', () => {
  const revision = `asm-1-${'1'.repeat(58)}`;
  const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'gw', namespace: 'ns', annotations: { 'bad key!': 'x' } }, spec: { selector: { matchLabels: { app: 'gw' } }, template: { metadata: { labels: { 'istio.io/rev': revision } } } } };
  const found = findInvalidForApiServer([deployment]).map((f) => f.message);
  expect(found).toHaveLength(2);
  expect(found.some((m) => m.includes(`spec.template.metadata.labels label istio.io/rev="${revision}"`))).toBe(true);
  expect(found.some((m) => m.includes('annotation key "bad key!"'))).toBe(true);
  expect(findInvalidForApiServer([{ ...deployment, metadata: { name: 'gw', namespace: 'ns' }, spec: { ...deployment.spec, template: { metadata: { labels: { 'istio.io/rev': 'asm-1-27' } } } } }])).toEqual([]);
});
