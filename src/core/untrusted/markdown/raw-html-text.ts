import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';
import type { RemovedContentKind } from '../removed-content.js';

/**
 * Elements whose content a reader never sees: GitHub's sanitizer drops `script` with its content;
 * the others are dropped here too, although GitHub unwraps some of them, because removing too much
 * is acceptable and leaving hidden text in is not.
 */
const HIDDEN_CONTENT = new Set([
  'script',
  'style',
  'template',
  'title',
  'iframe',
  'noscript',
  'noembed',
  'noframes',
  'object',
  'svg',
  'math',
]);
/** Elements after whose start or end a browser starts a new line, so words never run together. */
const LINE_BREAKING = new Set(
  'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** The tokenizer state a tree builder would switch to after these start tags (WHATWG HTML §13.2.6.4). */
const TEXT_MODES: Readonly<Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

export type RemovalCounter = (kind: RemovedContentKind) => void;

/**
 * Reads the text a reader sees in raw HTML, chunk by chunk (a markdown HTML block, or one inline tag
 * or comment), with parse5's spec tokenizer: comments, doctypes, processing instructions and tags
 * (with every attribute: `title`, `alt`, `style`…) are dropped, character references decoded, and
 * the content of the elements in `HIDDEN_CONTENT` dropped until they close — also across chunks, so
 * markdown text between an inline `<script>` and `</script>` is dropped too (`isHidden`).
 * No tree is built, so nesting costs nothing; linear in the input.
 */
export class RawHtmlText {
  /** Open elements with hidden content, by name; counts, so closing one costs nothing however deep. */
  private readonly hiddenOpen = new Map<string, number>();
  private hiddenDepth = 0;
  private readonly count: RemovalCounter;

  constructor(count: RemovalCounter) {
    this.count = count;
  }

  /** Inside an element whose content is hidden: markdown text here is not visible either. */
  get isHidden(): boolean {
    return this.hiddenDepth > 0;
  }

  /** The visible text of one chunk of raw HTML. */
  read(html: string): string {
    let text = '';
    const handler: TokenHandler = {
      onComment: () => this.count('html-comment'),
      onDoctype: () => this.count('html-comment'),
      onStartTag: (token) => {
        text += this.startTag(token, tokenizer);
      },
      onEndTag: (token) => {
        text += this.endTag(token);
      },
      onEof: () => undefined,
      onCharacter: (token) => {
        if (!this.isHidden) text += token.chars;
      },
      onNullCharacter: () => undefined,
      onWhitespaceCharacter: (token) => {
        if (!this.isHidden) text += token.chars;
      },
    };
    const tokenizer = new Tokenizer({}, handler);
    tokenizer.write(html, true);
    return text;
  }

  private startTag(token: Token.TagToken, tokenizer: Tokenizer): string {
    const name = token.tagName;
    this.count('html-tag');
    const mode = TEXT_MODES[name];
    if (mode !== undefined && !token.selfClosing) {
      tokenizer.state = mode;
      tokenizer.lastStartTagName = name;
    }
    if (HIDDEN_CONTENT.has(name) && !token.selfClosing) {
      if (!this.isHidden) this.count('hidden-element');
      this.hiddenOpen.set(name, (this.hiddenOpen.get(name) ?? 0) + 1);
      this.hiddenDepth += 1;
    }
    return !this.isHidden && LINE_BREAKING.has(name) ? '\n' : '';
  }

  private endTag(token: Token.TagToken): string {
    const name = token.tagName;
    this.count('html-tag');
    const open = this.hiddenOpen.get(name) ?? 0;
    if (open > 0) {
      this.hiddenOpen.set(name, open - 1);
      this.hiddenDepth -= 1;
    }
    return !this.isHidden && LINE_BREAKING.has(name) ? '\n' : '';
  }
}
