/**
 * An upper bound on how deeply a JSON or YAML text nests, found in one linear pass and without
 * parsing, so a document that would exhaust a parser's stack (`[[[[…`, YAML indented a thousand
 * levels) is refused before a parser sees it.
 *
 * - Flow collections: the running count of `[`/`{` minus `]`/`}`. JSON strings are skipped; YAML
 *   quotes are not (a plain scalar may hold a quote), so brackets inside YAML strings may count: an
 *   over-estimate, which only ever refuses more.
 * - YAML block collections: the stack of indentation columns of the lines, where each leading
 *   `- `, `? ` or `: ` indicator opens a level of its own (`- - - x` nests three sequences).
 *
 * Returns the larger of the two. Linear in `text.length`.
 */
export function structuredTextNesting(text: string, format: 'json' | 'yaml'): number {
  return Math.max(flowNesting(text, format === 'json'), format === 'yaml' ? blockNesting(text) : 0);
}

function flowNesting(text: string, skipJsonStrings: boolean): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"' && skipJsonStrings) inString = true;
    else if (character === '[' || character === '{') deepest = Math.max(deepest, (depth += 1));
    else if ((character === ']' || character === '}') && depth > 0) depth -= 1;
  }
  return deepest;
}

const INDICATOR = /[-?:]/;

function blockNesting(text: string): number {
  const columns: number[] = [];
  let deepest = 0;
  const open = (column: number): void => {
    while (columns.length > 0 && (columns.at(-1) ?? 0) >= column) columns.pop();
    columns.push(column);
    deepest = Math.max(deepest, columns.length);
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let column = lineStart;
    while (column < lineEnd && (text[column] === ' ' || text[column] === '\t')) column += 1;
    const isContent = column < lineEnd && text[column] !== '#' && text[column] !== '\r';
    while (isContent && INDICATOR.test(text[column] ?? '') && /[ \t]/.test(text[column + 1] ?? '')) {
      open(column - lineStart);
      column += 2;
      while (column < lineEnd && text[column] === ' ') column += 1;
    }
    if (isContent && column < lineEnd) open(column - lineStart);
    lineStart = lineEnd + 1;
  }
  return deepest;
}
