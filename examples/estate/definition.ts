/**
 * An estate: four private AKS clusters in two regions around the network
 * team's hub, linked both ways over mutual TLS with the customer CA, and
 * delivered by GitOps. `pulumi up` needs only Azure Resource Manager: each
 * cluster's Flux (the AKS GitOps extension) pulls its tree, and the pinned
 * Helm charts, from the platform team's Azure Container Registry through its
 * private endpoint.
 *
 * - payments (westeurope) dials the ledger (westeurope) and fx-rates (northeurope);
 * - the ledger dials payments' notification service: the other direction;
 * - reporting (northeurope) dials the ledger.
 *
 * One definition feeds `pulumi up` (index.ts), `cdk8s synth` (main.ts) and `npm run synth`.
 */
import { App } from 'cdk8s';
import { ClusterDelivery, CustomerCaIssuer, EstateModel, EstateProps, GitOpsSource, RuleEvaluationOptions } from 'secure-aks';
import { addEstateCharts } from 'secure-aks/cdk8s';
import { estateTarget } from 'secure-aks/synth';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const ADMINS = ['00000000-0000-0000-0000-0000000000a1'];
/** The identity Flux pulls with: AcrPull on the registry, federated with each cluster's source-controller. */
const FLUX_IDENTITY = {
  identityId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-platform/providers/Microsoft.ManagedIdentity/userAssignedIdentities/flux-pull`,
  clientId: '00000000-0000-0000-0000-0000000000f1',
};

const service = (name: string, host: string, port: number, gatewayPort: number, backend: string, clientNamespaces: string[]) => ({
  name,
  host,
  clientPort: port,
  gatewayPort,
  backend: { host: backend, port },
  clientNamespaces,
});

export const props: EstateProps = {
  subscriptionId: SUBSCRIPTION,
  hub: {
    virtualNetworkId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet`,
    addressSpace: ['10.0.0.0/22'],
    firewallPrivateIp: '10.0.1.4',
  },
  clusters: [
    { name: 'payments', location: 'westeurope', addressSpace: '10.10.0.0/16', adminGroupObjectIds: ADMINS },
    { name: 'ledger', location: 'westeurope', addressSpace: '10.20.0.0/16', adminGroupObjectIds: ADMINS },
    { name: 'fx-rates', location: 'northeurope', addressSpace: '10.30.0.0/16', adminGroupObjectIds: ADMINS },
    { name: 'reporting', location: 'northeurope', addressSpace: '10.40.0.0/16', adminGroupObjectIds: ADMINS },
  ],
  links: [
    { name: 'payments-ledger', client: 'payments', server: 'ledger', services: [service('mysql', 'mysql.ledger.internal.example', 3306, 13306, 'mysql.default.svc.cluster.local', ['payments'])] },
    { name: 'payments-fx', client: 'payments', server: 'fx-rates', services: [service('rates', 'rates.fx.internal.example', 8443, 18443, 'rates.default.svc.cluster.local', ['payments'])] },
    { name: 'ledger-notify', client: 'ledger', server: 'payments', services: [service('notify', 'notify.payments.internal.example', 9443, 19443, 'notify.default.svc.cluster.local', ['ledger'])] },
    { name: 'reporting-ledger', client: 'reporting', server: 'ledger', services: [service('reports-db', 'reports-db.ledger.internal.example', 5432, 15432, 'postgres.default.svc.cluster.local', ['reporting'])] },
  ],
  // Copies of the pinned Helm charts in the same registry: nothing is fetched from the Internet.
  helmChartMirror: 'oci://contosoplatform.azurecr.io/helm',
  // The customer CA: a secret `customer-ca` (tls.crt, tls.key) you place in the cert-manager namespace of each cluster.
  issuer: CustomerCaIssuer.fromCaSecret({ secretName: 'customer-ca' }),
  delivery: ClusterDelivery.gitOps({
    source: GitOpsSource.ociRepository({ url: 'oci://contosoplatform.azurecr.io/estate/clusters', tag: 'production', identity: FLUX_IDENTITY }),
  }),
};

/** The estate; `options.evaluationDate` is the day its support windows are judged on (default: today). */
export const build = (options: RuleEvaluationOptions = {}): EstateModel => EstateModel.build(props, options);

/** Every cluster's charts, for `cdk8s synth`. */
export function charts(app: App): void {
  addEstateCharts(app, build());
}

export default estateTarget(build);
