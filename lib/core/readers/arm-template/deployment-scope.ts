import { UnknownValue, isUnknown } from '../../description/unknown-value';

/**
 * The subscription id of the deployment a template is read for, which no
 * template knows: a literal in its place, so that ids built from it
 * (`/subscriptions/(subscription)/resourceGroups/...`) still parse (parentheses
 * are valid id characters) and compare equal when built the same way.
 */
export const SUBSCRIPTION_PLACEHOLDER = '(subscription)';

/** The resource group name of the deployment a template is read for: a literal in its place, as {@link SUBSCRIPTION_PLACEHOLDER}. */
export const RESOURCE_GROUP_PLACEHOLDER = '(resourceGroup)';

/** Where the resources of one (nested) deployment go, as far as the template says. */
export interface DeploymentScope {
  /** The subscription id: the placeholder, a literal the template gives, or unknown. */
  readonly subscriptionId: string | UnknownValue;
  /** The resource group name: the placeholder, a literal the template gives, or unknown. */
  readonly resourceGroup: string | UnknownValue;
  /** The deployment's name (`deployment().name`). */
  readonly deploymentName: string | UnknownValue;
}

/** The scope of the top-level deployment. */
export const TOP_LEVEL_SCOPE: DeploymentScope = {
  subscriptionId: SUBSCRIPTION_PLACEHOLDER,
  resourceGroup: RESOURCE_GROUP_PLACEHOLDER,
  deploymentName: new UnknownValue('the deployment name is given at deployment', '[deployment().name]'),
};

const PLACEHOLDER = /\((subscription|resourceGroup)\)/i;

/**
 * Whether `text` holds a placeholder: its length, hash or content is not the
 * real one, so a function that looks into it (`length`, `substring`, `guid`,
 * `equals` with another text, ...) cannot know its result.
 */
export function holdsPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}

/** Text joined from parts of the scope, unknown (with a symbol where it has one) when a part is. */
export function scopeText(parts: readonly (string | UnknownValue)[]): string | UnknownValue {
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  const unknown = parts.find(isUnknown) as UnknownValue;
  if (parts.some((p) => isUnknown(p) && p.symbol === undefined)) return new UnknownValue(unknown.reason);
  return new UnknownValue(unknown.reason, parts.map((p) => (isUnknown(p) ? p.symbol : p)).join(''));
}
