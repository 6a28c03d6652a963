import { codeSpan } from '../markdown/code-span.js';
import { fitBody } from '../markdown/fit-body.js';
import { PULL_REQUEST_BODY_LIMIT } from '../markdown/github-limits.js';
import { textSize } from '../markdown/text-size.js';

/** The most paths the note names; the rest are counted (a long list would crowd the body and comment). */
export const KEPT_EDITED_SHOWN = 20;

/**
 * What a re-run says where the user reads it (the pull request body and the status comment) about
 * the files the previous generation wrote, this one no longer writes, and a person changed on the
 * branch since (`Retirement.keptEdited`): they stay on the branch, unreviewed by this generation,
 * so the user decides. Each path as a code span (it comes from a commit message anyone with push
 * access could write); at most KEPT_EDITED_SHOWN named. Undefined when there are none. Pure.
 */
export function keptEditedNote(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const shown = paths.slice(0, KEPT_EDITED_SHOWN).map((path) => codeSpan(path));
  const more = paths.length - shown.length;
  const one = paths.length === 1;
  return `**Kept ${paths.length} file${one ? '' : 's'} changed since the last generation.** The previous generation wrote ${one ? 'it' : 'them'} and this one does not, but ${one ? 'it was' : 'they were'} changed on the branch since, so ${one ? 'it stays' : 'they stay'} as the person left ${one ? 'it' : 'them'}: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}. Delete ${one ? 'it' : 'them'} in a commit of your own if ${one ? 'it is' : 'they are'} no longer wanted.`;
}

/** The closing keyword line `renderPrBody` ends with (GitHub closes the issue on merge through it). */
const CLOSING_LINE = /\n\nCloses #\d+\n$/;

/**
 * The pull request body with the note on kept files (`keptEditedNote`) as a quote before it, when
 * there are any; the body unchanged otherwise. The note leads so the body's fitting never cuts
 * it, and the body is fitted again within GitHub's 65,536-character limit (`PULL_REQUEST_BODY_LIMIT`)
 * with room for the note, keeping a last `Closes #N` line whole: `renderPrBody` may already have
 * used the whole limit, and a cut `Closes` would leave the issue open after the merge. Pure.
 */
export function withKeptEditedNote(body: string, keptEdited: readonly string[]): string {
  const note = keptEditedNote(keptEdited);
  if (note === undefined) return body;
  const lead = `> ${note}\n\n`;
  const closing = CLOSING_LINE.exec(body)?.[0] ?? '';
  const rest = body.slice(0, body.length - closing.length);
  const limit = PULL_REQUEST_BODY_LIMIT;
  const budget = limit.max - textSize(lead, limit.unit) - textSize(closing, limit.unit);
  return `${lead}${fitBody({ body: rest, limit, budget })}${closing}`;
}
