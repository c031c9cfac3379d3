// What a user writes by hand: `cdk8s synth` of the identical objects as bare
// cdk8s ApiObjects, no validation, in a fresh process (start-up included).
// Usage: node bare-synth.js <objects.json> <outdir>
const fs = require('node:fs');
const { ApiObject, App, Chart } = require('cdk8s');
const charts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const app = new App({ outdir: process.argv[3] });
for (const [name, objects] of Object.entries(charts)) {
  const chart = new Chart(app, name);
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o));
}
app.synth();
