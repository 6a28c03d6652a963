import { lastIndexAtOrBefore } from './last-index-at-or-before.js';
import { lineColumnFinder } from './line-column-finder.js';
import { quotedPieceRuns, type QuotedPiece } from './quoted-piece-runs.js';
import { scanSecrets, type SecretMatch, type TextRange } from './scan-secrets.js';

/** Joined texts of one scan are kept apart by a NUL, which no rule lets a match cross. */
const SEPARATOR = '\n\0\n';
/**
 * How a run's pieces are read together: `''` (`!Join ['', …]`, `+`: a token in two halves) and a
 * line break (a PEM key a line a piece, whatever the delimiter).
 */
const DELIMITERS = ['', '\n'];

interface JoinedRun {
  readonly pieces: readonly QuotedPiece[];
  /** Where each piece starts in the joined text. */
  readonly offsets: readonly number[];
}

/**
 * The secrets a text holds only once its adjacent quoted pieces are joined (`quotedPieceRuns`:
 * `!Join ['', ['-----BEGIN RSA PRIVATE KEY-----', 'MII…', …]]` in a template or quoted in a
 * comment, `["ghp_", "abc…"]` in `Fn::Join` JSON, `'ghp_' + 'abc…'`), each as a match whose
 * occurrences are the stretches of the pieces it spans, in `text`'s offsets, so redaction takes
 * every piece of it and a finding points at its first piece. Only secrets that span two pieces or
 * more: one inside a single piece is the plain scan's. Every run is joined both ways (DELIMITERS)
 * and all of them are scanned at once: at most twice the text's length, one scan. When the scanner
 * lists more than it locates (overflow), one overflow match stands for them. Throws when the
 * scanner fails.
 */
export async function scanJoinedPieces(text: string): Promise<SecretMatch[]> {
  const runs = quotedPieceRuns(text);
  if (runs.length === 0) return [];
  const joinedRuns: JoinedRun[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const pieces of runs) {
    for (const delimiter of DELIMITERS) {
      const offsets: number[] = [];
      const texts: string[] = [];
      let offset = length;
      for (const piece of pieces) {
        offsets.push(offset);
        // A NUL would end the joined text early for the rules; no secret holds one.
        const written = text.slice(piece.start, piece.end).split('\0').join('\uFFFD');
        texts.push(written);
        offset += written.length + delimiter.length;
      }
      const joined = texts.join(delimiter);
      joinedRuns.push({ pieces, offsets });
      parts.push(joined);
      length += joined.length + SEPARATOR.length;
    }
  }
  const matches = await scanSecrets({ text: parts.join(SEPARATOR) });
  const locate = lineColumnFinder(text);
  const runStarts = joinedRuns.map((run) => run.offsets[0] ?? 0);
  const found: SecretMatch[] = [];
  for (const match of matches) {
    if (match.overflow) return [{ ...match, range: [0, 0], occurrences: [[0, 0]], line: 1, column: 1 }];
    const spans = sourceSpans(match.range, joinedRuns, runStarts);
    if (spans.length < 2) continue;
    const occurrences = match.occurrences.flatMap((range) => sourceSpans(range, joinedRuns, runStarts));
    const first = spans[0] ?? [0, 0];
    found.push({ ...match, range: first, ...locate(first[0]), occurrences: [...spans, ...occurrences] });
  }
  return found;
}

/** The stretches of the source's pieces that `range` (in the joined text) covers, in order. */
function sourceSpans(
  range: TextRange,
  runs: readonly JoinedRun[],
  runStarts: readonly number[],
): TextRange[] {
  const run = runs[lastIndexAtOrBefore(runStarts, range[0])];
  if (run === undefined) return [];
  const spans: TextRange[] = [];
  for (const [index, piece] of run.pieces.entries()) {
    const at = run.offsets[index] ?? 0;
    const start = Math.max(range[0], at);
    const end = Math.min(range[1], at + piece.end - piece.start);
    if (end > start) spans.push([piece.start + start - at, piece.start + end - at]);
  }
  return spans;
}
