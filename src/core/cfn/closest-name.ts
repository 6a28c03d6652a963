/** Most edits a suggestion may be away from the name it corrects. */
const MAX_EDITS = 2;

/**
 * The candidate a misspelt name most likely meant (different case, or at most two edits away), so a
 * finding can say "did you mean" and a model can repair it without guessing. Linear in the total
 * length of the candidates: only the band of the edit table within two edits of the diagonal is
 * computed, and a candidate whose length differs by more than two is skipped.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  const lowerName = name.toLowerCase();
  for (const candidate of candidates) {
    const lowerCandidate = candidate.toLowerCase();
    const distance = lowerCandidate === lowerName ? 0 : boundedEditDistance(lowerName, lowerCandidate);
    if (distance <= MAX_EDITS && (best === undefined || distance < best.distance))
      best = { candidate, distance };
  }
  return best?.candidate;
}

/** Levenshtein distance when it is at most MAX_EDITS, else MAX_EDITS + 1. */
function boundedEditDistance(a: string, b: string): number {
  const over = MAX_EDITS + 1;
  if (Math.abs(a.length - b.length) > MAX_EDITS) return over;
  let previous = new Array<number>(b.length + 1).fill(over);
  let current = new Array<number>(b.length + 1).fill(over);
  for (let j = 0; j <= Math.min(b.length, MAX_EDITS); j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const low = Math.max(0, i - MAX_EDITS);
    const high = Math.min(b.length, i + MAX_EDITS);
    // Cells just outside the band stay "too far", so the band never reads a stale value.
    if (low > 0) current[low - 1] = over;
    let rowBest = over;
    for (let j = low; j <= high; j += 1) {
      const value =
        j === 0
          ? i
          : Math.min(
              (previous[j] ?? over) + 1,
              (current[j - 1] ?? over) + 1,
              (previous[j - 1] ?? over) + (a[i - 1] === b[j - 1] ? 0 : 1),
            );
      current[j] = Math.min(value, over);
      rowBest = Math.min(rowBest, current[j] ?? over);
    }
    if (high < b.length) current[high + 1] = over;
    if (rowBest >= over) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] ?? over, over);
}
