import { lastIndexAtOrBefore } from './last-index-at-or-before.js';
import { lineColumnFinder } from './line-column-finder.js';
import { scanSecrets, type SecretMatch, type TextRange } from './scan-secrets.js';
import { secretKind } from './secret-kind.js';
import { TOO_MANY_REPORTS } from './secretlint-config.js';

/**
 * The shortest run that may be base64 of a secret: the shortest token a rule finds (an AWS access
 * key id, 20 characters) is 28 characters in base64; shorter runs are ordinary words.
 */
const MIN_RUN = 28;
/**
 * Most decoded text one scan reads (characters). Decoded text is at most three quarters of the
 * text, so this only bites on texts of megabytes of base64 that decodes to text; past it, the text
 * is withheld whole (an overflow match): the rest was not scanned.
 */
export const MAX_DECODED_BASE64_CHARS = 4 << 20;
/** Decoded texts of one scan are kept apart by a NUL, which no rule lets a match cross. */
const SEPARATOR = '\n\0\n';

/**
 * Secrets written base64-encoded in `text` (issue #10): a plain string value such as
 * `Z2hwXy…` that decodes to a GitHub token, not only one under `Fn::Base64`. Every run of base64
 * characters long enough to hold a token that decodes, strictly (it re-encodes to itself), to
 * UTF-8 text without control characters is decoded once (not recursively) and the decoded texts
 * are scanned together (`scanSecrets`); a secret found in one is reported over the whole run as
 * written, and over every other place the same run appears. A run wrapped over lines (a YAML block
 * scalar, MIME's 76 or PEM's 64 characters a line, a JSON string with `\n` between its lines) is
 * also joined and decoded whole (`wrappedBase64Runs`). Runs that decode to binary (images,
 * compressed data) are not text a token could be read from, and are left alone. Past
 * `MAX_DECODED_BASE64_CHARS` of decoded text one overflow match stands for all (fail closed).
 * Throws when the scanner fails.
 */
export async function scanBase64Literals(text: string): Promise<SecretMatch[]> {
  const runs = new Map<string, TextRange[]>();
  const add = (run: string, range: TextRange) => {
    const known = runs.get(run);
    if (known === undefined) runs.set(run, [range]);
    else known.push(range);
  };
  for (const range of base64Runs(text)) add(text.slice(range[0], range[1]), range);
  for (const wrapped of wrappedBase64Runs(text)) add(wrapped.run, wrapped.range);
  const decodedRuns: { readonly occurrences: readonly TextRange[]; readonly start: number }[] = [];
  const texts: string[] = [];
  let length = 0;
  for (const [run, occurrences] of runs) {
    const decoded = decodeBase64Text(run);
    if (decoded === undefined) continue;
    if (length + decoded.length > MAX_DECODED_BASE64_CHARS) return [OUT_OF_BUDGET];
    decodedRuns.push({ occurrences, start: length });
    texts.push(decoded);
    length += decoded.length + SEPARATOR.length;
  }
  if (texts.length === 0) return [];
  const matches = await scanSecrets({ text: texts.join(SEPARATOR) });
  if (matches.some((match) => match.overflow)) return [OUT_OF_BUDGET];
  const starts = decodedRuns.map((decodedRun) => decodedRun.start);
  const locate = lineColumnFinder(text);
  const reported = new Set<number>();
  const result: SecretMatch[] = [];
  for (const match of matches) {
    const index = lastIndexAtOrBefore(starts, match.range[0]);
    const decodedRun = decodedRuns[index];
    const first = decodedRun?.occurrences[0];
    if (decodedRun === undefined || first === undefined || reported.has(index)) continue;
    reported.add(index);
    result.push({
      kind: match.kind,
      ruleId: `${match.ruleId} (base64)`,
      range: first,
      ...locate(first[0]),
      occurrences: decodedRun.occurrences,
      overflow: false,
    });
  }
  return result.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Where each run of base64 characters (standard or URL-safe alphabet, then up to two `=`) of
 * MIN_RUN or more lies in `text`. A loop, not a regular expression: a run of megabytes would
 * overflow the regular expression engine's stack. Linear.
 */
function base64Runs(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = -1;
  for (let at = 0; at <= text.length; at += 1) {
    if (at < text.length && isBase64Character(text.charCodeAt(at))) {
      if (start === -1) start = at;
      continue;
    }
    if (start !== -1 && at - start >= MIN_RUN) {
      let end = at;
      while (end < text.length && end - at < 2 && text.charCodeAt(end) === 0x3d) end += 1;
      ranges.push([start, end]);
    }
    start = -1;
  }
  return ranges;
}

/** Shortest line of a wrapped run but its last (base64 writers wrap at 64 or 76). */
const MIN_WRAPPED_LINE = 16;
/** Between the lines of a wrapped run: a line break (also as JSON writes one, `\n`), then indentation. */
const LINE_BREAK = /^(?:\r?\n|\\r\\n|\\n)[ \t]*$/;
/** Longest text between two lines that may be a line break and indentation. */
const MAX_BREAK = 80;

/**
 * Each run of base64 wrapped over lines, its lines joined (`run`), over the text from its first
 * line to its last (`range`): two or more stretches of base64 characters separated only by a line
 * break (`LINE_BREAK`), every line but the last as long as the first, a multiple of four and at
 * least MIN_WRAPPED_LINE long, the last no longer and ending the run (with its `=` padding), all
 * together at least MIN_RUN. Each character is in at most one run: linear.
 */
function wrappedBase64Runs(text: string): { run: string; range: TextRange }[] {
  const found: { run: string; range: TextRange }[] = [];
  const stretches = base64Stretches(text);
  let index = 0;
  while (index < stretches.length) {
    const first = stretches[index];
    let last = index;
    const width = first === undefined ? 0 : first[1] - first[0];
    if (first !== undefined && width >= MIN_WRAPPED_LINE && width % 4 === 0 && !padded(text, first)) {
      for (let next = index + 1; next < stretches.length; next += 1) {
        const before = stretches[next - 1];
        const line = stretches[next];
        if (before === undefined || line === undefined || line[1] - line[0] > width) break;
        const between = text.slice(before[1], line[0]);
        if (between.length > MAX_BREAK || !LINE_BREAK.test(between)) break;
        last = next;
        if (line[1] - line[0] < width || padded(text, line)) break;
      }
    }
    if (last > index && first !== undefined) {
      const lines = stretches.slice(index, last + 1);
      const end = lines.at(-1)?.[1] ?? first[1];
      const run = lines.map(([start, stop]) => text.slice(start, stop)).join('');
      const padding = /^={0,2}/.exec(text.slice(end, end + 2))?.[0] ?? '';
      if (run.length >= MIN_RUN) found.push({ run: run + padding, range: [first[0], end + padding.length] });
    }
    index = last + 1;
  }
  return found;
}

/** Whether `=` padding follows `stretch`: it ends a run. */
function padded(text: string, stretch: TextRange): boolean {
  return text.charCodeAt(stretch[1]) === 0x3d;
}

/**
 * Every stretch of base64 characters in `text`, any length; a JSON escape `\n` or `\r` ends one
 * (its letter is no base64 of the run). Linear.
 */
function base64Stretches(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = -1;
  for (let at = 0; at <= text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (at < text.length && isBase64Character(code)) {
      if (start === -1) start = at;
      continue;
    }
    if (start !== -1) ranges.push([start, at]);
    start = -1;
    // A backslash escaping a line break: its letter belongs to the break, not the next line.
    const escaped = text.charCodeAt(at + 1);
    if (code === 0x5c && (escaped === 0x6e || escaped === 0x72)) at += 1;
  }
  return ranges;
}

/** `A-Z`, `a-z`, `0-9`, `+`, `/`, `-`, `_`. */
function isBase64Character(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2b ||
    code === 0x2f ||
    code === 0x2d ||
    code === 0x5f
  );
}

/**
 * `run` decoded as base64, when it is base64 of UTF-8 text: the decoding re-encodes to `run` (so
 * a word that merely uses the alphabet, or a run cut mid-quantum, is not taken), is valid UTF-8
 * and holds no control character but tab and line breaks. `undefined` otherwise.
 */
function decodeBase64Text(run: string): string | undefined {
  const unpadded = run.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return undefined;
  const standard = unpadded.replace(/-/g, '+').replace(/_/g, '/');
  if (standard !== unpadded && /[+/]/.test(unpadded)) return undefined; // two alphabets mixed
  const bytes = Buffer.from(standard, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== standard) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded) ? undefined : decoded;
}

/** What stands for the secrets of a text with more decoded base64 than one scan reads. */
const OUT_OF_BUDGET: SecretMatch = {
  kind: secretKind(TOO_MANY_REPORTS),
  ruleId: 'implementation-agent/base64-decoded-budget',
  range: [0, 0],
  line: 1,
  column: 1,
  occurrences: [[0, 0]],
  overflow: true,
};
