/**
 * The syntax tree of one ARM template expression (the text between a string's
 * outer brackets): literals, function calls, and property and index access.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions
 */
export type ExpressionNode =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly ExpressionNode[] }
  | { readonly kind: 'property'; readonly target: ExpressionNode; readonly name: string }
  | { readonly kind: 'index'; readonly target: ExpressionNode; readonly index: ExpressionNode };
