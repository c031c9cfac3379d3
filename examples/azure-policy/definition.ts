/**
 * The Azure Policy definitions compiled from the library's rules, and the
 * initiative grouping them, for a platform team to assign on its management
 * groups or subscriptions: `npm run synth` writes them to dist/azure-policy/.
 * See docs/azure-policy.md.
 */
import { azurePolicyTarget } from 'secure-aks/synth';

export default azurePolicyTarget();
