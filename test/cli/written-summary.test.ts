import * as path from 'node:path';
import { expect, test } from 'vitest';
import { writtenSummary } from '../../lib/cli/written-summary';

test('one line per folder: its files named, or counted past five; never thirty paths on a line', () => {
  const flux = Array.from({ length: 30 }, (_, i) => path.join('flux', 'cluster-a', `object-${i}.yaml`));
  const written = new Map([
    ['estate', ['hub.template.json', 'overview.md', ...flux]],
    ['one', ['cluster.template.json', 'encryption-coverage.md']],
  ]);
  const cwd = path.resolve('/w');
  expect(writtenSummary(written, path.join(cwd, 'dist'), cwd)).toBe(
    'dist/estate/: hub.template.json, overview.md\ndist/estate/flux/cluster-a/: 30 files\ndist/one/: cluster.template.json, encryption-coverage.md\n',
  );
});
