import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditCluster } from '../core/audit/audit-cluster';
import { AuditRun, auditExitCode, FailOn, renderAuditJson, renderAuditSarif, renderAuditText } from '../core/audit/audit-report';
import { auditedTogether, AzureDescription, readAzureDescription } from '../core/audit/read-azure-description';
import { CliResult, CliUsageError, parseCommandLine } from './cli-result';
import { PropertyLocations } from './property-locations';

/** `secure-aks audit --help`. */
export const AUDIT_HELP = `Usage: secure-aks audit <file>... [options]

Audits managed clusters that exist or are about to, whoever built them, from
their JSON as Azure describes them:
  - a GET of the resource or \`az resource show\` (the REST shape);
  - \`az aks show -o json\` (properties at the top level);
  - an ARM template or \`az group export\` output (a whole deployment);
  - Microsoft's REST API example files.
Files given together are one deployment: a subnet, virtual network, private
DNS zone, role assignment, diagnostic setting or lock in one file is read
with the clusters of the others.

Prints the broken rules, the encryption coverage, the egress path, the
security baseline and Azure Policy's built-in definitions for AKS.

Options:
  --format <f>           text (default), json or sarif (SARIF 2.1.0)
  --output <file>        write the report to a file instead of standard output
  --fail-on <level>      error (default) or warning: the lowest severity that
                         makes the exit code 1
  -h, --help             show this help

Exit codes: 0 no broken rule, 1 broken rules, 2 unusable input or usage.`;

const FORMATS = ['text', 'json', 'sarif'] as const;

/** Runs `secure-aks audit` with its arguments (after the command name). */
export function auditCommand(argv: readonly string[], cwd: string, toolVersion: string): CliResult {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { code: 0, stdout: `${AUDIT_HELP}\n`, stderr: '' };
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliUsageError(`--format ${format}: use ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw new CliUsageError(`--fail-on ${failOn}: use error or warning`);
  if (positionals.length === 0) throw new CliUsageError('give at least one file to audit');

  const descriptions: AzureDescription[] = [];
  const problems: string[] = [];
  const locations = new PropertyLocations();
  for (const file of positionals) {
    const absolute = path.resolve(cwd, file);
    let document: unknown;
    try {
      const text = fs.readFileSync(absolute, 'utf8');
      document = JSON.parse(text);
      locations.add(file, text);
    } catch (e) {
      problems.push(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(e as Error).message})`}`);
      continue;
    }
    const d = readAzureDescription(document, file);
    descriptions.push(d);
    problems.push(...d.problems);
  }
  const run: AuditRun = { audits: auditedTogether(descriptions).map(auditCluster), problems };
  const report = format === 'json' ? renderAuditJson(run) : format === 'sarif' ? renderAuditSarif(run, { toolVersion, lineOf: (source, property) => locations.lineOf(source, property) }) : renderAuditText(run);
  const code = auditExitCode(run, failOn as FailOn);
  // The text report lists unusable input itself; a JSON or SARIF report, or a file, leaves it to stderr.
  const stderr = problems.map((p) => `unusable input: ${p}\n`).join('');
  if (values.output !== undefined) {
    fs.writeFileSync(path.resolve(cwd, values.output), report);
    return { code, stdout: '', stderr };
  }
  return { code, stdout: report, stderr: format === 'text' ? '' : stderr };
}
