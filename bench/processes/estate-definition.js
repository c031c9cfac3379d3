// An estate of `clusters` clusters around a hub with `links` links, each
// carrying one service, spread over the clusters in both directions.
exports.estateProps = (clusters, links, { ClusterDelivery, CustomerCaIssuer, GitOpsSource }) => {
  const sub = '00000000-0000-0000-0000-000000000000';
  const name = (i) => `c${String(i).padStart(3, '0')}`;
  const delivery = (group) =>
    ClusterDelivery.gitOps({
      source: GitOpsSource.ociRepository({ url: 'oci://contoso.azurecr.io/estate', tag: 'prod', identity: { identityId: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/flux${group === 0 ? '' : `-${group}`}`, clientId: `00000000-0000-0000-0000-0000000000${(0xf1 + group).toString(16)}` } }),
    });
  return {
    subscriptionId: sub,
    hub: { virtualNetworkId: `/subscriptions/${sub}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub`, addressSpace: ['10.0.0.0/22'], firewallPrivateIp: '10.0.1.4' },
    clusters: Array.from({ length: clusters }, (_, i) => ({
      name: name(i),
      location: i % 2 === 0 ? 'westeurope' : 'northeurope',
      addressSpace: `10.${10 + Math.floor(i / 4)}.${(i % 4) * 64}.0/18`,
      adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'],
      // Entra takes at most 20 federated credentials on one identity: one Flux identity per 20 clusters.
      delivery: delivery(Math.floor(i / 20)),
    })),
    links: Array.from({ length: links }, (_, j) => {
      const client = j % clusters;
      const server = (client + 1 + (Math.floor(j / clusters) % (clusters - 1))) % clusters;
      return {
        name: `l${j}`,
        client: name(client),
        server: name(server),
        ingressIp: `10.${10 + Math.floor(server / 4)}.${(server % 4) * 64 + 8 + Math.floor((j % 1000) / 250)}.${10 + (j % 240)}`,
        services: [{ name: `s${j}`, host: `s${j}.${name(server)}.internal.example`, clientPort: 5432, gatewayPort: 15432, backend: { host: `db${j}.default.svc.cluster.local`, port: 5432 }, clientNamespaces: ['apps'] }],
      };
    }),
    issuer: CustomerCaIssuer.fromCaSecret({ secretName: 'customer-ca' }),
    delivery: delivery(0),
  };
};
