import { DEPLOY_SECTION_START } from './deploy-section.js';
import { ATTEMPT_LINE, DROPPED_NOTE_START, TRUST_LOST_NOTE_START } from './status-comment.js';

/**
 * The details a status comment shows (what `renderStatusComment` wrote as `details`: a failure's
 * message, a gate's findings, notes), read back from its `body`: the text after the attempt line,
 * before the trust-lost note, the deploy section, the note on dropped marker lists and the marker (the last line), which
 * a new write renders again. `undefined` when it shows none or the body is not one the agent
 * renders. For a step that keeps what the status said and adds a note (`recordRequestEdit`).
 */
export function statusDetailsOf(body: string): string | undefined {
  const lines = body.trimEnd().split(/\r?\n/);
  lines.pop();
  const attempt = lines.findIndex((line) => ATTEMPT_LINE.test(line));
  if (attempt === -1) return undefined;
  const rest = lines.slice(attempt + 1);
  const ends = [
    rest.lastIndexOf(DEPLOY_SECTION_START),
    rest.findLastIndex((line) => line.startsWith(DROPPED_NOTE_START)),
    rest.findLastIndex((line) => line.startsWith(TRUST_LOST_NOTE_START)),
  ].filter((index) => index !== -1);
  const text = rest
    .slice(0, ends.length === 0 ? rest.length : Math.min(...ends))
    .join('\n')
    .trim();
  return text === '' ? undefined : text;
}
