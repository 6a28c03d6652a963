/** A stretch of text written as the inside of a JSON string (`[start, end)`), and what it reads as. */
export interface EscapedStringRun {
  readonly start: number;
  readonly end: number;
  readonly decoded: string;
}

/**
 * The longest stretches a JSON string literal could hold between its quotes (RFC 8259 §7): no
 * unescaped `"`, no control character (so never past a line break), only the escapes JSON knows.
 * The alternatives start with different characters, so matching never backtracks: linear.
 */
// eslint-disable-next-line no-control-regex -- a JSON string cannot hold a raw control character, so one ends a run
const STRING_CONTENT = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))+/g;

/**
 * Every stretch of `text` that is written as JSON string content with at least one escape in it,
 * in order, none overlapping, each with its decoded text (pure, linear in the text's length).
 * This finds escaped text however it is framed: a quoted string (`"{\"key\":\"…\"}"`), escaped
 * JSON without quotes around it (`body: {\"key\":\"…\"}`), one cut off by a length limit
 * (`"{\"key\":\"…\", \"reg` — the run ends where the text or a valid escape ends), quotes
 * written as `\u0022`, and a value split by an escape (`https:\/\/hooks…`). Quotes in prose may
 * pair up either way, so runs are not taken as strings of one parity: both sides of every quote are
 * runs. Text escaped twice decodes to text escaped once, which the caller decodes in turn.
 */
export function escapedStringRuns(text: string): EscapedStringRun[] {
  const runs: EscapedStringRun[] = [];
  if (!text.includes('\\')) return runs;
  for (const match of text.matchAll(STRING_CONTENT)) {
    const content = match[0];
    if (!content.includes('\\')) continue;
    const start = match.index;
    // The pattern admits only what JSON.parse reads inside quotes, so this cannot throw.
    runs.push({ start, end: start + content.length, decoded: JSON.parse(`"${content}"`) as string });
  }
  return runs;
}
