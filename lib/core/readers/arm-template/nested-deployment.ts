import { DescribedResource } from '../../description/described-resource';
import { UnknownValue, isUnknown } from '../../description/unknown-value';
import { JsonObject, isObject, typeName } from './arm-value';
import { DeploymentScope } from './deployment-scope';
import type { TemplateFrame } from './read-arm-template';
import { ReadSink } from './read-sink';
import { templateContext } from './template-context';
import { evaluateTemplateValue } from './template-values';

type ReadTemplate = (template: JsonObject, pointer: string, frame: TemplateFrame) => void;

/**
 * Reads the template inline in a `Microsoft.Resources/deployments` resource:
 * in the resource group (and subscription) the deployment names, with the
 * parameters it passes (`inner` scope) or the outer template's parameters and
 * variables (`outer` scope, the default). A linked template is not examined.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates
 */
export function readNestedDeployment(raw: JsonObject, at: string, deployment: DescribedResource, frame: TemplateFrame, sink: ReadSink, read: ReadTemplate): void {
  const properties = raw.properties;
  if (!isObject(properties)) return;
  const what = `the nested deployment ${typeof deployment.name === 'string' ? `"${deployment.name}"` : `at ${at}`}`;
  if (properties.templateLink !== undefined) {
    sink.skip(at, what, 'its template is linked, not inline: not examined');
    return;
  }
  const template = properties.template;
  if (template === undefined) return;
  if (!isObject(template)) {
    sink.problem(`${at}/properties/template`, `a nested template is a JSON object, not ${typeName(template)}`);
    return;
  }
  const target = targetScope(raw, at, deployment, frame, sink);
  const pointer = `${at}/properties/template`;
  const options = isObject(properties.expressionEvaluationOptions) ? properties.expressionEvaluationOptions : {};
  const inner = typeof options.scope === 'string' && options.scope.toLowerCase() === 'inner';
  const context = inner ? templateContext({ template, pointer, supplied: passedParameters(deployment), scope: target.scope, nested: true }, sink) : frame.context;
  const schema = typeof template.$schema === 'string' ? template.$schema : '';
  read(template, pointer, {
    context,
    target: target.scope,
    ...(frame.condition ? { condition: frame.condition } : {}),
    depth: frame.depth + 1,
    resourceGroupScoped: target.resourceGroupScoped && (schema === '' || /\/deploymentTemplate\.json/i.test(schema)),
  });
}

/** Where the nested deployment deploys: its `subscriptionId` and `resourceGroup`, else the parent's. */
function targetScope(raw: JsonObject, at: string, deployment: DescribedResource, frame: TemplateFrame, sink: ReadSink): { scope: DeploymentScope; resourceGroupScoped: boolean } {
  const member = (key: string): string | UnknownValue | undefined => {
    if (raw[key] === undefined) return undefined;
    const value = evaluateTemplateValue(raw[key], `${at}/${key}`, frame.context, sink);
    if (typeof value === 'string' || isUnknown(value)) return value;
    sink.problem(`${at}/${key}`, `"${key}" is text, not ${typeName(value)}`);
    return new UnknownValue(`the nested deployment's ${key} is not text`);
  };
  const subscriptionId = member('subscriptionId');
  const resourceGroup = member('resourceGroup');
  // A subscription given without a resource group deploys at that subscription's scope.
  const resourceGroupScoped = frame.resourceGroupScoped ? subscriptionId === undefined || resourceGroup !== undefined : resourceGroup !== undefined;
  return {
    scope: {
      subscriptionId: subscriptionId ?? frame.target.subscriptionId,
      resourceGroup: resourceGroup ?? frame.target.resourceGroup,
      deploymentName: deployment.name,
    },
    resourceGroupScoped,
  };
}

/** The parameter values a nested deployment passes, as evaluated in the outer template: `{ value }`, or unknown for a Key Vault `{ reference }`. */
function passedParameters(deployment: DescribedResource): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const properties = deployment.body.properties;
  const parameters = isObject(properties) ? properties.parameters : undefined;
  if (!isObject(parameters)) return out;
  for (const [name, passed] of Object.entries(parameters)) {
    const key = name.toLowerCase();
    if (isObject(passed) && 'value' in passed) out.set(key, passed.value);
    else if (isObject(passed) && 'reference' in passed) out.set(key, new UnknownValue(`parameter '${name}' is a Key Vault reference, read at deployment`));
    else out.set(key, new UnknownValue(`parameter '${name}' is passed in a form this reader does not read`));
  }
  return out;
}
