// `cdk8s synth`: both clusters' manifests, into ./dist.
import { App } from 'cdk8s';
import { charts } from './definition';

const app = new App();
charts(app);
app.synth();
