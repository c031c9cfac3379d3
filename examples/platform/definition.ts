/**
 * The regulated platform end to end: two private AKS
 * clusters (API Server VNet Integration, ACNS WireGuard) in peered networks,
 * a MySQL service in the server cluster reached from the client cluster over
 * mutual TLS with the customer CA, and no public endpoint anywhere.
 * One definition feeds `pulumi up` (index.ts), `cdk8s synth` (main.ts) and `npm run synth`.
 */
import { App } from 'cdk8s';
import { addPlatformCharts, CustomerCaIssuer, RegulatedPlatformModel, regulatedPlatformTarget } from '../../lib';

export const build = (): RegulatedPlatformModel =>
  RegulatedPlatformModel.build({
    location: 'westeurope',
    client: { name: 'payments-client', addressSpace: '10.10.0.0/16', adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'] },
    server: { name: 'ledger-server', addressSpace: '10.20.0.0/16', adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'] },
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
  });

/** The Kubernetes side of both clusters, for `cdk8s synth`. */
export function charts(app: App): void {
  addPlatformCharts(app, build());
}

export default regulatedPlatformTarget(build);
