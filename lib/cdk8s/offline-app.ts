import { App } from 'cdk8s';

/**
 * A cdk8s App that is only synthesized in memory (`chart.toJson()`,
 * `app.synthYaml()`), never written: for the offline synth target and the
 * Pulumi adapters, which take the objects and write or apply them themselves.
 * @category Validation
 */
export function offlineApp(): App {
  return new App({ outdir: 'unused' });
}
