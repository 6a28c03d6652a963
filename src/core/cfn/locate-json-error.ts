export interface JsonErrorLocation {
  readonly offset: number;
  readonly message: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Where the first JSON syntax error is. V8's `JSON.parse` messages often quote the text around the
 * error instead of giving an offset, so this re-reads the text with a small validating scanner.
 * Returns undefined for valid JSON.
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipWhitespace();
    scanner.value();
    scanner.skipWhitespace();
    if (scanner.index < text.length) scanner.fail('unexpected text after the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, message: error.message };
    throw error;
  }
}

class Scanner {
  index = 0;

  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(this.index, message);
  }

  skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.index] ?? '')) this.index += 1;
  }

  value(): void {
    const char = this.text[this.index];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return undefined;
      }
    }
    return this.fail(char === undefined ? 'unexpected end of input' : `unexpected ${JSON.stringify(char)}`);
  }

  private object(): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return;
    }
    for (;;) {
      if (this.text[this.index] !== '"') this.fail(this.expected('a double-quoted property name'));
      this.string();
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail(this.expected('":" after the property name'));
      this.index += 1;
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();
      if (this.text[this.index] === '}') break;
      if (this.text[this.index] !== ',') this.fail(this.expected('"," or "}"'));
      this.index += 1;
      this.skipWhitespace();
    }
    this.index += 1;
  }

  private array(): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return;
    }
    for (;;) {
      this.value();
      this.skipWhitespace();
      if (this.text[this.index] === ']') break;
      if (this.text[this.index] !== ',') this.fail(this.expected('"," or "]"'));
      this.index += 1;
      this.skipWhitespace();
    }
    this.index += 1;
  }

  private string(): void {
    this.index += 1;
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) this.fail('unterminated string');
      if (char === '"') break;
      if (char.charCodeAt(0) < 0x20) this.fail('control character in string (escape it, e.g. \\n)');
      if (char === '\\') {
        const escape = this.text[this.index + 1] ?? '';
        const valid =
          ESCAPES.has(escape) ||
          (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 2, this.index + 6)));
        if (!valid) this.fail('invalid escape sequence in string');
        this.index += escape === 'u' ? 6 : 2;
      } else {
        this.index += 1;
      }
    }
    this.index += 1;
  }

  private number(): void {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = this.index;
    if (!match.test(this.text) || match.lastIndex === this.index) this.fail('invalid number');
    this.index = match.lastIndex;
  }

  private expected(what: string): string {
    const char = this.text[this.index];
    return `expected ${what}, found ${char === undefined ? 'the end of input' : JSON.stringify(char)}`;
  }
}
