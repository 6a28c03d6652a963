import { lastIndexAtOrBefore } from './last-index-at-or-before.js';
import { lineColumnFinder } from './line-column-finder.js';
import { decodePiece, leadsWithDelimiter, quotedPieceRuns, type DecodedPiece } from './quoted-piece-runs.js';
import { scanSecrets, type SecretMatch, type TextRange } from './scan-secrets.js';

/** Joined texts of one scan are kept apart by a NUL, which no rule lets a match cross. */
const SEPARATOR = '\n\0\n';
/**
 * How a run's pieces are read together: `''` (`!Join ['', …]`, `+`: a token in two halves) and a
 * line break (a PEM key a line a piece, whatever the delimiter); a run led by a join's own
 * delimiter (`!Join ['_', [...]]`) is also read joined with it.
 */
const DELIMITERS = ['', '\n'];
/**
 * Rescans of the text before a match (a token that runs into the next one, `ghp_<A>ghp_<B>`, is
 * found once the one after it is cut off); a run needing more is withheld whole (an overflow match).
 */
const MAX_ROUNDS = 16;

/** One joined text: its pieces (decoded) and where each starts in the scan's text. */
interface Segment {
  readonly pieces: readonly DecodedPiece[];
  readonly delimiter: string;
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
 * Then the text before each match is scanned again (at most MAX_ROUNDS times), so of two tokens
 * back to back both are found. When the scanner lists more than it locates (overflow), or the
 * rounds run out, one overflow match stands for them. Throws when the scanner fails.
 */
export async function scanJoinedPieces(text: string, work?: JoinedPiecesWork): Promise<SecretMatch[]> {
  const runs = quotedPieceRuns(text);
  if (runs.length === 0) return [];
  let segments: Segment[] = [];
  for (const run of runs) {
    const pieces = run.map((piece) => decodePiece(text, piece));
    for (const delimiter of DELIMITERS) segments.push({ pieces, delimiter });
    const [lead, ...rest] = pieces;
    if (lead !== undefined && lead.text !== '' && leadsWithDelimiter(text, run))
      segments.push({ pieces: rest, delimiter: lead.text });
  }
  const locate = lineColumnFinder(text);
  const found: SecretMatch[] = [];
  for (let round = 0; segments.length > 0; round += 1) {
    const placed = place(segments);
    const matches = await scanSecrets({ text: placed.map(joinedText).join(SEPARATOR) });
    if (work !== undefined) work.scans += 1;
    const overflow =
      matches.find((match) => match.overflow) ?? (round === MAX_ROUNDS ? matches[0] : undefined);
    if (overflow !== undefined)
      return [{ ...overflow, overflow: true, range: [0, 0], occurrences: [[0, 0]], line: 1, column: 1 }];
    if (round === MAX_ROUNDS) break;
    const starts = placed.map((segment) => segment.start);
    const cuts = new Map<number, number[]>();
    for (const match of matches) {
      const index = lastIndexAtOrBefore(starts, match.range[0]);
      const segment = placed[index];
      if (segment === undefined) continue;
      // Every place the value is found is cut at, so what ran into any of them is read again.
      for (const range of [match.range, ...match.occurrences]) {
        const at = lastIndexAtOrBefore(starts, range[0]);
        const start = placed[at]?.start ?? 0;
        const bounds = cuts.get(at) ?? [];
        bounds.push(range[0] - start, range[1] - start);
        cuts.set(at, bounds);
      }
      const spans = sourceSpans(match.range, segment, work);
      if (spans.length < 2) continue;
      const occurrences = match.occurrences.flatMap((range) =>
        sourceSpans(range, placed[lastIndexAtOrBefore(starts, range[0])], work),
      );
      const first = spans[0] ?? [0, 0];
      found.push({ ...match, range: first, ...locate(first[0]), occurrences: [...spans, ...occurrences] });
    }
    segments = [...cuts].flatMap(([index, bounds]) => gapsBefore(placed[index], bounds));
  }
  return found;
}

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
 * The parts of `segment` before each match (`bounds`: start, end pairs, relative to the segment)
 * that hold two pieces or more: a token there may have run into the match and gone unfound.
 */
function gapsBefore(segment: Placed | undefined, bounds: readonly number[]): Segment[] {
  if (segment === undefined) return [];
  const pairs: [number, number][] = [];
  for (let index = 0; index + 1 < bounds.length; index += 2)
    pairs.push([bounds[index] ?? 0, bounds[index + 1] ?? 0]);
  pairs.sort((a, b) => a[0] - b[0]);
  const gaps: Segment[] = [];
  let from = 0;
  for (const [start, end] of pairs) {
    if (start > from) {
      const pieces = piecesWithin(segment, from, start);
      if (pieces.length > 1) gaps.push({ pieces, delimiter: segment.delimiter });
    }
    from = Math.max(from, end);
  }
  return gaps;
}

/** The pieces of `segment` within `[from, to)` (relative to the segment), cut at both ends. */
function piecesWithin(segment: Placed, from: number, to: number): DecodedPiece[] {
  const pieces: DecodedPiece[] = [];
  const first = lastIndexAtOrBefore(segment.offsets, segment.start + from);
  for (let index = first; index < segment.pieces.length; index += 1) {
    const piece = segment.pieces[index];
    const at = (segment.offsets[index] ?? 0) - segment.start;
    if (piece === undefined || at >= to) break;
    const start = Math.max(from, at) - at;
    const end = Math.min(to, at + piece.text.length) - at;
    if (end > start || (end === start && piece.text.length === 0)) pieces.push(slicePiece(piece, start, end));
  }
  return pieces;
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
