import { expect, test } from 'vitest';
import { Progress } from '../../lib/cli/progress';

const sink = () => {
  const writes: string[] = [];
  return { writes, out: { write: (t: string) => writes.push(t) } };
};

test('a counter updated in place, at most every interval, its last value always shown, erased at the end', () => {
  const { writes, out } = sink();
  let now = 0;
  const p = new Progress(out, 100, () => now);
  p.count('audit', 1, 3, 'clusters');
  now = 50;
  p.count('audit', 2, 3, 'clusters'); // too soon: skipped
  p.count('audit', 3, 3, 'clusters'); // the last: always
  p.clear();
  expect(writes).toEqual(['\raudit: 1/3 clusters\x1b[K', '\raudit: 3/3 clusters\x1b[K', '\r\x1b[K']);
});

test('a line per step clears a counter first; without a terminal nothing is written', () => {
  const { writes, out } = sink();
  const p = new Progress(out, 0);
  p.count('audit', 1, 2, 'clusters');
  p.line('synth: a (1/2)');
  expect(writes).toEqual(['\raudit: 1/2 clusters\x1b[K', '\r\x1b[K', 'synth: a (1/2)\n']);
  const silent = new Progress(undefined);
  silent.count('audit', 1, 1, 'clusters');
  silent.line('x');
  silent.clear();
});
