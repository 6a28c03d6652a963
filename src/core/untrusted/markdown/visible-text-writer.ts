import type { Token } from 'markdown-it';
import type { RawHtmlText, RemovalCounter } from './raw-html-text.js';

/**
 * Writes the text of markdown tokens as a reader sees it rendered, in a plain form that keeps the
 * structure a model or a parser needs: `#` before headings, `- ` / `1. ` before list items, `> `
 * before quoted lines, fenced code blocks, backticks around code spans, `|` between table cells.
 * Emphasis and link markup go; link targets, link titles, images (with their alt text) and hidden
 * HTML are never written. One writer per top-level block; the raw-HTML state is shared.
 */
export class VisibleTextWriter {
  private readonly parts: string[] = [];
  private readonly prefixes: string[] = [];
  private atLineStart = true;
  private itemJustOpened = false;
  private readonly html: RawHtmlText;
  private readonly count: RemovalCounter;

  constructor(params: { html: RawHtmlText; count: RemovalCounter }) {
    this.html = params.html;
    this.count = params.count;
  }

  /** Writes block tokens (a top-level block, with everything nested in it). */
  writeBlocks(tokens: readonly Token[]): this {
    for (const token of tokens) this.writeBlock(token);
    return this;
  }

  /** The text written so far: trailing spaces and runs of blank lines collapsed, ends trimmed. */
  toString(): string {
    return this.parts
      .join('')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private writeBlock(token: Token): void {
    const opensItem = token.type === 'list_item_open';
    switch (token.type) {
      case 'paragraph_open':
        if (!token.hidden && !this.itemJustOpened) this.blankLine();
        break;
      case 'paragraph_close':
      case 'heading_close':
        this.newLine();
        break;
      case 'heading_open':
        this.blankLine();
        this.write(`${'#'.repeat(Number(token.tag.slice(1)) || 1)} `);
        break;
      case 'inline':
        this.writeInline(token.children ?? []);
        break;
      case 'blockquote_open':
        this.blankLine();
        this.prefixes.push('> ');
        break;
      case 'blockquote_close':
        this.prefixes.pop();
        this.newLine();
        break;
      case 'list_item_open':
        this.newLine();
        this.write(token.info === '' ? '- ' : `${token.info}${token.markup} `);
        this.prefixes.push('   ');
        break;
      case 'list_item_close':
        this.prefixes.pop();
        this.newLine();
        break;
      case 'fence':
      case 'code_block':
        this.writeCode(token);
        break;
      case 'html_block':
        this.write(this.html.read(token.content));
        break;
      case 'hr':
        this.blankLine();
        this.write('---\n');
        break;
      case 'tr_open':
        this.newLine();
        break;
      case 'th_open':
      case 'td_open':
        this.write('| ');
        break;
      case 'th_close':
      case 'td_close':
        this.write(' ');
        break;
      case 'tr_close':
        this.write('|\n');
        break;
      default:
        break;
    }
    this.itemJustOpened = opensItem;
  }

  private writeCode(token: Token): void {
    if (this.html.isHidden) return;
    this.blankLine();
    const longestRun = Math.max(2, ...(token.content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const language = token.type === 'fence' ? (token.info.trim().split(/\s/)[0] ?? '') : '';
    this.write(`${fence}${language}\n${token.content.replace(/\n$/, '')}\n${fence}\n`);
  }

  private writeInline(children: readonly Token[]): void {
    for (const child of children) {
      switch (child.type) {
        case 'text':
          if (!this.html.isHidden) this.write(child.content);
          break;
        case 'code_inline':
          if (!this.html.isHidden) this.write(`${child.markup}${child.content}${child.markup}`);
          break;
        case 'softbreak':
        case 'hardbreak':
          this.write('\n');
          break;
        case 'html_inline':
          this.write(this.html.read(child.content));
          break;
        case 'image':
          this.count('markdown-image');
          break;
        case 'link_open':
          if (child.attrGet('title') !== null) this.count('link-title');
          break;
        default:
          break;
      }
    }
  }

  private write(text: string): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); ; newline = text.indexOf('\n', start)) {
      const line = text.slice(start, newline < 0 ? text.length : newline);
      if (line !== '') {
        if (this.atLineStart) this.parts.push(this.prefixes.join(''));
        this.parts.push(line);
        this.atLineStart = false;
      }
      if (newline < 0) return;
      this.parts.push('\n');
      this.atLineStart = true;
      start = newline + 1;
    }
  }

  private newLine(): void {
    if (!this.atLineStart) this.write('\n');
  }

  /** Runs of blank lines this leaves are collapsed by `toString`. */
  private blankLine(): void {
    this.newLine();
    this.write('\n');
  }
}
