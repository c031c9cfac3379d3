import { Provider } from '@pulumi/kubernetes/provider';
import * as pulumi from '@pulumi/pulumi';
import { CrossClusterMesh } from 'secure-aks/pulumi';
import { link } from './definition';

// The two existing clusters, by kubeconfig (pulumi config set --secret clientKubeconfig ...).
// examples/platform builds the clusters too.
const config = new pulumi.Config();
const clientProvider = new Provider('client-cluster', { kubeconfig: config.requireSecret('clientKubeconfig') });
const serverProvider = new Provider('server-cluster', { kubeconfig: config.requireSecret('serverKubeconfig') });

export const mesh = new CrossClusterMesh('mysql', { link, clientProvider, serverProvider }).urn;
