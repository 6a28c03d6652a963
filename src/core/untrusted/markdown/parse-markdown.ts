import MarkdownIt, { type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { lazyContinuation } from './lazy-continuation.js';
import { rawHtmlSpecials } from './raw-html-specials.js';

/**
 * CommonMark with GitHub's tables and strikethrough and raw HTML passed through, as GitHub parses
 * issue and comment bodies before its sanitizer runs. markdown-it is used because it stays linear on
 * the pathological inputs of the CommonMark suite (nested brackets and emphasis, `<a` runs, deep
 * quotes); micromark took 63 s for 64 KB of `*_` here. Containers deeper than `maxNesting` stop
 * being parsed (their text is dropped, never shown raw), which bounds the token tree. GitHub's
 * footnotes (`[^1]` with a `[^1]: …` definition) are read as GitHub reads them, so a definition
 * that nothing refers to, which GitHub does not show, is not taken for paragraph text; inline
 * footnotes (`^[…]`) are not GitHub syntax and stay text.
 */
const reader = new MarkdownIt('default', {
  html: true,
  linkify: false,
  typographer: false,
  maxNesting: 20,
})
  .use(lazyContinuation)
  .use(rawHtmlSpecials)
  .use(footnote);
reader.inline.ruler.disable('footnote_inline');

export interface ParsedMarkdown {
  /** markdown-it's flat token stream: block tokens, each `inline` one holding its `children`. */
  readonly tokens: readonly Token[];
  /** Link reference definitions (`[ref]: url "title"`), which render as nothing. */
  readonly referenceDefinitions: number;
  /**
   * Footnote definitions. They are not in `tokens`: GitHub shows only those referred to, and at the
   * foot of the page, apart from the text that refers to them.
   */
  readonly footnoteDefinitions: number;
  /** The HTML GitHub would serve for some of the tokens (raw HTML passed through). */
  readonly render: (tokens: readonly Token[]) => string;
}

/**
 * Parses markdown as GitHub would render it. The caller bounds the length first (every reader of
 * untrusted text checks `MAX_UNTRUSTED_TEXT_LENGTH`); parsing is linear in the text.
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  const env: Record<string, unknown> = {};
  const parsed = reader.parse(text, env);
  // The footnote plugin appends the referred-to definitions as one block at the very end.
  const footnotesAt = parsed.findIndex((token) => token.type === 'footnote_block_open');
  const tokens = footnotesAt < 0 ? parsed : parsed.slice(0, footnotesAt);
  const { references, footnotes } = env;
  const render = (part: readonly Token[]): string => reader.renderer.render([...part], reader.options, env);
  return {
    tokens,
    referenceDefinitions: keyCount(references),
    footnoteDefinitions: keyCount(isObject(footnotes) ? footnotes['refs'] : undefined),
    render,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function keyCount(value: unknown): number {
  return isObject(value) ? Object.keys(value).length : 0;
}
