// `cdk8s synth`: every cluster's charts, into ./dist.
import { App } from 'cdk8s';
import { charts } from './definition';

const app = new App();
charts(app);
app.synth();
