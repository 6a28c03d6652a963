import { lastIndexAtOrBefore } from './last-index-at-or-before.js';
import { lineColumnFinder } from './line-column-finder.js';
import { decodePiece, leadsWithDelimiter, quotedPieceRuns, type DecodedPiece } from './quoted-piece-runs.js';
import { scanSecrets, type SecretMatch, type TextRange } from './scan-secrets.js';
import { secretKind } from './secret-kind.js';
import { TOO_MANY_REPORTS } from './secretlint-config.js';

/** Joined texts of one scan are kept apart by a NUL, which no rule lets a match cross. */
const SEPARATOR = '\n\0\n';
/**
 * How a run's pieces are read together: `''` (`!Join ['', …]`, `+`: a token in two halves) and a
 * line break (a PEM key a line a piece, whatever the delimiter); a run led by a join's own
 * delimiter (`!Join ['_', [...]]`) is also read joined with it.
 */
const DELIMITERS = ['', '\n'];
/**
 * How much of the text before a match is scanned again once the match is cut off (characters): a
 * token that ran into the match (`ghp_<A>ghp_<B>`: A is followed by a letter, so the rule's
 * look-ahead refuses it) ends right where the match starts, and every rule whose match can be
 * refused by its neighbour matches a bounded length (GitHub's fine-grained token, the longest of
 * them, has 93 characters). Text further back had the same neighbours when it was scanned before,
 * so scanning it again finds nothing new; the window keeps each round's scan small, so a run of
 * N tokens back to back costs N small scans, not N scans of the whole run.
 */
const WINDOW = 512;
/**
 * Characters the rounds may scan in all, per character of the first round's text, past a floor
 * for short texts. A run of tokens back to back costs about WINDOW / (token length) per character
 * (13 for GitHub's 40-character tokens); only a text made of shorter matches chained one into the
 * next comes near it. Past it, the text is withheld whole (an overflow match): it could not be
 * scanned in linear time.
 */
const WORK_PER_CHARACTER = 32;
/**
 * Where a known token starts (GitHub `ghp_`… and `github_pat_`, Slack `xox?-`/`xapp-`, npm, OpenAI
 * and Anthropic `sk-`, AWS key ids, Google `AIza`, GitLab `glpat-`, Hugging Face `hf_`, Stripe,
 * SendGrid `SG.`, Shopify): each joined run is also cut there, so a token glued to a letter before
 * it or to another token after it (`ghp_<A>ghp_<B>`, A ending in a letter: the rules' look-around
 * refuses both) is tried on its own.
 */
const TOKEN_PREFIX =
  /gh[opusr]_|github_pat_|xox[a-z]-|xapp-|npm_|sk-|(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]|AIza|glpat-|hf_|[rs]k_(?:live|test)_|SG\.|shp(?:at|ca|pa|ss)_/g;
const MIN_WORK = 1 << 20;

/** One joined text: its pieces (decoded), and the run it is (a part of) as first joined. */
interface Segment {
  readonly pieces: readonly DecodedPiece[];
  readonly delimiter: string;
  /** Which segment of the first round it is, or is a window of. */
  readonly root: number;
  /** Where its text starts in that segment's joined text. */
  readonly rootFrom: number;
}

interface Placed extends Segment {
  /** Where each piece starts in the scan's text (ascending). */
  readonly offsets: readonly number[];
  readonly start: number;
}

/** Work counters, for tests and benches that check the cost grows linearly. */
export interface JoinedPiecesWork {
  /** Pieces visited while mapping matches back to the source. */
  piecesVisited: number;
  /** Scans made (one per round). */
  scans: number;
  /** Characters scanned in all rounds. */
  charactersScanned?: number;
}

/**
 * The secrets a text holds only once its adjacent quoted pieces are joined (`quotedPieceRuns`:
 * `!Join ['', ['-----BEGIN RSA PRIVATE KEY-----', 'MII…', …]]` in a template or quoted in a
 * comment, `["ghp_", "abc…"]` in `Fn::Join` JSON, `'ghp_' + 'abc…'`, `` `ghp_` + `abc…` ``), each
 * as a match whose occurrences are the stretches of the pieces it spans, in `text`'s offsets, so
 * redaction takes every piece of it and a finding points at its first piece. Each piece is read
 * decoded (`decodePiece`: `"\u0061…"` joins as `a…`). Only secrets that span two pieces or more:
 * one inside a single piece is the plain scan's. Every run is joined both ways (DELIMITERS), and
 * with its own delimiter when it leads with one (`leadsWithDelimiter`); all are scanned at once.
 * Then the text before each match (WINDOW characters of it) is scanned again, round after round
 * until a round finds nothing, so of any number of tokens back to back all are found, in linear
 * work. When the scanner lists more than it locates (overflow), or the rounds would scan more than
 * WORK_PER_CHARACTER times the text, one overflow match stands for them. Throws when the scanner
 * fails.
 */
export async function scanJoinedPieces(text: string, work?: JoinedPiecesWork): Promise<SecretMatch[]> {
  const runs = quotedPieceRuns(text);
  if (runs.length === 0) return [];
  let segments: Segment[] = [];
  for (const run of runs) {
    const pieces = run.map((piece) => decodePiece(text, piece));
    for (const delimiter of DELIMITERS)
      segments.push({ pieces, delimiter, root: segments.length, rootFrom: 0 });
    const [lead, ...rest] = pieces;
    if (lead !== undefined && lead.text !== '' && leadsWithDelimiter(text, run))
      segments.push({ pieces: rest, delimiter: lead.text, root: segments.length, rootFrom: 0 });
  }
  const roots = place(segments);
  const locate = lineColumnFinder(text);
  const found: SecretMatch[] = [];
  // Cuts made (root, where in it) and secrets found (where in the text): a window reaching back
  // over text scanned before finds them again, and they need neither a new cut nor a new finding.
  const cutsMade = new Set<string>();
  const foundAt = new Set<string>();
  let budget: number | undefined;
  let prefixesCut = false;
  while (segments.length > 0) {
    const placed = place(segments);
    const scanned = placed.map(joinedText).join(SEPARATOR);
    budget ??= WORK_PER_CHARACTER * scanned.length + MIN_WORK;
    budget -= scanned.length;
    const matches = budget < 0 ? [] : await scanSecrets({ text: scanned });
    if (work !== undefined && budget >= 0) {
      work.scans += 1;
      work.charactersScanned = (work.charactersScanned ?? 0) + scanned.length;
    }
    const overflow = matches.find((match) => match.overflow) ?? (budget < 0 ? OUT_OF_WORK : undefined);
    if (overflow !== undefined)
      return [{ ...overflow, overflow: true, range: [0, 0], occurrences: [[0, 0]], line: 1, column: 1 }];
    const starts = placed.map((segment) => segment.start);
    // Where each root is cut this round (start, end pairs in the root's own joined text).
    const cuts = new Map<number, number[]>();
    for (const match of matches) {
      const segment = placed[lastIndexAtOrBefore(starts, match.range[0])];
      if (segment === undefined) continue;
      // Every place the value is found is cut at, so what ran into any of them is read again.
      for (const range of [match.range, ...match.occurrences]) {
        const at = placed[lastIndexAtOrBefore(starts, range[0])];
        if (at === undefined) continue;
        const cutStart = at.rootFrom + range[0] - at.start;
        const key = `${at.root}:${cutStart}`;
        if (cutsMade.has(key)) continue;
        cutsMade.add(key);
        const bounds = cuts.get(at.root) ?? [];
        bounds.push(cutStart, cutStart + range[1] - range[0]);
        cuts.set(at.root, bounds);
      }
      const spans = sourceSpans(match.range, segment, work);
      const first = spans[0] ?? [0, 0];
      const key = `${match.ruleId}:${first[0]}:${first[1]}`;
      if (spans.length < 2 || foundAt.has(key)) continue;
      foundAt.add(key);
      const occurrences = match.occurrences.flatMap((range) =>
        sourceSpans(range, placed[lastIndexAtOrBefore(starts, range[0])], work),
      );
      found.push({ ...match, range: first, ...locate(first[0]), occurrences: [...spans, ...occurrences] });
    }
    segments = [...cuts].flatMap(([root, bounds]) => windowsBefore(roots[root], root, bounds));
    // Then, once, each known token start no match began at, tried on its own.
    if (segments.length === 0 && !prefixesCut) {
      prefixesCut = true;
      segments = roots.flatMap((root, index) => prefixCuts(root, index, cutsMade));
    }
  }
  return found;
}

/** What stands for the secrets of a text whose rounds ran out of work: where they are is not known. */
const OUT_OF_WORK: SecretMatch = {
  kind: secretKind(TOO_MANY_REPORTS),
  ruleId: 'implementation-agent/joined-pieces-work',
  range: [0, 0],
  line: 1,
  column: 1,
  occurrences: [[0, 0]],
  overflow: true,
};

/** `segments` laid out one after another, SEPARATOR between them. */
function place(segments: readonly Segment[]): Placed[] {
  const placed: Placed[] = [];
  let offset = 0;
  for (const segment of segments) {
    const offsets: number[] = [];
    const start = offset;
    for (const piece of segment.pieces) {
      offsets.push(offset);
      offset += piece.text.length + segment.delimiter.length;
    }
    if (segment.pieces.length > 0) offset -= segment.delimiter.length;
    placed.push({ ...segment, offsets, start });
    offset += SEPARATOR.length;
  }
  return placed;
}

function joinedText(segment: Segment): string {
  // A NUL would end the joined text early for the rules; no secret holds one.
  return segment.pieces
    .map((piece) => piece.text)
    .join(segment.delimiter)
    .split('\0')
    .join('\uFFFD');
}

/**
 * `root` cut at each known token start (TOKEN_PREFIX) no match began at (`cutsMade`) but its
 * first character: the stretch from it to the next start (or the end), each kept when it holds
 * two pieces or more. They do not overlap, so they add at most the root's length to the scan.
 */
function prefixCuts(root: Placed, rootIndex: number, cutsMade: ReadonlySet<string>): Segment[] {
  const text = joinedText(root);
  const starts = [...text.matchAll(TOKEN_PREFIX)].map((match) => match.index);
  const cuts: Segment[] = [];
  for (const [index, start] of starts.entries()) {
    if (start === 0 || cutsMade.has(`${rootIndex}:${start}`)) continue;
    const { pieces, at } = piecesWithin(root, start, starts[index + 1] ?? text.length);
    if (pieces.length > 1) cuts.push({ pieces, delimiter: root.delimiter, root: rootIndex, rootFrom: at });
  }
  return cuts;
}

/**
 * The windows of `root` (the run as first joined) before each cut (`bounds`: start, end pairs in
 * the root's joined text): the last WINDOW characters before it, not reaching back over an
 * earlier cut of the same round, each kept when it holds two pieces or more (a token there may
 * have run into the match and gone unfound).
 */
function windowsBefore(root: Placed | undefined, rootIndex: number, bounds: readonly number[]): Segment[] {
  if (root === undefined) return [];
  const pairs: [number, number][] = [];
  for (let index = 0; index + 1 < bounds.length; index += 2)
    pairs.push([bounds[index] ?? 0, bounds[index + 1] ?? 0]);
  pairs.sort((a, b) => a[0] - b[0]);
  const windows: Segment[] = [];
  let from = 0;
  for (const [start, end] of pairs) {
    if (start > from) {
      const { pieces, at } = piecesWithin(root, Math.max(from, start - WINDOW), start);
      if (pieces.length > 1)
        windows.push({ pieces, delimiter: root.delimiter, root: rootIndex, rootFrom: at });
    }
    from = Math.max(from, end);
  }
  return windows;
}

/**
 * The pieces of `segment` within `[from, to)` (relative to the segment), cut at both ends, and
 * where the first of them starts (relative to the segment).
 */
function piecesWithin(segment: Placed, from: number, to: number): { pieces: DecodedPiece[]; at: number } {
  const pieces: DecodedPiece[] = [];
  let first: number | undefined;
  for (
    let index = lastIndexAtOrBefore(segment.offsets, segment.start + from);
    index < segment.pieces.length;
    index += 1
  ) {
    const piece = segment.pieces[index];
    const at = (segment.offsets[index] ?? 0) - segment.start;
    if (piece === undefined || at >= to) break;
    const start = Math.max(from, at) - at;
    const end = Math.min(to, at + piece.text.length) - at;
    if (end > start || (end === start && piece.text.length === 0)) {
      first ??= at + start;
      pieces.push(slicePiece(piece, start, end));
    }
  }
  return { pieces, at: first ?? from };
}

/** Characters `[start, end)` of a decoded piece, with where they are in the text. */
function slicePiece(piece: DecodedPiece, start: number, end: number): DecodedPiece {
  const from = sourceOf(piece, start);
  const to = sourceOf(piece, end);
  if (piece.sources === undefined) return { text: piece.text.slice(start, end), start: from, end: to };
  return {
    text: piece.text.slice(start, end),
    sources: piece.sources.slice(start, end + 1),
    start: from,
    end: to,
  };
}

/** Where character `index` of a decoded piece (or its end) is in the text. */
function sourceOf(piece: DecodedPiece, index: number): number {
  return piece.sources === undefined ? piece.start + index : (piece.sources[index] ?? piece.end);
}

/**
 * The stretches of the source's pieces that `range` (in the scan's text) covers, in order: from
 * the piece it starts in (binary search) to the one it ends in, so the cost is the pieces it spans.
 */
function sourceSpans(range: TextRange, segment: Placed | undefined, work?: JoinedPiecesWork): TextRange[] {
  if (segment === undefined) return [];
  const spans: TextRange[] = [];
  for (
    let index = lastIndexAtOrBefore(segment.offsets, range[0]);
    index < segment.pieces.length;
    index += 1
  ) {
    const piece = segment.pieces[index];
    const at = segment.offsets[index] ?? 0;
    if (piece === undefined || at >= range[1]) break;
    if (work !== undefined) work.piecesVisited += 1;
    const start = Math.max(range[0], at) - at;
    const end = Math.min(range[1], at + piece.text.length) - at;
    if (end > start) spans.push([sourceOf(piece, start), sourceOf(piece, end)]);
  }
  return spans;
}
