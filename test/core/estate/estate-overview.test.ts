import { expect, test } from 'vitest';
import { EstateModel, renderEstateOverview } from '../../../lib';
import { props } from '../../../examples/estate/definition';

test('the overview draws every cluster in its region, the hub, and each link as its three segments', () => {
  const estate = EstateModel.build(props);
  const md = renderEstateOverview(estate);
  const mermaid = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3));
  for (const c of estate.clusters.values()) expect(mermaid).toContain(`["${c.name} (${c.addressSpace}, GitOps)"]`);
  for (const l of estate.links) {
    expect(mermaid).toMatch(new RegExp(`-->\\|"1 mesh CA ${l.client}"\\| egress_${l.name.replace(/-/g, '_')}\\b`));
    expect(mermaid).toContain(`egress_${l.name.replace(/-/g, '_')} ==>|"2 customer CA"| ingress_${l.name.replace(/-/g, '_')}`);
    expect(mermaid).toMatch(new RegExp(`ingress_${l.name.replace(/-/g, '_')} -->\\|"3 mesh CA ${l.server}"\\|`));
  }
  // Three rows per service in the table: one per segment.
  expect(md.match(/^\| [a-z-]+ \| [a-z-]+ → [a-z-]+ \| [a-z-]+ \| [123] \|/gm)).toHaveLength(3 * estate.links.reduce((n, l) => n + l.link.services.length, 0));
});

test('two names that would read alike as Mermaid ids stay two nodes', () => {
  const estate = EstateModel.build({
    ...props,
    clusters: props.clusters.map((c) => (c.name === 'reporting' ? { ...c, name: 'fx_rates', dnsPrefix: 'fx-rates-2' } : c)),
    links: props.links.map((l) => (l.client === 'reporting' ? { ...l, client: 'fx_rates' } : l)),
  });
  const md = renderEstateOverview(estate);
  expect(md).toContain('subgraph cluster_fx_rates["fx-rates');
  expect(md).toContain('subgraph cluster_fx_rates_2["fx_rates');
});
