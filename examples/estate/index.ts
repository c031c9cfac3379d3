import { RegulatedEstate } from 'secure-aks/pulumi';
import { build } from './definition';

// Needs only Azure Resource Manager: every cluster is GitOps-delivered, so no Kubernetes
// provider is created and nothing here reaches a private API server. Push the trees
// (`npm run synth`, then `flux push artifact` of dist/estate/gitops) for Flux to pull.
const estate = build();
const stack = new RegulatedEstate('estate', { estate });

export const clusterIds = Object.fromEntries([...stack.clusters].map(([name, c]) => [name, c.cluster.clusterId]));
export const hubTemplateResources = stack.hub.size;
