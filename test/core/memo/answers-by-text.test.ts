import { expect, test } from 'vitest';
import { answersByText } from '../../../lib/core/memo/answers-by-text';

test('each text is computed once, and its answer found again, undefined included', () => {
  const computed: string[] = [];
  const lengthOrUndefined = answersByText((text) => {
    computed.push(text);
    return text === '' ? undefined : text.length;
  });
  expect([lengthOrUndefined('abc'), lengthOrUndefined('abc'), lengthOrUndefined(''), lengthOrUndefined('')]).toEqual([3, 3, undefined, undefined]);
  expect(computed).toEqual(['abc', '']);
});

test('a full table is emptied and fills again: the answers stay the same, the table stays bounded', () => {
  const computed: string[] = [];
  const upper = answersByText((text) => {
    computed.push(text);
    return text.toUpperCase();
  }, 2);
  expect(['a', 'b', 'c', 'a', 'c'].map((t) => upper(t))).toEqual(['A', 'B', 'C', 'A', 'C']);
  // 'c' emptied the table of 'a' and 'b': 'a' is computed again, 'c' is still held.
  expect(computed).toEqual(['a', 'b', 'c', 'a']);
});

test('a context gives what the answer is computed from; the text alone is the key', () => {
  const computed: number[] = [];
  const sum = answersByText((_key, pair: { a: number; b: number }) => {
    computed.push(pair.a + pair.b);
    return pair.a + pair.b;
  });
  expect([sum('1+2', { a: 1, b: 2 }), sum('1+2', { a: 1, b: 2 }), sum('2+2', { a: 2, b: 2 })]).toEqual([3, 3, 4]);
  expect(computed).toEqual([3, 4]);
});
