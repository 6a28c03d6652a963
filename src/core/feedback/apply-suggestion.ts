/** A file's text after a suggestion, or why the suggestion was not applied. */
export type AppliedSuggestion =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * Applies one review suggestion the way GitHub's "Commit suggestion" does
 * (docs.github.com, *Incorporating feedback in your pull request*): lines `startLine`..`line`
 * (1-based, inclusive; `startLine` null for one line) of the head's file are replaced by the
 * suggestion's lines. Byte-exact: every byte outside the range is kept; the new lines end with the
 * file's own line ending (the first one it uses, `\r\n` or `\n`), and the last one with whatever
 * ended the last replaced line — nothing at the end of a file without a final newline. An empty
 * suggestion deletes the lines. Refused, with the reason: a comment on the base (`LEFT`) side or
 * a range that starts there (`startSide`, GitHub's `start_side`: its `startLine` numbers a line of
 * the base file, not the head's), an outdated comment (GitHub nulls `line`, or its commit is not `headSha`: the lines may have moved),
 * and lines outside the file.
 */
export function applySuggestion(params: {
  text: string;
  suggestion: readonly string[];
  line: number | null;
  startLine: number | null;
  side: 'LEFT' | 'RIGHT';
  /** The side of `startLine`; null or absent for a single line (then `side`'s). */
  startSide?: 'LEFT' | 'RIGHT' | null;
  commitId: string;
  headSha: string;
}): AppliedSuggestion {
  const { line } = params;
  if (params.side !== 'RIGHT')
    return { ok: false, reason: 'the comment is on the old side of the diff, which a commit cannot change' };
  if (params.startLine !== null && (params.startSide ?? 'RIGHT') !== 'RIGHT')
    return {
      ok: false,
      reason:
        'the comment’s lines start on the old side of the diff (a removed line), so they are not lines of the new file to replace',
    };
  if (line === null || params.commitId !== params.headSha)
    return {
      ok: false,
      reason: `the comment is outdated: it was written on \`${params.commitId.slice(0, 7)}\`, and the branch is now at \`${params.headSha.slice(0, 7)}\``,
    };
  const start = params.startLine ?? line;
  const lines = splitLines(params.text);
  if (!Number.isInteger(start) || start < 1 || start > line || line > lines.length)
    return {
      ok: false,
      reason: `lines ${start}–${line} are not in the file, which has ${lines.length} line${lines.length === 1 ? '' : 's'}`,
    };
  const eol = /\r\n|\n/.exec(params.text)?.[0] ?? '\n';
  const lastEnding = lines[line - 1]?.ending ?? '';
  const replacement = params.suggestion.map(
    (text, index) => text + (index === params.suggestion.length - 1 ? lastEnding : eol),
  );
  const before = lines.slice(0, start - 1).map((part) => part.text + part.ending);
  const after = lines.slice(line).map((part) => part.text + part.ending);
  return { ok: true, text: [...before, ...replacement, ...after].join('') };
}

/** The file's lines with their own endings (`\r\n`, `\n` or `''` for a last line without one). */
function splitLines(text: string): { text: string; ending: string }[] {
  const lines: { text: string; ending: string }[] = [];
  const pattern = /\r\n|\n/g;
  let from = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    lines.push({ text: text.slice(from, match.index), ending: match[0] });
    from = match.index + match[0].length;
  }
  if (from < text.length) lines.push({ text: text.slice(from), ending: '' });
  return lines;
}
