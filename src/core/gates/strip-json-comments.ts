/**
 * Blanks out `//` and `/* *\/` comments and trailing commas, as tsconfig-style JSON allows, keeping
 * every other character where it was so parse errors still point at the right line and column.
 */
export function stripJsonComments(text: string): string {
  return blankTrailingCommas(blankComments(text));
}

function blankComments(text: string): string {
  let output = '';
  let index = 0;
  while (index < text.length) {
    const pair = text.slice(index, index + 2);
    let end = index + 1;
    if (text[index] === '"') end = endOfString(text, index);
    else if (pair === '//') end = lineEnd(text, index);
    else if (pair === '/*') end = commentEnd(text, index);
    const piece = text.slice(index, end);
    output += pair === '//' || pair === '/*' ? piece.replace(/[^\n]/g, ' ') : piece;
    index = end;
  }
  return output;
}

function blankTrailingCommas(text: string): string {
  const closesNext = /\s*[}\]]/y;
  let output = '';
  let index = 0;
  while (index < text.length) {
    const end = text[index] === '"' ? endOfString(text, index) : index + 1;
    closesNext.lastIndex = index + 1;
    output += text[index] === ',' && closesNext.test(text) ? ' ' : text.slice(index, end);
    index = end;
  }
  return output;
}

function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"' && text[index] !== '\n') {
    index += text[index] === '\\' ? 2 : 1;
  }
  return Math.min(index + 1, text.length);
}

function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  return newline === -1 ? text.length : newline;
}

function commentEnd(text: string, start: number): number {
  const close = text.indexOf('*/', start + 2);
  return close === -1 ? text.length : close + 2;
}
