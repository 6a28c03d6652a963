import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';
import type { RemovedContentKind } from '../removed-content.js';
import { VisibleTextBuilder } from './visible-text-builder.js';

/**
 * Elements whose content a reader never sees: GitHub's sanitizer drops `script` with its content;
 * browsers show nothing of a `template` or of an `rp` (ruby's fallback parentheses) where ruby is
 * supported; the others are dropped here too, although GitHub unwraps some of them, because
 * removing too much is acceptable and leaving hidden text in is not.
 */
const HIDDEN_CONTENT = new Set(
  'script style template title iframe noscript noembed noframes object svg math rp'.split(' '),
);
/** Elements after whose start or end a browser starts a new line, so words never run together. */
const LINE_BREAKING = new Set(
  'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form header main nav p section summary table tbody tfoot thead'.split(
    ' ',
  ),
);
/** Structure whose surrounding whitespace the browser does not show (markdown-it writes a newline after each). */
const BLOCK_LEVEL = new Set('br hr h1 h2 h3 h4 h5 h6 ul ol li pre tr td th'.split(' '));
/**
 * The tokenizer state a tree builder switches to after these start tags (WHATWG HTML §13.2.6.4).
 * Only `noscript` here: GitHub's tag filter (GFM §6.11) turns `title`, `textarea`, `style`, `xmp`,
 * `iframe`, `noembed`, `noframes`, `script` and `plaintext` in raw HTML into text, so what follows
 * them is read as markup, whose comments and attributes stay hidden. Reading it as raw text showed
 * them: `<textarea><a title="hidden">` put the title in the request, and `<style><!--</style>` ended
 * the comment GitHub leaves open.
 */
const TEXT_MODES: Readonly<Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>> = {
  noscript: TokenizerMode.RAWTEXT,
};

export type RemovalCounter = (kind: RemovedContentKind) => void;

/**
 * Reads a document's HTML — markdown-it's rendering, raw HTML passed through — as one stream through
 * parse5's spec tokenizer, the way a browser reads the page GitHub serves: an unterminated comment,
 * an unclosed attribute quote or an open `<script>` (whose content is dropped up to its end tag)
 * swallows everything after it, rendered markdown included. Comments, doctypes and tags with all their attributes (`title`, `alt`, `href`…) are
 * never text; character references are decoded; the content of `HIDDEN_CONTENT` elements is dropped.
 * The text is written with the structure a reader sees (see `VisibleTextBuilder`). No tree is built,
 * so nesting costs nothing; linear in the input.
 */
export class VisibleHtmlStream {
  private readonly hiddenOpen = new Map<string, number>();
  private hiddenDepth = 0;
  /** After a tag of a block-level element, whitespace only lays out the source and is not shown. */
  private afterBlockTag = false;
  private preDepth = 0;
  private readonly text = new VisibleTextBuilder();
  private readonly tokenizer: Tokenizer;
  private readonly count: RemovalCounter;

  constructor(count: RemovalCounter) {
    this.count = count;
    const handler: TokenHandler = {
      onComment: () => this.count('html-comment'),
      onDoctype: () => this.count('html-comment'),
      onStartTag: (token) => this.startTag(token),
      onEndTag: (token) => this.endTag(token),
      onEof: () => undefined,
      onCharacter: (token) => this.characters(token.chars),
      onNullCharacter: () => undefined,
      onWhitespaceCharacter: (token) => {
        if (!this.afterBlockTag || this.preDepth > 0) this.characters(token.chars);
      },
    };
    this.tokenizer = new Tokenizer({}, handler);
    // The preprocessor keeps everything written until 64 KB have been read, and each `write` appends
    // to that buffer, which reading then flattens: one write per block made a document of thousands
    // of blocks quadratic (64 KB of headings took 0.8 s). Dropping what was read at each token keeps
    // the buffer to the block being read.
    this.tokenizer.preprocessor.bufferWaterline = 0;
  }

  /**
   * Whether what comes next is out of sight: inside a hidden element, or with the tokenizer inside
   * a comment, a tag or raw text rather than reading page text.
   */
  get isHidden(): boolean {
    return this.hiddenDepth > 0 || this.tokenizer.state !== TokenizerMode.DATA;
  }

  /** Feeds one block's HTML and returns the text a reader sees of it. */
  read(html: string): string {
    this.tokenizer.write(html, false);
    this.tokenizer.flushCharacters();
    return this.text.take();
  }

  private characters(chars: string): void {
    this.afterBlockTag = false;
    if (this.hiddenDepth === 0) this.text.write(chars);
  }

  private startTag(token: Token.TagToken): void {
    const name = token.tagName;
    this.afterBlockTag = BLOCK_LEVEL.has(name) || LINE_BREAKING.has(name);
    if (name === 'pre' && !token.selfClosing) this.preDepth += 1;
    const mode = TEXT_MODES[name];
    if (mode !== undefined && !token.selfClosing) {
      this.tokenizer.state = mode;
      this.tokenizer.lastStartTagName = name;
    }
    if (HIDDEN_CONTENT.has(name) && !token.selfClosing) {
      if (this.hiddenDepth === 0) this.count('hidden-element');
      this.hiddenOpen.set(name, (this.hiddenOpen.get(name) ?? 0) + 1);
      this.hiddenDepth += 1;
    }
    if (this.hiddenDepth === 0) this.text.open(name, attribute(token, 'start'), LINE_BREAKING.has(name));
  }

  private endTag(token: Token.TagToken): void {
    const name = token.tagName;
    this.afterBlockTag = BLOCK_LEVEL.has(name) || LINE_BREAKING.has(name);
    if (name === 'pre' && this.preDepth > 0) this.preDepth -= 1;
    const open = this.hiddenOpen.get(name) ?? 0;
    if (open > 0) {
      this.hiddenOpen.set(name, open - 1);
      this.hiddenDepth -= 1;
      return;
    }
    if (this.hiddenDepth === 0) this.text.close(name, LINE_BREAKING.has(name));
  }
}

function attribute(token: Token.TagToken, name: string): string | undefined {
  return token.attrs.find((attr) => attr.name === name)?.value;
}
