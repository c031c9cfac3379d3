// A user's `cdk8s synth` with the library, in a fresh process (start-up included):
// N services on one gateway pair, or N links of one service each, through the
// compiled cdk8s entry, with the analyzer and the strict schemas on.
// Usage: node library-synth.js <services|links> <n> <outdir>
const [mode, n, outdir] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const { App } = require('cdk8s');
const { CertificateSource, CrossClusterLink } = require('../../build/index.js');
const { addCrossClusterCharts } = require('../../build/cdk8s/index.js');
const { services } = require('./link-services.js');

const app = new App({ outdir });
const certificates = CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } });
if (mode === 'services') {
  addCrossClusterCharts(app, CrossClusterLink.build({ name: 'pair', certificates, services: services(n) }));
} else {
  services(n).forEach((svc, i) => addCrossClusterCharts(app, CrossClusterLink.build({ name: `link${i}`, certificates, services: [svc] }), { clientCluster: 'client', serverCluster: 'server' }));
}
app.synth();
