// `cdk8s synth`: both clusters' manifests, into ./dist.
import { App } from 'cdk8s';
import { charts } from './definition';

const app = new App();
// MESH_DISTRIBUTION=aksIstioAddon cdk8s synth: the charts for the AKS Istio add-on.
charts(app, process.env.MESH_DISTRIBUTION as 'openSourceIstio' | 'aksIstioAddon' | undefined);
app.synth();
