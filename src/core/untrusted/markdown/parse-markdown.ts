import MarkdownIt, { type Token } from 'markdown-it';
import { lazyContinuation } from './lazy-continuation.js';
import { rawHtmlSpecials } from './raw-html-specials.js';

/**
 * CommonMark with GitHub's tables and strikethrough and raw HTML passed through, as GitHub parses
 * issue and comment bodies before its sanitizer runs. markdown-it is used because it stays linear on
 * the pathological inputs of the CommonMark suite (nested brackets and emphasis, `<a` runs, deep
 * quotes); micromark took 63 s for 64 KB of `*_` here. Containers deeper than `maxNesting` stop
 * being parsed (their text is dropped, never shown raw), which bounds the token tree.
 */
const reader = new MarkdownIt('default', {
  html: true,
  linkify: false,
  typographer: false,
  maxNesting: 20,
})
  .use(lazyContinuation)
  .use(rawHtmlSpecials);

export interface ParsedMarkdown {
  /** markdown-it's flat token stream: block tokens, each `inline` one holding its `children`. */
  readonly tokens: readonly Token[];
  /** Link reference definitions (`[ref]: url "title"`), which render as nothing. */
  readonly referenceDefinitions: number;
  /** The HTML GitHub would serve for some of the tokens (raw HTML passed through). */
  readonly render: (tokens: readonly Token[]) => string;
}

/**
 * Parses markdown as GitHub would render it. The caller bounds the length first (every reader of
 * untrusted text checks `MAX_UNTRUSTED_TEXT_LENGTH`); parsing is linear in the text.
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  const env: Record<string, unknown> = {};
  const tokens = reader.parse(text, env);
  const { references } = env;
  const referenceDefinitions =
    typeof references === 'object' && references !== null ? Object.keys(references).length : 0;
  const render = (part: readonly Token[]): string => reader.renderer.render([...part], reader.options, env);
  return { tokens, referenceDefinitions, render };
}
