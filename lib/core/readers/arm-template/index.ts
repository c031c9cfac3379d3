export { RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER } from './deployment-scope';
export { ArmTemplateReadOptions, readArmTemplate } from './read-arm-template';
