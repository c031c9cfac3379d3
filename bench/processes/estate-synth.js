// One whole process: synthesize an estate of CLUSTERS clusters and LINKS links
// with the library (all checks on), from the compiled package, into OUT.
const path = require('node:path');
const root = path.resolve(__dirname, '..', '..');
const { ClusterDelivery, CustomerCaIssuer, EstateModel, GitOpsSource } = require(path.join(root, 'build', 'index.js'));
const { estateTarget, synthesize } = require(path.join(root, 'build', 'synth', 'index.js'));
const { estateProps } = require('./estate-definition.js');

const [clusters, links, out] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const props = estateProps(clusters, links, { ClusterDelivery, CustomerCaIssuer, GitOpsSource });
const result = synthesize(new Map([['estate', estateTarget(() => EstateModel.build(props))]]), out, { allowReplacement: true });
if (result.failures.size > 0) {
  for (const [, e] of result.failures) process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
