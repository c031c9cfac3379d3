import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The OASIS SARIF 2.1.0 schema (rtm.5) as Microsoft's SARIF SDK ships it, compiled with ajv's draft-04 dialect. */
export function sarifValidator() {
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif')), 'schemas', 'sarif-2.1.0-rtm.5.json');
  // The schema's patterns are ECMAScript without the u flag (one has a bracket the u flag rejects).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // Its formats (uri, uri-reference, date-time) are checked, not ignored (https://ajv.js.org/packages/ajv-formats.html).
  addFormats(ajv, ['uri', 'uri-reference', 'date-time']);
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
}

// RFC 3986's grammar (appendix A), with a registered name as the only host form.
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const PCHAR_NO_COLON = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=@]|%[0-9A-Fa-f]{2})";
const AUTHORITY = "(?:(?:[A-Za-z0-9\\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*@)?(?:[A-Za-z0-9\\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*(?::[0-9]*)?";
const ABEMPTY = `(?:/${PCHAR}*)*`;
const ABSOLUTE_PATH = `/(?:${PCHAR}+(?:/${PCHAR}*)*)?`;
const TAIL = `(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?`;
/** An absolute URI (`scheme:...`). */
export const ABSOLUTE_URI = new RegExp(`^[A-Za-z][A-Za-z0-9+\\-.]*:(?://${AUTHORITY}${ABEMPTY}|${ABSOLUTE_PATH}|${PCHAR}+(?:/${PCHAR}*)*|)${TAIL}$`);
/** A relative reference (no scheme; a first segment without a colon). */
export const RELATIVE_REF = new RegExp(`^(?://${AUTHORITY}${ABEMPTY}|${ABSOLUTE_PATH}|${PCHAR_NO_COLON}+(?:/${PCHAR}*)*|)${TAIL}$`);

/**
 * What the SARIF Multitool's SARIF1004 (ExpressUriBaseIdsCorrectly) and its
 * URI checks would reject: a uri that is not an RFC 3986 URI reference, a
 * relative one without a uriBaseId, an absolute one with one, and an
 * originalUriBaseIds entry that is not an absolute URI ending with `/`
 * without `..`, query or fragment.
 * @see https://github.com/microsoft/sarif-sdk/blob/main/docs/Producing%20effective%20SARIF.md
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/sarif-v2.1.0-os.html#_Toc34317431
 */
export function sarifUriProblems(log: any): string[] {
  const problems: string[] = [];
  for (const run of log.runs) {
    for (const [id, base] of Object.entries<any>(run.originalUriBaseIds ?? {})) {
      if (!ABSOLUTE_URI.test(base.uri)) problems.push(`originalUriBaseIds ${id}: ${base.uri} is not an absolute URI`);
      if (!base.uri.endsWith('/')) problems.push(`originalUriBaseIds ${id}: ${base.uri} does not end with /`);
      if (base.uri.split('/').includes('..') || /[?#]/.test(base.uri)) problems.push(`originalUriBaseIds ${id}: ${base.uri} has .., a query or a fragment`);
    }
    for (const result of run.results) {
      for (const location of result.locations ?? []) {
        const a = location.physicalLocation?.artifactLocation;
        if (!a) continue;
        const absolute = ABSOLUTE_URI.test(a.uri);
        if (!absolute && !RELATIVE_REF.test(a.uri)) problems.push(`${a.uri}: not a URI reference`);
        if (!absolute && a.uriBaseId === undefined) problems.push(`${a.uri}: a relative reference without a uriBaseId`);
        if (absolute && a.uriBaseId !== undefined) problems.push(`${a.uri}: an absolute URI with a uriBaseId`);
      }
    }
  }
  return problems;
}
