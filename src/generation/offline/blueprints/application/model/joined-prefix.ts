/**
 * `re-open`, `un-archive`: the hyphen split the prefix from its verb (`re`, `open`); read as one
 * verb (`reopen`), as the unhyphenated spelling is.
 */
export function joinedPrefix(words: readonly string[]): string[] {
  const [first, second, ...rest] = words;
  return (first === 're' || first === 'un') && second !== undefined
    ? [`${first}${second}`, ...rest]
    : [...words];
}
