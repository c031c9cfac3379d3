// `cdk8s synth`: the Kubernetes side of this example, into ./dist.
import { App } from 'cdk8s';
import { charts } from './definition';

const app = new App();
charts(app);
app.synth();
