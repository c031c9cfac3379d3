/**
 * Synth at scale: K cross-cluster services over C cluster pairs, synthesized
 * (a) by the library (model, charts, analyzer, strict schema validation),
 * (b) by bare cdk8s ApiObjects holding the identical objects, no validation,
 * (c) by serializing those objects only (the floor).
 */
import { ApiObject, App, Chart, Yaml } from 'cdk8s';
import { CertificateSource, CrossClusterLink, CrossClusterServiceProps, KubernetesObject } from '../lib';
import { addCrossClusterCharts } from '../lib/cdk8s';
import { measure, ms, ratio } from './bench-util';

function links(k: number, c: number): CrossClusterLink[] {
  const per = Math.ceil(k / c);
  return Array.from({ length: c }, (_, p) =>
    CrossClusterLink.build({
      name: `pair${p}`,
      certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
      services: Array.from({ length: Math.min(per, k - p * per) }, (_, i): CrossClusterServiceProps => ({
        name: `svc${i}`,
        host: `svc${i}.pair${p}.example`,
        clientPort: 20000 + i,
        gatewayPort: 30000 + i,
        backend: { host: `svc${i}.default.svc.cluster.local`, port: 8080 },
        clientNamespaces: ['default'],
      })),
    }),
  ).filter((l) => l.services.length > 0);
}

function library(k: number, c: number): string {
  const app = new App({ outdir: 'unused' });
  // Each pair is its own two clusters.
  links(k, c).forEach((l, p) => addCrossClusterCharts(app, l, { clientCluster: `client${p}`, serverCluster: `server${p}` }));
  return app.charts.map((ch) => Yaml.stringify(...ch.toJson())).join('');
}

function bareCdk8s(objects: KubernetesObject[][]): string {
  const app = new App({ outdir: 'unused' });
  objects.forEach((objs, i) => {
    const chart = new Chart(app, `c${i}`);
    objs.forEach((o, j) => new ApiObject(chart, `o${j}`, o as never));
  });
  return app.charts.map((ch) => Yaml.stringify(...ch.toJson())).join('');
}

export function run(): { k: number; c: number; lib: number; bare: number; floor: number }[] {
  const results: { k: number; c: number; lib: number; bare: number; floor: number }[] = [];
  for (const c of [1, 10, 50]) {
    for (const k of [10, 100, 1000]) {
      if (k < c) continue;
      // The identical objects the library's charts hold, prepared outside the timed region of (b) and (c).
      const app = new App({ outdir: 'unused' });
      links(k, c).forEach((l, p) => addCrossClusterCharts(app, l, { clientCluster: `client${p}`, serverCluster: `server${p}` }));
      const objects = app.charts.map((ch) => ch.toJson() as KubernetesObject[]);
      const runs = k >= 1000 ? 3 : 5;
      const lib = measure(() => library(k, c), runs);
      const bare = measure(() => bareCdk8s(objects), runs);
      const floor = measure(() => objects.map((o) => Yaml.stringify(...o)).join(''), runs);
      results.push({ k, c, lib, bare, floor });
      process.stdout.write(`K=${k} C=${c}: library ${ms(lib)}, bare cdk8s ${ms(bare)}, serialization ${ms(floor)}; library/bare ${(lib / bare).toFixed(2)}x\n`);
    }
  }
  for (const c of [1, 10, 50]) {
    const at = (k: number) => results.find((r) => r.k === k && r.c === c);
    const r1000 = at(1000);
    const r100 = at(100);
    if (r1000) process.stdout.write(`${ratio(`C=${c} library vs bare cdk8s at K=1000`, r1000.lib / r1000.bare, 1.5)}\n`);
    if (r1000 && r100) process.stdout.write(`${ratio(`C=${c} growth time(1000)/time(100)`, r1000.lib / r100.lib, 11)}\n`);
  }
  return results;
}

if (require.main === module) run();
