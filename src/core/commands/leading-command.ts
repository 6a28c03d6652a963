import { stripInvisibleCharacters } from '../untrusted/invisible-characters.js';

/** The line a command is read from: invisible characters removed and trimmed, with the text after it. */
export interface CommandLine {
  readonly line: string;
  readonly rest: string;
}

/**
 * The first non-empty line of a comment, where a command is written (DESIGN §8), or undefined when
 * there is none or GitHub renders it as code: four columns of indentation make an indented code
 * block (CommonMark 0.31 §4.4; a tab advances to the next multiple of four, §2.2). Quotes and
 * fences need no rule here: they start with `>`, ``` or ~~~, which no command does. Invisible
 * characters (`stripInvisibleCharacters`) are removed from the line first, as a reader never sees
 * them. The one reading of "does this text start with a command" (`parseCommand`,
 * `implementInstructions`). Scans line by line, so a megabyte after the line costs nothing. Pure.
 */
export function leadingCommandLine(body: string): CommandLine | undefined {
  const lines = /([^\r\n]*)(?:\r\n?|\n|$)/y;
  while (lines.lastIndex < body.length) {
    const match = lines.exec(body);
    if (match === null) return undefined;
    const line = stripInvisibleCharacters(match[1] ?? '').text;
    if (line.trim() === '') continue;
    if (indentationColumns(line) >= 4) return undefined;
    return { line: line.trim(), rest: body.slice(lines.lastIndex) };
  }
  return undefined;
}

/**
 * `/implement`'s instructions when `body` starts with that command (`leadingCommandLine`, its
 * first word `/implement` in any case): the rest of the line and every later line, line ends
 * normalised to `\n`, trimmed. Undefined when the text gives no `/implement`. Pure.
 */
export function implementInstructions(body: string): string | undefined {
  const found = leadingCommandLine(body);
  const token = found?.line.split(/\s/, 1)[0];
  if (found === undefined || token?.toLowerCase() !== '/implement') return undefined;
  return instructionsAfter(found, token);
}

/** The text after a command's first word `token`: the rest of its line and the lines below. */
export function instructionsAfter(found: CommandLine, token: string): string {
  return `${found.line.slice(token.length)}\n${found.rest.replace(/\r\n?/g, '\n')}`.trim();
}

function indentationColumns(line: string): number {
  let columns = 0;
  for (const character of line) {
    if (character === ' ') columns += 1;
    else if (character === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}
