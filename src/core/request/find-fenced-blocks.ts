export interface FencedBlock {
  /** The info string's first word, lower-cased: `json`, `yaml`, ``. */
  readonly language: string;
  readonly content: string;
  /** 1-based line of the opening fence in the text it was found in. */
  readonly line: number;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/;

/** Fenced code blocks in markdown, in order; an unclosed block runs to the end, as GitHub renders it. */
export function findFencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split(/\r\n?|\n/);
  const blocks: FencedBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const opening = OPENING.exec(lines[index] ?? '');
    if (!opening) continue;
    const fence = opening[1] ?? '```';
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const start = index;
    const content: string[] = [];
    for (index += 1; index < lines.length && !closing.test(lines[index] ?? ''); index += 1)
      content.push(lines[index] ?? '');
    blocks.push({ language: (opening[2] ?? '').toLowerCase(), content: content.join('\n'), line: start + 1 });
  }
  return blocks;
}
