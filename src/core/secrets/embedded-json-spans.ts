/** A JSON document found inside a text: where it is (`[start, end)`) and what it parses to. */
export interface EmbeddedJson {
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

/** The documents found, and whether the search went through the whole text within its bound. */
export interface EmbeddedJsonSearch {
  readonly documents: EmbeddedJson[];
  /** False when the search stopped at its bound: the text was not searched to its end. */
  readonly complete: boolean;
}

/**
 * Characters the search may read (bracket scans and parses) per character of text, past a floor
 * for short texts. An ordinary text costs about 2 per character (one scan, one parse of each
 * document); a truncated document costs about 1 more per level of nesting. Only text made to keep
 * the search busy (nested documents that each fail to parse) comes near it.
 */
const WORK_PER_CHARACTER = 32;
const MIN_WORK = 1 << 20;

/** A bracket no scan has reached outside a string yet. */
const UNKNOWN = -2;
/** A bracket a scan reached outside a string and that nothing closes. */
const UNCLOSED = -1;

/**
 * The JSON objects (`{"…` or `{}`) and arrays (of strings, objects or arrays) written inside
 * `text` (pure), in order, none inside another. A span that does not parse as JSON (a code object
 * literal, braces in prose) is passed over and the documents inside it are still found; so are the
 * whole documents inside one that a length limit cut off. Strings are not documents here:
 * `escapedStringRuns` decodes them, framed or not.
 *
 * Cost: each bracket records where it closes (or that nothing does) the first time a scan reaches
 * it outside a string, and a later scan jumps over it, so a text of unclosed openers (`{"` or
 * `{"a":[` repeated) is read about once, not once per opener. The work is bounded all the same
 * (WORK_PER_CHARACTER): past it the search stops with `complete: false`, and the caller must treat
 * the text as not checked.
 */
export function embeddedJsonSpans(text: string): EmbeddedJsonSearch {
  const documents: EmbeddedJson[] = [];
  const closeAt = new Int32Array(text.length).fill(UNKNOWN);
  let work = WORK_PER_CHARACTER * text.length + MIN_WORK;
  let from = 0;
  while (from < text.length) {
    const start = nextCandidate(text, from);
    if (start === -1) break;
    if (closeAt[start] === UNKNOWN) work -= scanBrackets(text, start, closeAt);
    const end = closeAt[start] ?? UNCLOSED;
    if (end !== UNCLOSED) work -= end - start;
    if (work < 0) return { documents, complete: false };
    const value = end === UNCLOSED ? undefined : parseSpan(text.slice(start, end));
    if (value === undefined) {
      from = start + 1;
      continue;
    }
    documents.push({ start, end, value: value.parsed });
    from = end;
  }
  return { documents, complete: true };
}

const OPENS_OBJECT = /\{\s*["}]/y;
const OPENS_ARRAY = /\[\s*["{[]/y;

function nextCandidate(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    const opens = char === '{' ? OPENS_OBJECT : char === '[' ? OPENS_ARRAY : undefined;
    if (opens === undefined) continue;
    opens.lastIndex = index;
    if (opens.test(text)) return index;
  }
  return -1;
}

/**
 * Reads from the bracket at `start` to its close, by brackets and strings, recording in `closeAt`
 * the end (exclusive) of every bracket it passes outside a string, or UNCLOSED. A bracket an
 * earlier scan recorded is jumped over: from there both scans read the text the same way.
 * Returns the characters read.
 */
function scanBrackets(text: string, start: number, closeAt: Int32Array): number {
  const open: number[] = [];
  let inString = false;
  let read = 0;
  for (let index = start; index < text.length; index += 1) {
    read += 1;
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      const known = closeAt[index] ?? UNKNOWN;
      if (known === UNCLOSED) return read;
      if (known !== UNKNOWN) {
        index = known - 1;
        continue;
      }
      open.push(index);
      closeAt[index] = UNCLOSED;
    } else if (char === '}' || char === ']') {
      const opener = open.pop();
      if (opener !== undefined) closeAt[opener] = index + 1;
      if (open.length === 0) return read;
    }
  }
  return read;
}

function parseSpan(span: string): { parsed: unknown } | undefined {
  try {
    return { parsed: JSON.parse(span) as unknown };
  } catch {
    return undefined;
  }
}
