export interface JsonErrorLocation {
  /** Offset into the text of the first character the JSON grammar does not allow. */
  readonly offset: number;
  readonly reason: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const MAX_DEPTH = 512;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
/** Sticky, so each number is matched where it stands instead of on a copy of the rest of the text. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds where JSON goes wrong. Node 20's `JSON.parse` messages often carry no position
 * ("Unexpected token '}', … is not valid JSON"), and a requester needs a line and column.
 * Returns undefined for valid JSON.
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let index = 0;
  const fail = (reason: string): never => {
    throw new JsonSyntaxError(index, index >= text.length ? `unexpected end of input: ${reason}` : reason);
  };
  const skipWhitespace = (): void => {
    while (WHITESPACE.has(text[index] ?? '')) index += 1;
  };
  const expect = (literal: string): void => {
    if (!text.startsWith(literal, index)) fail(`expected ${literal}`);
    index += literal.length;
  };
  const readString = (): void => {
    index += 1;
    for (;;) {
      const character = text[index];
      if (character === undefined) return fail('a string is not closed with "');
      if (character === '"') {
        index += 1;
        return;
      }
      if (character === '\\') {
        if (!/^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(index, index + 6)))
          fail('invalid escape in a string');
        index += text[index + 1] === 'u' ? 6 : 2;
      } else if (character < ' ') {
        fail('a line break or control character inside a string (strings must be on one line)');
      } else {
        index += 1;
      }
    }
  };
  const readNumber = (): void => {
    NUMBER.lastIndex = index;
    const match = NUMBER.exec(text);
    if (!match)
      return fail(
        'expected a value (a string in double quotes, a number, true, false, null, an object or a list)',
      );
    index += match[0].length;
  };
  const readValue = (depth: number): void => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skipWhitespace();
    const character = text[index];
    if (character === '{') return readContainer({ depth, close: '}', readEntry: () => readProperty(depth) });
    if (character === '[') return readContainer({ depth, close: ']', readEntry: () => readValue(depth + 1) });
    if (character === '"') return readString();
    if (character === 't') return expect('true');
    if (character === 'f') return expect('false');
    if (character === 'n') return expect('null');
    return readNumber();
  };
  const readProperty = (depth: number): void => {
    skipWhitespace();
    if (text[index] !== '"') fail('expected a property name in double quotes');
    readString();
    skipWhitespace();
    if (text[index] !== ':') fail('expected ":" after a property name');
    index += 1;
    readValue(depth + 1);
  };
  const readContainer = (params: { depth: number; close: string; readEntry: () => void }): void => {
    index += 1;
    skipWhitespace();
    if (text[index] === params.close) {
      index += 1;
      return;
    }
    for (;;) {
      params.readEntry();
      skipWhitespace();
      if (text[index] === params.close) {
        index += 1;
        return;
      }
      if (text[index] !== ',') fail(`expected "," or "${params.close}"`);
      index += 1;
      skipWhitespace();
      if (text[index] === params.close)
        fail(`a trailing comma before "${params.close}" is not allowed in JSON`);
    }
  };

  try {
    readValue(0);
    skipWhitespace();
    if (index < text.length) fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}
