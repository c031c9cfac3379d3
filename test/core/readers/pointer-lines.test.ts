import { expect, test } from 'vitest';
import { PointerLines } from '../../../lib/core/readers/pointer-lines';

const TEXT = [
  '{', //                                         1
  '  // a comment, as ARM accepts', //             2
  '  "resources": [', //                           3
  '    {', //                                      4
  '      "name": "aks",', //                       5
  '      "properties": {', //                      6
  '        "apiServerAccessProfile": {', //        7
  '          "authorizedIPRanges": [', //          8
  '            "203.0.113.0/24"', //               9
  '          ]', //                                10
  '        }', //                                  11
  '      },', //                                   12
  '      "a/b": { "~c": 1 }', //                   13
  '    }', //                                      14
  '  ]', //                                        15
  '}', //                                          16
].join('\n');

test('a pointer gives the line its value is written on, escapes decoded', () => {
  const lines = new PointerLines(TEXT);
  expect(lines.lineOf('/resources/0/name')).toBe(5);
  expect(lines.lineOf('/resources/0/properties/apiServerAccessProfile/authorizedIPRanges/0')).toBe(9);
  expect(lines.lineOf('/resources/0/a~1b/~0c')).toBe(13);
});

test('a payload path within the resource, through az\'s casing and without its properties level', () => {
  const lines = new PointerLines(TEXT);
  expect(lines.lineOf('/resources/0', 'properties.apiServerAccessProfile.authorizedIPRanges[0]')).toBe(9);
  expect(lines.lineOf('/resources/0', 'properties.APISERVERACCESSPROFILE.authorizedIpRanges')).toBe(8);
  // `az aks show` writes no `properties` level: the path skips it.
  const az = new PointerLines('{\n  "name": "aks",\n  "apiServerAccessProfile": {\n    "authorizedIpRanges": []\n  }\n}');
  expect(az.lineOf('', 'properties.apiServerAccessProfile.authorizedIPRanges')).toBe(4);
});

test('where the way stops at an absent value, the line is that of the deepest part written', () => {
  const lines = new PointerLines(TEXT);
  expect(lines.lineOf('/resources/0/properties/disableLocalAccounts')).toBe(6);
  expect(lines.lineOf('/resources/0', 'properties.apiServerAccessProfile.enablePrivateCluster')).toBe(7);
  expect(lines.lineOf('/resources/0', 'diagnostic settings')).toBe(4);
  // No JSON, no line: a report then names the document alone.
  expect(new PointerLines('not json at all').lineOf('/x')).toBeUndefined();
});
