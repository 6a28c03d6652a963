/** The length of the longest run of backticks in `text` (0 when there is none); linear, no spread. */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return longest;
}
