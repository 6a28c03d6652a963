/**
 * Index of the last element of an ascending list that is at most `value` (0 when none is): which
 * line, or which joined text, an offset falls in. O(log n).
 */
export function lastIndexAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((sorted[middle] ?? 0) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
