import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { decodeDocument, parseJsonDocument } from '../../../lib/core/readers/document-text';

const QUICKSTART = fs.readFileSync(path.join(__dirname, '../../fixtures/arm-templates/quickstart-aks/azuredeploy.json'), 'utf8');
const STAMP = fs.readFileSync(path.join(__dirname, '../../fixtures/arm-templates/aks-baseline-cluster-stamp/cluster-stamp.json'), 'utf8');

/** UTF-16 with its byte order mark, as Windows PowerShell 5.1's `>` writes. */
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
}

function textOf(bytes: Uint8Array): string {
  const decoded = decodeDocument(bytes, 'doc.json');
  if (!('text' in decoded)) throw new Error(decoded.problem.message);
  return decoded.text;
}

function valueOf(text: string): any {
  const parsed = parseJsonDocument(text, 'doc.json');
  if (!('value' in parsed)) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.value;
}

test('UTF-8 with and without a byte order mark decode to the same text', () => {
  const plain = Buffer.from(QUICKSTART, 'utf8');
  expect(textOf(plain)).toBe(QUICKSTART);
  expect(textOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]))).toBe(QUICKSTART);
});

test('UTF-16 little and big endian with a byte order mark decode to the template', () => {
  expect(textOf(utf16(QUICKSTART, false))).toBe(QUICKSTART);
  expect(textOf(utf16(QUICKSTART, true))).toBe(QUICKSTART);
  expect(valueOf(textOf(utf16(QUICKSTART, false))).resources[0].type).toBe('Microsoft.ContainerService/managedClusters');
});

test('fails to decode bytes that are not UTF-8, and says so at the document', () => {
  const decoded = decodeDocument(Uint8Array.from([0x7b, 0xff, 0x7d]), 'bad.json');
  expect(decoded).toEqual({ problem: { at: { document: 'bad.json', pointer: '' }, message: expect.stringMatching(/not text/) } });
});

test('a byte order mark left in the text is not a JSON error', () => {
  expect(valueOf(`\ufeff${QUICKSTART}`).contentVersion).toBe('1.0.0.0');
});

test('comments and trailing commas are read as ARM reads them: the aks-baseline stamp has // comments', () => {
  expect(() => JSON.parse(STAMP)).toThrow();
  const value = valueOf(STAMP);
  expect(value.resources.length).toBeGreaterThan(30);
  expect(valueOf('{ /* block */ "a": [1, 2,], // line\n "b": { "c": true, }, }')).toEqual({ a: [1, 2], b: { c: true } });
});

test('raw line breaks and tabs inside strings (a multi-line query) are kept', () => {
  const value = valueOf('{ "query": "Heartbeat\r\n| where\tComputer == \\"x\\"\n| take 1" }');
  expect(value.query).toBe('Heartbeat\r\n| where\tComputer == "x"\n| take 1');
});

test('fails with a line and column where the text is not JSON, counted in the original text', () => {
  const parsed = parseJsonDocument('{\n  "a": "multi\nline",\n  "b": 1\n  "c": 2\n}', 'bad.json');
  expect(parsed).toEqual({ problems: [{ at: { document: 'bad.json', pointer: '' }, message: 'line 5, column 3: comma expected' }] });
  const unclosed = parseJsonDocument('{ "a": [1, 2 }', 'bad.json');
  expect('problems' in unclosed && unclosed.problems[0].message).toMatch(/^line 1, column 14: /);
});
