import * as path from 'node:path';

/** Where a SARIF result's file is: a URI, relative to `uriBaseId` when it has one. */
export interface ArtifactUri {
  readonly uri: string;
  readonly uriBaseId?: string;
}

/** The base of relative URIs: the folder the command ran in (`run.originalUriBaseIds`). */
export const SOURCE_ROOT = '%SRCROOT%';
/** The name standard input (`-`) has in reports. */
export const STDIN_NAME = '<stdin>';
/**
 * Standard input's base: it has no URI, so its artifact is named relative to
 * a base id that `originalUriBaseIds` does not define, which SARIF allows
 * (the consumer resolves it "by other means", here: none).
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/sarif-v2.1.0-os.html#_Toc34317432
 */
export const STDIN_BASE = 'STDIN';

/**
 * The SARIF location of a file read from `given` (as written on the command
 * line) in `cwd`: a path inside the working folder as a relative URI against
 * {@link SOURCE_ROOT}, as GitHub code scanning resolves it against the
 * checkout; any other path as an absolute `file:` URI; standard input as
 * `stdin` against {@link STDIN_BASE}. Each segment is percent-encoded, so the
 * result is a valid URI reference whatever the file's name.
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-3.3
 * @see https://www.rfc-editor.org/rfc/rfc8089
 */
export function artifactUri(given: string, cwd: string, pathApi: path.PlatformPath = path): ArtifactUri {
  if (given === STDIN_NAME) return { uri: 'stdin', uriBaseId: STDIN_BASE };
  const absolute = pathApi.resolve(cwd, given);
  const relative = pathApi.relative(cwd, absolute);
  const outside = relative === '..' || relative.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(relative);
  if (relative !== '' && !outside) {
    return { uri: encodePath(relative.split(pathApi.sep)), uriBaseId: SOURCE_ROOT };
  }
  return { uri: fileUri(absolute, pathApi) };
}

/** The working folder as a `file:` URI ending with `/`, the value of {@link SOURCE_ROOT}. */
export function sourceRootUri(cwd: string, pathApi: path.PlatformPath = path): string {
  const uri = fileUri(pathApi.resolve(cwd), pathApi);
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** `/a/b c` as `file:///a/b%20c`; `C:\a` as `file:///C:/a`; `\\host\share\a` as `file://host/share/a`. */
function fileUri(absolute: string, pathApi: path.PlatformPath): string {
  const segments = absolute.split(pathApi.sep);
  if (pathApi.sep === '\\' && absolute.startsWith('\\\\')) {
    const [host, ...rest] = segments.slice(2);
    return `file://${encodeURIComponent(host)}/${encodePath(rest)}`;
  }
  // A drive letter stays as it is (RFC 8089 appendix E.2); the POSIX root gives the empty first segment.
  const drive = /^[A-Za-z]:$/.test(segments[0]) ? `/${segments.shift()}` : '';
  if (!drive) segments.shift();
  return `file://${drive}/${encodePath(segments)}`;
}

/** Path segments joined by `/`, each with everything but RFC 3986's unreserved characters (and a few sub-delims) percent-encoded. */
function encodePath(segments: readonly string[]): string {
  return segments.map(encodeURIComponent).join('/');
}
