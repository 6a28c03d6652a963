import { LinkifyIt } from 'linkify-it';

const linkify = new LinkifyIt();

/** Where a URL or an email address sits in a text: `[index, lastIndex)`, in UTF-16 code units. */
export interface LinkSpan {
  readonly index: number;
  readonly lastIndex: number;
}

/** Punctuation that ends a link's sentence, not the link: GFM's autolink rule (https://github.github.com/gfm/#extended-autolink-path-validation). */
const TRAILING = /[?!.,:*_~]+$/;

/**
 * The URLs (`https://api.example.com`) and email addresses (`ops@example.com`) of free text, as
 * linkify-it (markdown-it's link finder) recognises them, less trailing punctuation
 * (`…/health:` is the URL, not its colon). Text inside them is never a sentence or clause break.
 */
export function linkSpans(text: string): LinkSpan[] {
  return (linkify.match(text) ?? []).map((match) => ({
    index: match.index,
    lastIndex: match.lastIndex - (TRAILING.exec(match.raw)?.[0].length ?? 0),
  }));
}

/** The text with every URL and email address removed: what numbers and words are read from outside links. */
export function withoutLinks(text: string): string {
  let rest = '';
  let from = 0;
  for (const span of linkSpans(text)) {
    rest += `${text.slice(from, span.index)} `;
    from = span.lastIndex;
  }
  return rest + text.slice(from);
}
