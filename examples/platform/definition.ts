/**
 * The regulated platform end to end: two private AKS
 * clusters (API Server VNet Integration, ACNS WireGuard) in peered networks,
 * a MySQL service in the server cluster reached from the client cluster over
 * mutual TLS with the customer CA, and no public endpoint anywhere.
 * One definition feeds `pulumi up` (index.ts), `cdk8s synth` (main.ts) and `npm run synth`.
 *
 * Egress is the choice of a hub-and-spoke bank: both spokes send 0.0.0.0/0 to
 * the hub's Azure Firewall (userDefinedRouting), so neither cluster has a
 * public egress IP. The hub (its firewall at 10.0.1.4, and its peering with
 * each spoke) is the network team's, deployed from their own repository.
 *
 * The mesh runs on open-source Istio installed by Helm, or on the AKS Istio
 * add-on: one setting, `meshDistribution` (Pulumi config, or the
 * MESH_DISTRIBUTION environment variable for cdk8s synth).
 */
import { App } from 'cdk8s';
import { CustomerCaIssuer, OutboundType, RegulatedPlatformModel, RegulatedPlatformProps, RuleEvaluationOptions } from 'secure-aks';
import { addPlatformCharts } from 'secure-aks/cdk8s';
import { regulatedPlatformTarget } from 'secure-aks/synth';

/** The hub firewall's private IP: the next hop of both spokes' default route. */
const HUB_FIREWALL_IP = '10.0.1.4';

export const build = (meshDistribution: RegulatedPlatformProps['meshDistribution'] = 'openSourceIstio', options: RuleEvaluationOptions = {}): RegulatedPlatformModel =>
  RegulatedPlatformModel.build({
    location: 'westeurope',
    meshDistribution,
    client: {
      name: 'payments-client',
      addressSpace: '10.10.0.0/16',
      adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'],
      outboundType: OutboundType.userDefinedRouting({ firewallPrivateIp: HUB_FIREWALL_IP }),
    },
    server: {
      name: 'ledger-server',
      addressSpace: '10.20.0.0/16',
      adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'],
      outboundType: OutboundType.userDefinedRouting({ firewallPrivateIp: HUB_FIREWALL_IP }),
    },
    // The customer CA: a secret `customer-ca` (tls.crt, tls.key) you place in the cert-manager namespace.
    issuer: CustomerCaIssuer.fromCaSecret({ secretName: 'customer-ca' }),
    services: [
      {
        name: 'mysql',
        host: 'mysql.ledger.internal.example',
        clientPort: 3306,
        gatewayPort: 13306,
        backend: { host: 'mysql.default.svc.cluster.local', port: 3306 },
        clientNamespaces: ['payments'],
        clientCredentialName: 'mysql-client-credential',
        serverCredentialName: 'mysql-server-credential',
      },
    ],
  }, options);

/** The Kubernetes side of both clusters, for `cdk8s synth`. */
export function charts(app: App, meshDistribution?: RegulatedPlatformProps['meshDistribution']): void {
  addPlatformCharts(app, build(meshDistribution));
}

// The synth's evaluation date (--evaluation-date) reaches the support windows through `options`.
export default regulatedPlatformTarget((options) => build('openSourceIstio', options));
