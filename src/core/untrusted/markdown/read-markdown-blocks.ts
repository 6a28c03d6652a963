import type { Token } from 'markdown-it';
import { mergeRemovedContent, type RemovedContent, type RemovedContentKind } from '../removed-content.js';
import { stripInvisibleCharacters } from '../invisible-characters.js';
import { parseMarkdown } from './parse-markdown.js';
import { VisibleHtmlStream } from './visible-html-stream.js';

/**
 * One top-level block of a markdown document as a reader sees it: its visible text (see
 * `VisibleTextWriter`), invisible characters removed. Headings and fenced code blocks carry what a
 * request reader looks for. Blocks a reader cannot see at all (an HTML comment, anything after an
 * unclosed `<script>`) are not in the list.
 */
export type VisibleBlock =
  | {
      readonly kind: 'heading';
      readonly level: number;
      /** The heading's words, without the `#` marks that `text` keeps. */
      readonly title: string;
      readonly text: string;
      readonly line: number;
    }
  | {
      readonly kind: 'fence';
      /** The info string's first word, lower-cased: `json`, `yaml`, ``. */
      readonly language: string;
      /** The code exactly as written, invisible characters removed. */
      readonly content: string;
      readonly text: string;
      readonly line: number;
    }
  | { readonly kind: 'text'; readonly text: string; readonly line: number };

export interface MarkdownBlocks {
  readonly blocks: readonly VisibleBlock[];
  /** What was left out because a reader cannot see it. */
  readonly removed: readonly RemovedContent[];
}

/**
 * Reads markdown the way GitHub renders it (CommonMark + tables and strikethrough, then its HTML
 * sanitizer) into the top-level blocks a reader sees. The caller bounds the length; everything after
 * is linear in the text and never recurses into the document's nesting.
 */
export function readMarkdownBlocks(markdown: string): MarkdownBlocks {
  const counts = new Map<RemovedContentKind, number>();
  const count = (kind: RemovedContentKind, by = 1): void =>
    void counts.set(kind, (counts.get(kind) ?? 0) + by);
  const parsed = parseMarkdown(markdown);
  count('reference-definition', parsed.referenceDefinitions);
  count('footnote', parsed.footnoteDefinitions);
  countHiddenMarkup(parsed.tokens, count);
  const html = new VisibleHtmlStream(count);
  const blocks: VisibleBlock[] = [];
  for (const group of topLevelGroups(parsed.tokens)) {
    const [first] = group;
    if (first === undefined) continue;
    const hiddenBefore = html.isHidden;
    const written = stripInvisibleCharacters(html.read(parsed.render(group)));
    count('direction-control', written.count.direction);
    count('invisible-character', written.count.invisible);
    if (hiddenBefore || written.text === '') continue;
    blocks.push(visibleBlock({ first, text: written.text }));
  }
  const removed = [...counts].map(([kind, total]) => ({ kind, count: total }));
  return { blocks, removed: mergeRemovedContent([removed]) };
}

/** Counts what markdown itself hides: images (with their alt text), link titles, raw HTML tags. */
function countHiddenMarkup(
  tokens: readonly Token[],
  count: (kind: RemovedContentKind, by?: number) => void,
): void {
  for (const token of tokens) {
    if (token.type === 'html_block') count('html-tag', token.content.match(/<\/?[a-z]/gi)?.length ?? 0);
    for (const child of token.children ?? []) {
      if (child.type === 'image') count('markdown-image');
      else if (child.type === 'link_open' && child.attrGet('title') !== null) count('link-title');
      else if (child.type === 'html_inline' && !child.content.startsWith('<!')) count('html-tag');
    }
  }
}

function visibleBlock(params: { first: Token; text: string }): VisibleBlock {
  const { first, text } = params;
  const line = (first.map?.[0] ?? 0) + 1;
  if (first.type === 'heading_open')
    return {
      kind: 'heading',
      level: Number(first.tag.slice(1)),
      title: text.replace(/^#+ /, ''),
      text,
      line,
    };
  if (first.type === 'fence') {
    const content = stripInvisibleCharacters(first.content.replace(/\n$/, '')).text;
    const language = (first.info.trim().split(/\s/)[0] ?? '').toLowerCase();
    return { kind: 'fence', language, content, text, line };
  }
  return { kind: 'text', text, line };
}

/** The token stream cut into top-level blocks: an opening token at level 0 up to its closing token. */
function topLevelGroups(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    if (token.level === 0 && token.nesting <= 0) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
