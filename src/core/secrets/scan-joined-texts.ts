import { lastIndexAtOrBefore } from './last-index-at-or-before.js';
import { lineColumnFinder } from './line-column-finder.js';
import { scanSecrets, type SecretMatch } from './scan-secrets.js';

/**
 * Scans many short texts at the cost of one scan: they are joined, each match is mapped back to the
 * text it starts in (`index`) and located within it. The separator holds a NUL, which no pattern
 * allows between a secret's name and its value, so one text cannot complete a match begun in another.
 */
export async function scanJoinedTexts(
  texts: readonly string[],
): Promise<{ readonly index: number; readonly match: SecretMatch }[]> {
  const separator = '\n\0\n';
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length + separator.length;
  }
  const matches = await scanSecrets({ text: texts.join(separator) });
  return matches.flatMap((match) => {
    const index = lastIndexAtOrBefore(starts, match.range[0]);
    const text = texts[index];
    if (text === undefined) return [];
    const relative = match.range[0] - (starts[index] ?? 0);
    return [{ index, match: { ...match, ...lineColumnFinder(text)(relative) } }];
  });
}
