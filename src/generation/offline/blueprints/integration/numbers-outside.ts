/** Numbers a text gives (`after 5 failures`) that are none of the values generated: each a gap, as the shared numbers check says. */
export function numbersOutside(text: string, generated: readonly number[]): string[] {
  // `3 times` is a retry count, compared by retryCountGaps.
  const given = (text.match(/(?<![\w.-])\d+(?:\.\d+)?(?![\w-]|\.\d|\s+times?\b)/g) ?? []).map(Number);
  return [...new Set(given.filter((value) => !generated.includes(value)))].map(
    (value) => `${value} is not a value of what was generated; set it by hand or ask again`,
  );
}
