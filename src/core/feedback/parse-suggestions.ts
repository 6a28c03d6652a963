import { parseMarkdown } from '../untrusted/markdown/parse-markdown.js';
import { MAX_UNTRUSTED_TEXT_LENGTH } from '../untrusted/untrusted-input-limits.js';

/** The suggestion blocks of a review comment, or why they cannot be read. */
export type ParsedSuggestions =
  | {
      readonly ok: true;
      /** Each block's replacement lines, without line terminators; `[]` suggests deleting the lines. */
      readonly suggestions: readonly (readonly string[])[];
    }
  | { readonly ok: false; readonly reason: string };

/**
 * The ```suggestion blocks of a review comment body, read as GitHub renders it (CommonMark fences,
 * through the project's one markdown reader, so `~~~suggestion`, longer fences and indented
 * openers count and a fence inside a quote or a list — someone else's quoted suggestion — does
 * not). The content is kept exactly as written: GitHub's "Commit suggestion" applies it verbatim
 * (docs.github.com, *Incorporating feedback in your pull request*). A body longer than GitHub
 * accepts (`MAX_UNTRUSTED_TEXT_LENGTH`) is refused before parsing.
 */
export function parseSuggestions(body: string): ParsedSuggestions {
  if (body.length > MAX_UNTRUSTED_TEXT_LENGTH)
    return {
      ok: false,
      reason: `the comment is longer than the ${MAX_UNTRUSTED_TEXT_LENGTH} characters GitHub accepts`,
    };
  const suggestions: string[][] = [];
  for (const token of parseMarkdown(body).tokens) {
    if (token.type !== 'fence' || token.level !== 0) continue;
    if (token.info.trim().split(/\s+/)[0]?.toLowerCase() !== 'suggestion') continue;
    // markdown-it has turned every line ending into `\n` and ends the content with one.
    const content = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
    suggestions.push(token.content === '' ? [] : content.split('\n'));
  }
  return { ok: true, suggestions };
}
