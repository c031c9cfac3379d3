/**
 * What an unexpected error prints: its message on one line, then what to
 * report and where (README, "Reporting a problem"). The stack only when
 * SECURE_AKS_DEBUG=1 asks for it, for the report.
 */
export function internalErrorMessage(e: unknown, argv: readonly string[], version: string, withStack: boolean): string {
  const message = e instanceof Error ? e.message : String(e);
  const lines = [
    `secure-aks: internal error: ${message.split('\n')[0]}`,
    `This is a bug in secure-aks ${version}, not a problem of your input. Please report it with the version, the command`,
    `(secure-aks ${argv.join(' ')}) and, if you can, the input, as README.md says under "Reporting a problem";`,
    'SECURE_AKS_DEBUG=1 adds the stack trace.',
  ];
  if (withStack && e instanceof Error && e.stack) lines.push(e.stack);
  return `${lines.join('\n')}\n`;
}
