import { describe, expect, test } from 'vitest';
import {
  ClusterDelivery,
  EstateModel,
  EstateProps,
  ManagedClusterModel,
  GitOpsSource,
  OutboundType,
  Rules,
  validateEstate,
  checkServiceDns,
  validateFluxObject,
} from '../../../lib';
import { props as exampleProps } from '../../../examples/estate/definition';
import { MicrosoftModels, unknownFluxConfigurationProperties } from '../../support/microsoft-models';
import { templateResources, unknownProperties, wireBody } from '../../support/template-resources';
import { expectValidationError } from '../../support/validation-error';

const estate = EstateModel.build(exampleProps);

describe('the templates against Microsoft\'s published models', () => {
  const templates = [
    ...[...estate.clusters.keys()].map((n) => [n, estate.clusterTemplate(n)] as const),
    ['hub', estate.hubTemplate()] as const,
    ['flux credentials', estate.fluxCredentialsTemplate()!] as const,
  ];
  const all = templates.flatMap(([t, template]) => templateResources(template).filter((r) => r.resource.type !== 'Microsoft.Resources/deployments').map((r) => [t, r.resource.type, r.resource.name, r.resource] as const));

  test.each(all)('%s: %s %s is valid at its pinned API version', (_t, type, _name, resource) => {
    const body = wireBody(resource);
    if (type === 'Microsoft.KubernetesConfiguration/fluxConfigurations') {
      expect(resource.apiVersion).toBe('2025-04-01');
      expect(unknownFluxConfigurationProperties(body)).toEqual([]);
      return;
    }
    const model = MicrosoftModels[type];
    expect(model, `no Microsoft model wired for ${type}`).toBeDefined();
    expect(resource.apiVersion).toBe(model.apiVersion());
    expect(unknownProperties(body, model.roundTrip(body))).toEqual([]);
  });

  test('the model checks can fail: a misspelled Flux property is reported', () => {
    const flux = all.find(([, type]) => type === 'Microsoft.KubernetesConfiguration/fluxConfigurations')![3];
    const body = wireBody({ ...flux, properties: { ...flux.properties, ociRepository: { ...flux.properties.ociRepository, useWorkloadIdentityy: true } } });
    expect(unknownFluxConfigurationProperties(body)).toEqual(['properties.ociRepository.useWorkloadIdentityy']);
    const ext = all.find(([, type]) => type === 'Microsoft.KubernetesConfiguration/extensions')![3];
    const extBody = wireBody({ ...ext, properties: { ...ext.properties, autoUpgradeMinorVersions: false } });
    expect(unknownProperties(extBody, MicrosoftModels['Microsoft.KubernetesConfiguration/extensions'].roundTrip(extBody))).toEqual(['properties.autoUpgradeMinorVersions']);
  });
});

describe('GitOps delivery', () => {
  test('each cluster gets the pinned Flux extension with workload identity, and a fluxConfiguration of three ordered layers', () => {
    const resources = templateResources(estate.clusterTemplate('payments')).map((r) => r.resource);
    const ext = resources.find((r) => r.type === 'Microsoft.KubernetesConfiguration/extensions')!;
    expect(ext.scope).toMatch(/Microsoft\.ContainerService\/managedClusters/);
    expect(ext.properties).toMatchObject({
      extensionType: 'microsoft.flux',
      autoUpgradeMinorVersion: false,
      configurationSettings: { 'workloadIdentity.enable': 'true', 'workloadIdentity.azureClientId': exampleProps.delivery.source!.identity!.clientId },
    });
    const flux = resources.find((r) => r.type === 'Microsoft.KubernetesConfiguration/fluxConfigurations')!;
    expect(flux.properties.ociRepository).toMatchObject({ url: 'oci://contosoplatform.azurecr.io/estate/clusters', useWorkloadIdentity: true, insecure: false, repositoryRef: { tag: 'production' } });
    const k = flux.properties.kustomizations;
    expect(Object.keys(k)).toEqual(['prerequisites', 'issuer', 'mesh']);
    expect([k.prerequisites.dependsOn, k.issuer.dependsOn, k.mesh.dependsOn]).toEqual([[], ['prerequisites'], ['issuer']]);
    expect(Object.values(k).every((x: any) => x.wait === true && x.path.startsWith('./clusters/payments/'))).toBe(true);
    // The cluster's template writes no credential on the shared pull identity: the estate's credentials template does.
    expect(resources.filter((r) => r.type === 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials')).toEqual([]);
  });

  test('each cluster has its own Flux credential on the shared identity, in one template, created one after another', () => {
    const template = estate.fluxCredentialsTemplate()!;
    const nested = template.resources as any[];
    const credentials = templateResources(template).map((r) => r.resource).filter((r) => r.type !== 'Microsoft.Resources/deployments');
    expect(credentials.map((r) => r.name)).toEqual(['payments', 'ledger', 'fx-rates', 'reporting'].map((c) => `flux-pull/${c}-flux-source-controller`));
    expect(new Set(credentials.map((r) => r.properties.issuer)).size).toBe(4);
    expect(credentials[1].properties).toMatchObject({
      subject: 'system:serviceaccount:flux-system:source-controller',
      issuer: "[reference('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ledger/providers/Microsoft.ContainerService/managedClusters/ledger', '2026-06-01').oidcIssuerProfile.issuerURL]",
    });
    // A chain: each nested deployment depends on the one before it, the first on none.
    expect(nested[0].dependsOn).toBeUndefined();
    nested.slice(1).forEach((d, i) => expect(d.dependsOn).toEqual([expect.stringContaining(`'nested-flux-credential-${['payments', 'ledger', 'fx-rates'][i]}'`)]));
  });

  test('clusters with their own pull identities get a credential each, chained per identity only', () => {
    const identity = (n: string) => ({ identityId: `/subscriptions/${exampleProps.subscriptionId}/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities/flux-${n}`, clientId: '00000000-0000-0000-0000-0000000000f2' });
    const own = (n: string) => ClusterDelivery.gitOps({ source: GitOpsSource.ociRepository({ url: 'oci://contosoplatform.azurecr.io/estate/clusters', tag: 'production', identity: identity(n) }) });
    const e = EstateModel.build({ ...exampleProps, clusters: exampleProps.clusters.map((c) => ({ ...c, delivery: own(c.name) })) });
    const credentials = e.fluxCredentials();
    expect(credentials.map((r) => r.name[0])).toEqual(['flux-payments', 'flux-ledger', 'flux-fx-rates', 'flux-reporting']);
    expect(credentials.every((r) => r.dependsOn === undefined)).toBe(true);
  });

  test('every Flux object of every tree is valid against the Flux CRDs, and the check can fail', () => {
    for (const name of estate.clusters.keys()) {
      const tree = estate.gitOpsTree(name);
      const flux = Object.values(tree.prerequisites).flat();
      // One HelmRelease per pinned chart, one HelmRepository per repository they come from (the example's mirror).
      expect(flux.filter((o) => o.kind === 'HelmRelease').map((o) => o.metadata.name)).toEqual(estate.prerequisites().map((c) => c.name));
      expect(flux.filter((o) => o.kind === 'HelmRepository').map((o: any) => o.spec.url)).toEqual(['oci://contosoplatform.azurecr.io/helm']);
      for (const o of flux) expect(validateFluxObject(o)).toEqual([]);
      const istiod = flux.find((o) => o.metadata.name === 'istiod') as any;
      expect(istiod.spec.dependsOn).toEqual([{ name: 'istio-base' }]);
      const broken = { ...istiod, spec: { ...istiod.spec, chartRef: { kind: 'OCIRepository', name: 'x' }, wait: true } };
      expect(validateFluxObject(broken).map((f) => f.path)).toEqual(expect.arrayContaining(['/spec/wait', '/spec']));
    }
  });

  test('a network-isolated cluster must pull from an Azure Container Registry; a plaintext source is refused', () => {
    const isolated: EstateProps = {
      ...exampleProps,
      helmChartMirror: undefined,
      clusters: exampleProps.clusters.map((c, i) => (i === 3 ? { ...c, outboundType: OutboundType.networkIsolated() } : c)),
      links: exampleProps.links.filter((l) => l.client !== 'reporting'),
      delivery: ClusterDelivery.gitOps({ source: GitOpsSource.gitRepository({ url: 'http://git.example/platform', branch: 'main' }) }),
    };
    const errors = validateEstate(isolated).errors;
    // Found on every cluster the delivery reaches, reported once.
    expect(errors.filter((e) => e.rule === Rules.gitOpsSourceTransport).map((e) => e.property)).toEqual(['delivery.source.url']);
    expect(errors.filter((e) => e.rule === Rules.gitOpsIsolatedSource).map((e) => [e.property, e.value])).toEqual([
      ['delivery.source.url', 'http://git.example/platform'],
      // Nor can it fetch the Helm charts from their public repositories.
      ['helmChartMirror', undefined],
    ]);
  });

  test('with a Helm chart mirror, every tree fetches the charts from it, as an OCI Helm repository with Azure authentication', () => {
    const mirrored = EstateModel.build({ ...exampleProps, helmChartMirror: 'oci://contosoplatform.azurecr.io/helm/' });
    const tree = mirrored.gitOpsTree('payments');
    expect(tree.prerequisites['helm-repositories.yaml'].map((o) => o.spec)).toEqual([{ url: 'oci://contosoplatform.azurecr.io/helm', interval: '1h', type: 'oci', provider: 'azure' }]);
    expect(tree.prerequisites['helm-releases.yaml'].map((o: any) => o.spec.chart.spec.sourceRef.name)).toEqual(['contosoplatform-azurecr-io', 'contosoplatform-azurecr-io', 'contosoplatform-azurecr-io']);
    for (const o of Object.values(tree.prerequisites).flat()) expect(validateFluxObject(o)).toEqual([]);
    expect(validateEstate({ ...exampleProps, helmChartMirror: 'https://charts.example' }).errors.map((e) => [e.rule.id, e.property])).toEqual([[Rules.gitOpsSourceTransport.id, 'helmChartMirror']]);
    // An isolated cluster is satisfied by an Azure Container Registry mirror.
    const isolated = { ...exampleProps, helmChartMirror: 'oci://contosoplatform.azurecr.io/helm', clusters: exampleProps.clusters.map((c, i) => (i === 3 ? { ...c, outboundType: OutboundType.networkIsolated() } : c)) };
    expect(validateEstate(isolated).errors.filter((e) => e.rule === Rules.gitOpsIsolatedSource)).toEqual([]);
  });

  test('the subscription and resource groups the spokes\' ids are written from are well formed', () => {
    const bad = { ...exampleProps, clusters: exampleProps.clusters.map((c, i) => (i === 1 ? { ...c, resourceGroupName: 'rg/../hub' } : c)) };
    expect(validateEstate(bad).errors.map((e) => [e.rule.id, e.property])).toEqual([[Rules.resourceId.id, 'clusters[1].resourceGroupName']]);
    expect(validateEstate({ ...exampleProps, subscriptionId: 'not-a-subscription' }).errors.map((e) => [e.rule.id, e.property])).toEqual([[Rules.resourceId.id, 'subscriptionId']]);
  });

  test('a tree path that would leave its folder is refused before anything is written', () => {
    const source = exampleProps.delivery.source!;
    const errors = validateEstate({ ...exampleProps, delivery: ClusterDelivery.gitOps({ source, path: '../hub' }) }).errors;
    expect(errors.map((e) => [e.rule.id, e.property, e.value])).toEqual([[Rules.inputType.id, 'delivery.path', '../hub']]);
  });

  test('turning workload identity off under an OCI source with an identity is refused', () => {
    const props = { ...exampleProps, clusters: exampleProps.clusters.map((c, i) => (i === 0 ? { ...c, workloadIdentity: false } : c)) };
    expect(validateEstate(props).errors.filter((e) => e.rule === Rules.gitOpsWorkloadIdentity).map((e) => e.property)).toEqual(['clusters[0].workloadIdentity']);
  });
});

describe('estate-wide validation', () => {
  test('one bad estate: every problem named at once', () => {
    const [payments, ledger, fx, reporting] = exampleProps.clusters;
    const bad: EstateProps = {
      ...exampleProps,
      hub: { ...exampleProps.hub, addressSpace: ['10.40.0.0/22'] },
      clusters: [payments, { ...ledger, addressSpace: '10.10.128.0/17' }, { ...fx, outboundType: OutboundType.loadBalancer() }, reporting, { ...reporting }],
      links: [
        ...exampleProps.links,
        { name: 'payments-ghost', client: 'payments', server: 'ghost', services: [] },
        { name: 'fx-again', client: 'reporting', server: 'fx-rates', services: [{ ...exampleProps.links[0].services[0], name: 'mysql2', gatewayPort: 13307 }] },
      ],
    };
    const error = expectValidationError(() => EstateModel.build(bad));
    const found = error.violations.map((v) => [v.rule.id, v.property]);
    expect(found).toEqual(
      expect.arrayContaining([
        [Rules.estateClusterNames.id, 'clusters[4].name'],
        [Rules.estateAddressOverlap.id, 'clusters[1].addressSpace'],
        [Rules.estateAddressOverlap.id, 'clusters[3].addressSpace'],
        [Rules.estateLinkClusters.id, 'links[4].server'],
        [Rules.estateReachability.id, 'links[1].server'],
        [Rules.estateServiceDns.id, 'links[5].services[0].host'],
      ]),
    );
    expect(error.message).toContain('SAKS-EST-004');
  });

  test('links that share a cluster may not collide there: the same credential secret twice', () => {
    const [a, b] = exampleProps.links;
    const clash: EstateProps = {
      ...exampleProps,
      links: [
        { ...a, services: [{ ...a.services[0], clientCredentialName: 'shared-credential' }] },
        { ...b, services: [{ ...b.services[0], clientCredentialName: 'shared-credential' }] },
      ],
    };
    const errors = validateEstate(clash).errors.filter((e) => e.rule === Rules.estateCollisions);
    expect(errors.map((e) => e.property)).toEqual(['clusters[0]']);
    expect(errors[0].detail).toMatch(/shared-credential/);
  });

  test('two links to one server may not take the same ingress address', () => {
    const links = [exampleProps.links[0], { ...exampleProps.links[3], ingressIp: estate.links[0].ingressIp }];
    const errors = validateEstate({ ...exampleProps, links }).errors.filter((e) => e.rule === Rules.estateCollisions);
    expect(errors.map((e) => e.property)).toEqual(['links[1].ingressIp']);
  });

  test('the DNS check reads the hub resources as built, and fails on a missing record or zone link', () => {
    const hub = estate.hubResources();
    expect(checkServiceDns(estate.links, hub)).toEqual([]);
    const withoutLedgerRecord = hub.filter((r) => !(r.type === 'Microsoft.Network/privateDnsZones/A' && r.name[1] === 'mysql'));
    expect(checkServiceDns(estate.links, withoutLedgerRecord).map((v) => v.property)).toEqual(['links[0].services[0].host']);
    const withoutLink = hub.filter((r) => !(r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks' && r.name[1] === 'reporting-vnet'));
    expect(checkServiceDns(estate.links, withoutLink).map((v) => v.property)).toEqual(['links[3].client']);
  });
});

describe('stable and deterministic', () => {
  test('adding a cluster and a link changes no existing cluster\'s template and no existing ingress address', () => {
    const grown = EstateModel.build({
      ...exampleProps,
      clusters: [...exampleProps.clusters, { ...exampleProps.clusters[3], name: 'risk', addressSpace: '10.50.0.0/16' }],
      links: [...exampleProps.links, { ...exampleProps.links[3], name: 'risk-ledger', client: 'risk', services: [{ ...exampleProps.links[3].services[0], name: 'risk-db', host: 'risk-db.ledger.internal.example', gatewayPort: 15433 }] }],
    });
    for (const name of estate.clusters.keys()) {
      if (name === 'ledger') continue; // it serves the new link: its own objects grow, its template does not change
      expect(JSON.stringify(grown.clusterTemplate(name))).toBe(JSON.stringify(estate.clusterTemplate(name)));
    }
    expect(JSON.stringify(grown.clusterTemplate('ledger'))).toBe(JSON.stringify(estate.clusterTemplate('ledger')));
    expect(grown.links.slice(0, 4).map((l) => l.ingressIp)).toEqual(estate.links.map((l) => l.ingressIp));
  });

  test('an estate cannot be constructed around its validation', () => {
    expect(() => new (EstateModel as any)(Symbol('validated estate'), exampleProps, { clusters: [], links: [] }, [])).toThrow(/EstateModel\.build/);
  });
});

describe('a spoke brought by id', () => {
  const spokeId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/reporting-spoke';
  const brought: EstateProps = {
    ...exampleProps,
    clusters: exampleProps.clusters.map((c) =>
      c.name === 'reporting' ? { ...c, existingSpoke: { virtualNetworkId: spokeId, nodeSubnetName: 'aks-nodes', nodeSubnetPrefix: '10.40.4.0/22', apiServerSubnetName: 'aks-api' } } : c,
    ),
  };
  const built = EstateModel.build(brought);

  test('the cluster runs in its subnets; neither side of its peering is created, and the estate says it is not verified', () => {
    const resources = templateResources(built.clusterTemplate('reporting')).map((r) => r.resource);
    expect(resources.some((r) => r.type === 'Microsoft.Network/virtualNetworks')).toBe(false);
    expect(resources.some((r) => r.type === 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings')).toBe(false);
    const cluster = resources.find((r) => r.type === 'Microsoft.ContainerService/managedClusters')!;
    expect(cluster.properties.agentPoolProfiles[0].vnetSubnetID).toBe(`${spokeId}/subnets/aks-nodes`);
    expect(cluster.properties.networkProfile.outboundType).toBe('userDefinedRouting');
    const hub = templateResources(built.hubTemplate()).map((r) => r.resource);
    expect(hub.filter((r) => r.type === 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings').map((r) => r.name)).toEqual(['hub-vnet/to-payments', 'hub-vnet/to-ledger', 'hub-vnet/to-fx-rates']);
    // It dials the ledger: the ledger's zone is linked to the brought spoke by its id.
    expect(hub.find((r) => r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks' && r.name === 'ledger.internal.example/reporting-vnet')!.properties.virtualNetwork.id).toBe(spokeId);
    expect(validateEstate(brought).warnings.filter((w) => w.rule === Rules.estateSpokePeeringNotVerified).map((w) => w.property)).toEqual(['clusters[3].existingSpoke.virtualNetworkId']);
  });

  test('the hub and a brought spoke are named by virtual network ids', () => {
    const wrong = { ...brought, hub: { ...brought.hub, virtualNetworkId: 'hub-vnet' }, clusters: brought.clusters.map((c) => (c.existingSpoke ? { ...c, existingSpoke: { ...c.existingSpoke, virtualNetworkId: `${spokeId}/subnets/aks-nodes` } } : c)) };
    // (The subnet ids derived from the wrong spoke id are refused by the cluster's own rules too.)
    expect(validateEstate(wrong).errors.filter((e) => e.rule === Rules.resourceId).map((e) => e.property)).toEqual(
      expect.arrayContaining(['hub.virtualNetworkId', 'clusters[3].existingSpoke.virtualNetworkId']),
    );
  });

  test('its node subnet must lie in its address space', () => {
    const outside = { ...brought, clusters: brought.clusters.map((c) => (c.existingSpoke ? { ...c, existingSpoke: { ...c.existingSpoke, nodeSubnetPrefix: '10.99.0.0/22' } } : c)) };
    expect(validateEstate(outside).errors.map((e) => e.property)).toEqual(['clusters[3].existingSpoke.nodeSubnetPrefix']);
  });
});

test('a link backend left out of STRICT mutual TLS is a warning of the estate, at the link\'s property, and its server cluster gets no PeerAuthentication for it', () => {
  const links = exampleProps.links.map((l, i) => (i === 0 ? { ...l, services: l.services.map((s, j) => (j === 0 ? { ...s, backend: { ...s.backend, mtlsMode: 'UNSET' as const } } : s)) } : l));
  const unset = EstateModel.build({ ...exampleProps, links });
  expect(unset.warnings.filter((w) => w.rule === Rules.meshLinkBackendMtlsUnset).map((w) => w.property)).toEqual(['links[0].services[0].backend.mtlsMode']);
  expect(estate.warnings.filter((w) => w.rule === Rules.meshLinkBackendMtlsUnset)).toEqual([]);
  const server = exampleProps.links[0].server;
  const strictIn = (model: EstateModel) => model.linkObjects(server).filter((o) => o.kind === 'PeerAuthentication' && o.metadata.labels?.['secure-aks.io/link'] === exampleProps.links[0].name);
  expect(strictIn(estate)).toHaveLength(1);
  expect(strictIn(unset)).toEqual([]);
});

test('each cluster\'s model and each link, validated once by the estate, are what building them on their own gives', () => {
  // The estate builds them from its own validation of their definitions: the same warnings, acknowledgements, notes and rules checked.
  for (const c of estate.clusters.values()) {
    const alone = ManagedClusterModel.build(c.props, { evaluationDate: c.model.evaluationDate });
    expect({ warnings: c.model.warnings, acknowledged: c.model.acknowledged, notes: c.model.notes, resources: c.model.resources })
      .toEqual({ warnings: alone.warnings, acknowledged: alone.acknowledged, notes: alone.notes, resources: alone.resources });
  }
  // Each link keeps what its one validation found: the rules it checked (its objects for the API server among them) and its warnings.
  const backendOutOfMtls = EstateModel.build({ ...exampleProps, links: exampleProps.links.map((l, i) => (i === 0 ? { ...l, services: l.services.map((s) => ({ ...s, backend: { ...s.backend, mtlsMode: 'UNSET' as const } })) } : l)) });
  for (const l of [...estate.links, ...backendOutOfMtls.links]) expect(l.link.evaluated.map((r) => r.id)).toContain(Rules.apiServerValidity.id);
  expect(estate.links.flatMap((l) => l.link.warnings)).toEqual([]);
  expect(backendOutOfMtls.links[0].link.warnings.map((w) => w.rule.id)).toContain(Rules.meshLinkBackendMtlsUnset.id);
});
