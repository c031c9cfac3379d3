/**
 * A MySQL client in one cluster reaches a MySQL server
 * in another through an Istio egress gateway and ingress gateway, with mutual
 * TLS from a customer root CA (cert-manager ClusterIssuer `customer-ca`) on
 * the hop between the clusters. Workloads are unchanged.
 * One definition feeds `pulumi up` (index.ts), `cdk8s synth` (main.ts) and `npm run synth`.
 * The synth also writes `mysql.contract.json`: a client side kept in another
 * repository builds from it with `linkFromContract` and cannot drift.
 * @see https://cloud.google.com/service-mesh/docs/security/egress-ingress-gateways-mtls
 */
import { App } from 'cdk8s';
import { CertificateSource, CrossClusterLink, linkContractFile, renderCrossClusterEncryption } from 'secure-aks';
import { addCrossClusterCharts } from 'secure-aks/cdk8s';
import { linkEvidenceFiles, synthesizeCharts, SynthTarget } from 'secure-aks/synth';

export const link = CrossClusterLink.build({
  name: 'mysql',
  certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
  egressPort: 15443,
  services: [
    {
      name: 'mysql',
      host: 'mysql.fqdn.example',
      clientPort: 3306,
      gatewayPort: 13306,
      // The STRICT PeerAuthentication selects the MySQL pods only, not the whole default namespace.
      backend: { host: 'mysql.default.svc.cluster.local', port: 3306, workloadLabels: { app: 'mysql' } },
      clientNamespaces: ['default'],
      clientCredentialName: 'client-credential',
      serverCredentialName: 'mysql-credential',
    },
  ],
});

/** Both clusters' charts: `client` and `server`. */
export function charts(app: App): void {
  addCrossClusterCharts(app, link, { client: 'client', server: 'server' });
}

const target: SynthTarget = {
  artifacts: (options: { readonly evaluationDate?: string } = {}) => ({
    ...synthesizeCharts(charts).files,
    ...linkContractFile(link),
    'cross-cluster-encryption.md': renderCrossClusterEncryption(link),
    // The link's evidence for an auditor: its segments, warnings and acknowledgements (OSCAL and HTML).
    ...linkEvidenceFiles(link, { evaluationDate: options.evaluationDate }),
  }),
};
export default target;
