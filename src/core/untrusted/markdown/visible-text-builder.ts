/**
 * Writes the text a reader sees in a plain form that keeps the structure a model or a parser needs:
 * `#` before headings, `- ` / `1. ` before list items, `> ` before quoted lines, fenced code blocks,
 * backticks around code, `|` between table cells; blank lines between blocks. Elements are known by
 * name only, so raw HTML (`<li>`, `<h3>`) is written as the browser would show it too. A stray end
 * tag (`a</div>b`) breaks nothing, as in a browser: only open elements count.
 */
export class VisibleTextBuilder {
  private parts: string[] = [];
  private readonly openElements = new Map<string, number>();
  private readonly lists: { ordered: boolean; next: number }[] = [];
  private quoteDepth = 0;
  private preDepth = 0;
  private atLineStart = true;

  /** The text written since the last `take`, trimmed of trailing spaces and extra blank lines. */
  take(): string {
    const text = withoutTrailingBlanks(this.parts.join(''))
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    this.parts = [];
    this.atLineStart = true;
    return text;
  }

  write(text: string): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); ; newline = text.indexOf('\n', start)) {
      const line = text.slice(start, newline < 0 ? text.length : newline);
      if (line !== '') {
        if (this.atLineStart && this.quoteDepth > 0) this.parts.push('> '.repeat(this.quoteDepth));
        this.parts.push(line);
        this.atLineStart = false;
      }
      if (newline < 0) return;
      this.parts.push('\n');
      this.atLineStart = true;
      start = newline + 1;
    }
  }

  open(name: string, start: string | undefined, breaksLine: boolean): void {
    if (!VOID.has(name)) this.openElements.set(name, (this.openElements.get(name) ?? 0) + 1);
    const heading = /^h([1-6])$/.exec(name);
    if (heading) return this.block(`${'#'.repeat(Number(heading[1]))} `);
    switch (name) {
      case 'br':
        return this.write('\n');
      case 'hr':
        return this.block('---\n');
      case 'ul':
      case 'ol':
        this.lists.push({ ordered: name === 'ol', next: Number.parseInt(start ?? '1', 10) || 1 });
        return this.newLine();
      case 'li':
        return this.listItem();
      case 'blockquote':
        this.newLine();
        this.quoteDepth += 1;
        return;
      case 'pre':
        this.preDepth += 1;
        return this.block('```\n');
      case 'code':
        if (this.preDepth === 0) this.write('`');
        return;
      case 'tr':
        return this.newLine();
      case 'td':
      case 'th':
        return this.write('| ');
      default:
        if (breaksLine) this.newLine();
    }
  }

  close(name: string, breaksLine: boolean): void {
    const open = this.openElements.get(name) ?? 0;
    if (open === 0) return;
    this.openElements.set(name, open - 1);
    if (/^h[1-6]$/.test(name)) return this.write('\n\n');
    switch (name) {
      case 'p':
        return this.write('\n\n');
      case 'ul':
      case 'ol':
        this.lists.pop();
        return this.newLine();
      case 'li':
        return this.newLine();
      case 'blockquote':
        this.quoteDepth = Math.max(0, this.quoteDepth - 1);
        return this.write('\n\n');
      case 'pre':
        this.preDepth = Math.max(0, this.preDepth - 1);
        this.newLine();
        return this.write('```\n\n');
      case 'code':
        if (this.preDepth === 0) this.write('`');
        return;
      case 'td':
      case 'th':
        return this.write(' ');
      case 'tr':
        return this.write('|\n');
      default:
        if (breaksLine) this.newLine();
    }
  }

  private listItem(): void {
    this.newLine();
    const list = this.lists.at(-1);
    const indent = '   '.repeat(Math.max(0, this.lists.length - 1));
    if (list === undefined) return this.write(`${indent}- `);
    this.write(list.ordered ? `${indent}${list.next}. ` : `${indent}- `);
    list.next += 1;
  }

  private block(prefix: string): void {
    this.newLine();
    this.write('\n');
    this.write(prefix);
  }

  private newLine(): void {
    if (!this.atLineStart) this.write('\n');
  }
}

/**
 * Each line without its trailing spaces and tabs. A loop, not `/[ \t]+$/gm`: a regex retries the run
 * from each of its blanks, so one line of 60,000 spaces before a letter took 14 s.
 */
function withoutTrailingBlanks(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
      return line.slice(0, end);
    })
    .join('\n');
}

/** Elements without an end tag: never counted as open. */
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
