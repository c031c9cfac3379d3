// What a user writes by hand for the same estate: every Kubernetes file of the
// output as bare cdk8s ApiObjects in a chart (one app per file, no
// validation), every template as plain JSON, every report as given text; in a
// fresh process (start-up included).
// Usage: node bare-estate.js <files.json> <outdir>
const fs = require('node:fs');
const path = require('node:path');
const { ApiObject, App, Chart, Yaml } = require('cdk8s');
const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const out = process.argv[3];
for (const [file, content] of Object.entries(files)) {
  let text;
  if (file.endsWith('.yaml')) {
    const chart = new Chart(new App(), 'c');
    content.forEach((o, i) => new ApiObject(chart, `o${i}`, o));
    text = Yaml.stringify(...chart.toJson());
  } else if (file.endsWith('.json')) {
    text = `${JSON.stringify(content, null, 2)}\n`;
  } else {
    text = content;
  }
  fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  fs.writeFileSync(path.join(out, file), text);
}
