/** A JSON document found inside a text: where it is (`[start, end)`) and what it parses to. */
export interface EmbeddedJson {
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

/**
 * The JSON documents written inside `text` (pure), in order, none inside another: objects (`{"…`
 * or `{}`), arrays of strings, objects or arrays, and quoted strings with an escape in them (only
 * there can decoding change what a scanner sees). A span that does not parse as JSON (a code
 * object literal, a quote in prose) is passed over. Each candidate is read once to its closing
 * bracket or quote, so a text costs about its length times the candidates that fail.
 */
export function embeddedJsonSpans(text: string): EmbeddedJson[] {
  const found: EmbeddedJson[] = [];
  let from = 0;
  while (from < text.length) {
    const start = nextCandidate(text, from);
    if (start === -1) break;
    const end = spanEnd(text, start);
    const value = end === -1 ? undefined : parseSpan(text.slice(start, end));
    if (value === undefined) {
      from = start + 1;
      continue;
    }
    found.push({ start, end, value: value.parsed });
    from = end;
  }
  return found;
}

const OPENS_OBJECT = /\{\s*["}]/y;
const OPENS_ARRAY = /\[\s*["{[]/y;

function nextCandidate(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') return index;
    const opens = char === '{' ? OPENS_OBJECT : char === '[' ? OPENS_ARRAY : undefined;
    if (opens === undefined) continue;
    opens.lastIndex = index;
    if (opens.test(text)) return index;
  }
  return -1;
}

/** Where the JSON value opening at `start` ends (exclusive), by brackets and strings; -1 when it does not. */
function spanEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') {
        inString = false;
        if (depth === 0) return index + 1;
      }
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return index + 1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

function parseSpan(span: string): { parsed: unknown } | undefined {
  // A quoted string matters only when it has an escape to decode.
  if (span.startsWith('"') && !span.includes('\\')) return undefined;
  try {
    return { parsed: JSON.parse(span) as unknown };
  } catch {
    return undefined;
  }
}
