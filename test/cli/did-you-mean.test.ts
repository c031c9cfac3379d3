import { expect, test } from 'vitest';
import { didYouMean, editDistance } from '../../lib/cli/did-you-mean';

test('a swap of two neighbours is one edit; insertions, deletions and substitutions one each', () => {
  expect(editDistance('fromat', 'format')).toBe(1);
  expect(editDistance('output', 'outptu')).toBe(1);
  expect(editDistance('out', 'output')).toBe(3);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('kitten', 'sitting')).toBe(3);
});

test('suggests the closest option within a third of the word, and nothing for a word unlike any', () => {
  const options = ['format', 'output', 'fail-on', 'help'];
  expect(didYouMean('fromat', options)).toBe('format');
  expect(didYouMean('FORMAT', options)).toBe('format');
  expect(didYouMean('failon', options)).toBe('fail-on');
  expect(didYouMean('hlep', options)).toBe('help');
  expect(didYouMean('verbose', options)).toBeUndefined();
  expect(didYouMean('outdir', options)).toBeUndefined();
});
