import { gzipMemberAt, isGzipHeaderAt } from '../stores/gzip-member.js';
import type { InflateBudget } from '../stores/inflate-budget.js';
import { MAX_INFLATED_BYTES } from '../stores/readable-texts.js';
import { decodeUtf16, utf16Form } from '../stores/utf16-text.js';
import { decodeUtf32, utf32Form } from '../stores/utf32-text.js';
import { isZlibHeaderAt, zlibStreamAt } from '../stores/zlib-stream.js';
import { lastIndexAtOrBefore } from './last-index-at-or-before.js';
import { lineColumnFinder } from './line-column-finder.js';
import { decodePiece, quotedPieceRuns, type DecodedPiece } from './quoted-piece-runs.js';
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
 * text without control characters (UTF-8, UTF-16 or UTF-32, gzip or zlib of it inflated) is
 * decoded, and the base64 runs inside that text too, up to MAX_BASE64_LAYERS layers
 * (`decodeBase64Texts`); the decoded texts are scanned together (`scanSecrets`); a secret found in
 * one (at any layer) is reported over the whole outer run as
 * written, and over every other place the same run appears. A run wrapped over lines (a YAML block
 * scalar, MIME's 76 or PEM's 64 characters a line, a JSON string with `\n` between its lines) is
 * also joined and decoded whole (`wrappedBase64Runs`), and so is base64 written in adjacent quoted
 * pieces (`joinedBase64Runs`: Python's implicit concatenation, `'…' + '…'`). Runs that decode to binary (images) are
 * not text a token could be read from, and are left alone. Past `MAX_DECODED_BASE64_CHARS` of
 * decoded text, MAX_INFLATED_BYTES inflated or MAX_BASE64_LAYERS layers, or for a compressed stream
 * that does not inflate, one overflow match stands for all (fail closed).
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
  for (const joined of joinedBase64Runs(text)) for (const range of joined.pieces) add(joined.run, range);
  const decodedRuns: { readonly occurrences: readonly TextRange[]; readonly start: number }[] = [];
  const texts: string[] = [];
  let length = 0;
  const budget: DecodeBudget = {
    chars: MAX_DECODED_BASE64_CHARS,
    inflate: { left: MAX_INFLATED_BYTES },
    probes: { left: MAX_ZLIB_PROBES },
  };
  for (const [run, occurrences] of runs) {
    const decoded = decodeBase64Texts(run, budget);
    if (decoded === undefined) continue;
    if (decoded === WITHHELD) return [OUT_OF_BUDGET];
    // The texts under one run are scanned as one, kept apart as runs are: a match in any is the run's.
    const joined = decoded.join(SEPARATOR);
    decodedRuns.push({ occurrences, start: length });
    texts.push(joined);
    length += joined.length + SEPARATOR.length;
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

/** Base64 characters, then up to two `=` of padding: one piece of a joined run. */
const BASE64_PIECE = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Each run of base64 written in adjacent quoted pieces (`quotedPieceRuns`: Python's implicit
 * concatenation `"aGVs" "bG8="`, also over lines inside parentheses as a formatter wraps it, and
 * `'aGVs' + 'bG8='` in JavaScript), its pieces decoded (`decodePiece`) and joined (`run`), with
 * where each non-empty piece is written (`pieces`), so every piece is redacted. A stretch is made
 * of consecutive pieces holding only base64 characters, two or more of them not empty, together
 * at least MIN_RUN long; a piece ending in `=` padding ends it, and any other piece (a word, a
 * join's delimiter) lies between two. Each run is read twice: with commas joining (a `!Join`
 * list of pieces) and with a comma ending a stretch (the next argument of a call,
 * `Buffer.from('aGVs' + 'bG8=', 'base64')`, is no piece of the value). Bounded by the text: each
 * piece is read twice and joined into at most one run each time, so the runs hold no more than
 * twice the text's characters, and what they decode to counts against the scan's budget
 * (MAX_DECODED_BASE64_CHARS, MAX_INFLATED_BYTES: withheld past it). Linear.
 */
function joinedBase64Runs(text: string): { run: string; pieces: TextRange[] }[] {
  const found = new Map<string, { run: string; pieces: TextRange[] }>();
  for (const run of quotedPieceRuns(text)) {
    const pieces = run.map((quoted) => decodePiece(text, quoted));
    for (const commaEnds of [false, true])
      for (const stretch of base64PieceStretches(text, pieces, commaEnds)) {
        const first = stretch[0];
        const last = stretch.at(-1);
        const joined = stretch.map((piece) => piece.text).join('');
        if (first === undefined || last === undefined || stretch.length < 2 || joined.length < MIN_RUN)
          continue;
        // Read both ways, a stretch no comma cuts is the same stretch: kept once.
        found.set(`${first.start}:${last.end}`, {
          run: joined,
          pieces: stretch.map((piece): TextRange => [piece.start, piece.end]),
        });
      }
  }
  return [...found.values()];
}

/**
 * The stretches of `pieces` (one run, in order) that may be one base64 value: consecutive
 * non-empty pieces of base64 characters (BASE64_PIECE), empty ones skipped; a piece of anything
 * else lies between two, a piece ending in `=` padding ends one, and with `commaEnds` so does a
 * comma between two pieces.
 */
function base64PieceStretches(
  text: string,
  pieces: readonly DecodedPiece[],
  commaEnds: boolean,
): DecodedPiece[][] {
  const stretches: DecodedPiece[][] = [];
  let stretch: DecodedPiece[] = [];
  const close = () => {
    if (stretch.length > 0) stretches.push(stretch);
    stretch = [];
  };
  for (const piece of pieces) {
    const previous = stretch.at(-1);
    // Between two pieces of one run lie only joiners (at most 64 characters: `quotedPieceRuns`).
    if (commaEnds && previous !== undefined && text.slice(previous.end, piece.start).includes(',')) close();
    if (!BASE64_PIECE.test(piece.text)) {
      close();
      continue;
    }
    if (piece.text !== '') stretch.push(piece);
    if (piece.text.endsWith('=')) close();
  }
  close();
  return stretches;
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

/** Layers of encoding read under one run (base64 of JSON holding base64 of `user:token` is two); a text decoding deeper goes withheld. */
export const MAX_BASE64_LAYERS = 3;
/** zlib headers probed in one scan (`zlibStreamAt`): a chance header in decoded binary costs little. */
const MAX_ZLIB_PROBES = 64;

/** What decoding may still spend in one scan: decoded characters, decompressed bytes, zlib probes. */
interface DecodeBudget {
  chars: number;
  readonly inflate: InflateBudget;
  readonly probes: { left: number };
}

/** Decoding passed a bound (`MAX_BASE64_LAYERS`, a budget) or a compressed stream did not read: withhold the text. */
const WITHHELD = Symbol('withheld');

/**
 * The texts `run` decodes to, layer by layer: the run strictly decoded as base64 (`base64Bytes`),
 * those bytes read as text (`bytesAsText`: UTF-8, UTF-32 or UTF-16 text, or a gzip member or zlib
 * stream inflated and read so: cloud-init inflates a gzipped `UserData`, `powershell
 * -EncodedCommand` reads UTF-16LE), then every base64 run inside that text decoded the same way,
 * up to MAX_BASE64_LAYERS layers (a Kubernetes `dockerconfigjson`: base64 of JSON whose `auth` is
 * base64 of `user:token`). `undefined` when the run is no base64 of text (an image, a word that
 * uses the alphabet); WITHHELD past a bound, or for a compressed stream that does not inflate
 * (fail closed).
 */
function decodeBase64Texts(
  run: string,
  budget: DecodeBudget,
  layer = 1,
): string[] | typeof WITHHELD | undefined {
  const bytes = base64Bytes(run);
  if (bytes === undefined) return undefined;
  const text = bytesAsText(bytes, budget);
  if (text === undefined || text === WITHHELD) return text;
  budget.chars -= text.length;
  if (budget.chars < 0) return WITHHELD;
  const texts = [text];
  const inner = new Set<string>();
  for (const range of base64Runs(text)) inner.add(text.slice(range[0], range[1]));
  for (const wrapped of wrappedBase64Runs(text)) inner.add(wrapped.run);
  for (const innerRun of inner) {
    if (layer >= MAX_BASE64_LAYERS) {
      // One more layer would be read only to be withheld: look whether it is text at all first.
      if (bytesAsText(base64Bytes(innerRun) ?? Buffer.alloc(0), budget) !== undefined) return WITHHELD;
      continue;
    }
    const decoded = decodeBase64Texts(innerRun, budget, layer + 1);
    if (decoded === WITHHELD) return WITHHELD;
    if (decoded !== undefined) texts.push(...decoded);
  }
  return texts;
}

/**
 * `run` decoded as base64, when it is strictly base64: the decoding re-encodes to `run` (so a word
 * that merely uses the alphabet, or a run cut mid-quantum, is not taken), one alphabet (standard
 * or URL-safe). `undefined` otherwise.
 */
function base64Bytes(run: string): Buffer | undefined {
  const unpadded = run.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return undefined;
  const standard = unpadded.replace(/-/g, '+').replace(/_/g, '/');
  if (standard !== unpadded && /[+/]/.test(unpadded)) return undefined; // two alphabets mixed
  const bytes = Buffer.from(standard, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === standard ? bytes : undefined;
}

/**
 * `bytes` as text without control characters but tab and line breaks: UTF-8, else UTF-32
 * (`utf32Form`), else UTF-16 (`utf16Form`); a gzip member or zlib stream at their start is
 * inflated within the budget first (once: compressed data inside compressed data is no text a
 * platform decodes). `undefined` for bytes that are no text (binary); WITHHELD when a stream that
 * starts like one does not inflate or passes the budget.
 */
function bytesAsText(bytes: Buffer, budget: DecodeBudget): string | typeof WITHHELD | undefined {
  let content = bytes;
  if (isGzipHeaderAt(bytes, 0)) {
    const member = gzipMemberAt(bytes, 0, budget.inflate);
    if (member === undefined) return WITHHELD;
    content = member.content;
  } else if (isZlibHeaderAt(bytes, 0)) {
    const stream = zlibStreamAt(bytes, 0, budget.inflate, budget.probes);
    if (stream === undefined) return WITHHELD;
    if (stream !== 'none') content = stream.content;
  }
  return textOf(content);
}

function textOf(bytes: Buffer): string | undefined {
  let decoded: string | undefined;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    decoded = undefined;
  }
  if (decoded === undefined || decoded.includes('\0')) {
    const widest = utf32Form(bytes);
    const wide = widest === undefined ? utf16Form(bytes) : undefined;
    if (widest !== undefined) decoded = decodeUtf32(bytes, widest);
    else if (wide !== undefined) decoded = decodeUtf16(bytes, wide);
  }
  // eslint-disable-next-line no-control-regex
  return decoded === undefined || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded)
    ? undefined
    : decoded;
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
