import { performance } from 'node:perf_hooks';

/**
 * Median wall time in milliseconds of `runs` runs of `action`, after one untimed run that warms up
 * the code and its regular expressions. Used by the benches that compare two sizes in one run.
 */
export async function medianMs(runs: number, action: () => unknown): Promise<number> {
  await action();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await action();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}
