import * as path from 'node:path';
import { expect, test } from 'vitest';
import { artifactUri, sourceRootUri, STDIN_NAME } from '../../lib/cli/artifact-uri';
import { ABSOLUTE_URI, RELATIVE_REF } from './sarif-checks';

test('POSIX: a path under the working folder is relative to %SRCROOT%; elsewhere, or above it, an absolute file: URI', () => {
  const p = path.posix;
  expect(artifactUri('a/b.json', '/w', p)).toEqual({ uri: 'a/b.json', uriBaseId: '%SRCROOT%' });
  expect(artifactUri('/w/a/b.json', '/w', p)).toEqual({ uri: 'a/b.json', uriBaseId: '%SRCROOT%' });
  expect(artifactUri('../x/b.json', '/w/sub', p)).toEqual({ uri: 'file:///w/x/b.json' });
  expect(artifactUri('/etc/c d.json', '/w', p)).toEqual({ uri: 'file:///etc/c%20d.json' });
  // A file named like a parent, inside the folder, stays relative.
  expect(artifactUri('..c.json', '/w', p)).toEqual({ uri: '..c.json', uriBaseId: '%SRCROOT%' });
  expect(sourceRootUri('/w/my dir', p)).toBe('file:///w/my%20dir/');
  expect(sourceRootUri('/', p)).toBe('file:///');
});

test('Windows: drive letters and UNC shares as RFC 8089 file: URIs, backslashes as /', () => {
  const w = path.win32;
  expect(artifactUri('a\\b.json', 'C:\\w', w)).toEqual({ uri: 'a/b.json', uriBaseId: '%SRCROOT%' });
  expect(artifactUri('D:\\x\\b.json', 'C:\\w', w)).toEqual({ uri: 'file:///D:/x/b.json' });
  expect(artifactUri('\\\\host\\share\\b.json', 'C:\\w', w)).toEqual({ uri: 'file://host/share/b.json' });
  expect(sourceRootUri('C:\\w', w)).toBe('file:///C:/w/');
});

test('every character outside RFC 3986\'s unreserved set is percent-encoded; a colon never reads as a scheme', () => {
  const name = 'a:b [1]%#?ü|^`{}.json';
  const { uri } = artifactUri(name, '/w', path.posix);
  expect(uri).toBe('a%3Ab%20%5B1%5D%25%23%3F%C3%BC%7C%5E%60%7B%7D.json');
  expect(RELATIVE_REF.test(uri)).toBe(true);
  expect(ABSOLUTE_URI.test(uri)).toBe(false);
  expect(decodeURIComponent(uri)).toBe(name);
  expect(ABSOLUTE_URI.test(artifactUri(`/x/${name}`, '/w', path.posix).uri)).toBe(true);
});

test('standard input is an artifact of its own base', () => {
  expect(artifactUri(STDIN_NAME, '/w', path.posix)).toEqual({ uri: 'stdin', uriBaseId: 'STDIN' });
});
