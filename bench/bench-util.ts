/** Timing helpers for the benchmark scripts: median of repeated runs, after a warm-up. */
export function measure(fn: () => void, runs = 5): number {
  fn(); // warm-up: module loading, JIT, schema compilation
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Formats milliseconds. */
export const ms = (t: number) => `${t.toFixed(1)} ms`;

/** Formats a ratio with its target and a verdict. */
export function ratio(name: string, value: number, target: number): string {
  return `${name}: ${value.toFixed(2)}x (target <= ${target}x) ${value <= target ? 'MET' : 'MISSED'}`;
}
