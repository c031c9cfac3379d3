import { COLLECTION_FUNCTIONS } from './collection-functions';
import { ArmFunction } from './function-arguments';
import { LAMBDA_FUNCTIONS } from './lambda-functions';
import { LOGIC_FUNCTIONS } from './logic-functions';
import { RESOURCE_FUNCTIONS } from './resource-functions';
import { STRING_FUNCTIONS } from './string-functions';

/**
 * The template functions this reader evaluates, by lowercase name: ARM's
 * function names are case-insensitive.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions
 */
export const ARM_FUNCTIONS: Readonly<Record<string, ArmFunction>> = {
  ...STRING_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
  ...LOGIC_FUNCTIONS,
  ...RESOURCE_FUNCTIONS,
  ...LAMBDA_FUNCTIONS,
};
