/** Bytes still allowed to be decompressed or unpacked for one body (readable-texts' MAX_INFLATED_BYTES); spent as entries are read. */
export interface InflateBudget {
  left: number;
}

/** `inflate(bytes)` within the budget, which it uses up; undefined when it fails or would pass it. */
export function inflatedWithin(
  inflate: (options: { maxOutputLength: number }) => Buffer,
  budget: InflateBudget,
): Buffer | undefined {
  if (budget.left <= 0) return undefined;
  try {
    const out = inflate({ maxOutputLength: budget.left });
    budget.left -= out.length;
    return out;
  } catch {
    return undefined;
  }
}
