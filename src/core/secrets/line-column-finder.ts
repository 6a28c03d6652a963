import { lastIndexAtOrBefore } from './last-index-at-or-before.js';

/** 1-based line and column (in UTF-16 code units, as editors and GitHub count them). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Indexes the line starts of `text` once (linear), then answers each offset in O(log lines), so
 * locating many findings in one large file stays linear in its size.
 */
export function lineColumnFinder(text: string): (offset: number) => LineColumn {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  return (offset) => {
    const line = lastIndexAtOrBefore(lineStarts, offset);
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
}
