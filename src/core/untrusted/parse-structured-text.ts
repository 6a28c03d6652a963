import { parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { checkValueBounds } from './check-value-bounds.js';
import { firstDuplicateJsonKey } from './first-duplicate-json-key.js';
import { firstDuplicateKey } from './first-duplicate-key.js';
import { locateJsonError } from './locate-json-error.js';
import { structuredTextNesting } from './structured-text-nesting.js';
import { MAX_NESTING_DEPTH, MAX_UNTRUSTED_TEXT_LENGTH, MAX_VALUE_COUNT } from './untrusted-input-limits.js';

export type StructuredTextFormat = 'json' | 'yaml';

export type StructuredTextResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

export interface StructuredTextParams {
  readonly text: string;
  /** Absent: text that starts like a JSON object or list is JSON, anything else YAML. */
  readonly format?: StructuredTextFormat;
  /** Longest text read, in UTF-16 code units; default GitHub's 65,536-character body limit. */
  readonly maxLength?: number;
  /** Deepest nesting allowed, checked on the text before parsing and on the value after. */
  readonly maxDepth?: number;
  /** Most values (objects, lists and scalars) the document may hold. */
  readonly maxValues?: number;
  /** Extra YAML tags (CloudFormation's `!Ref`…); with them, an unknown tag is an error, not a warning. */
  readonly customTags?: SchemaOptions['customTags'];
}

/** YAML anchors can expand exponentially; a request or template never needs more than a handful. */
export const MAX_YAML_ALIASES = 100;

/**
 * The one parser of JSON and YAML from untrusted sources (requests, dispatch inputs, the repository
 * config, generated templates and JSON files). Bounds come first — length, then an estimate of the
 * nesting made in one linear pass — so no input reaches a parser that could exhaust the stack or run
 * long; then the parsed value is checked again for depth and count. A failure is an answer whose
 * message says where (line and column) and reads after a subject: "is not valid JSON at line 2…".
 */
export function parseStructuredText(params: StructuredTextParams): StructuredTextResult {
  const { text } = params;
  const maxLength = params.maxLength ?? MAX_UNTRUSTED_TEXT_LENGTH;
  const maxDepth = params.maxDepth ?? MAX_NESTING_DEPTH;
  if (text.length > maxLength)
    return {
      ok: false,
      message: `is ${count(text.length)} characters long, over the limit of ${count(maxLength)}; it was not read`,
    };
  const format = params.format ?? (/^\s*[{[]/.test(text) ? 'json' : 'yaml');
  if (structuredTextNesting(text, format) > maxDepth)
    return { ok: false, message: `nests more than ${maxDepth} levels deep; it was not read` };
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text, params.customTags);
  if (!parsed.ok) return parsed;
  const bounds = checkValueBounds(parsed.value, { maxDepth, maxValues: params.maxValues ?? MAX_VALUE_COUNT });
  if (bounds === undefined) return parsed;
  const where = bounds.path === '' ? '' : ` at \`${bounds.path}\``;
  return { ok: false, message: `${bounds.message}${where}; it was not read` };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * JSON text as a value; an object naming a key twice (at any depth, however the key is escaped) is
 * refused like YAML's, since readers disagree on which value counts (`firstDuplicateJsonKey`).
 */
function parseJson(text: string): StructuredTextResult {
  const body = text.replace(/^\uFEFF/, '');
  try {
    const value = JSON.parse(body) as unknown;
    const duplicate = firstDuplicateJsonKey(body);
    if (duplicate === undefined) return { ok: true, value };
    const { line, column } = lineAndColumn(body, duplicate);
    return {
      ok: false,
      message: `is not valid JSON at line ${line}, column ${column}: Object keys must be unique`,
      line,
      column,
    };
  } catch {
    const location = locateJsonError(body);
    if (location === undefined) return { ok: false, message: 'is not valid JSON' };
    const { line, column } = lineAndColumn(body, location.offset);
    return {
      ok: false,
      message: `is not valid JSON at line ${line}, column ${column}: ${location.reason}`,
      line,
      column,
    };
  }
}

function parseYaml(text: string, customTags: SchemaOptions['customTags'] | undefined): StructuredTextResult {
  const options: ParseOptions & DocumentOptions & SchemaOptions = {
    prettyErrors: true,
    // Checked below in one pass; the library's own check is quadratic in a mapping's keys.
    uniqueKeys: false,
    ...(customTags === undefined ? {} : { customTags }),
  };
  const document = parseDocument(text, options);
  // With custom tags, an unknown one (`!Reff`) is only a warning to the library, but the reader would refuse it.
  const [error] = customTags === undefined ? document.errors : [...document.errors, ...document.warnings];
  const duplicate = error === undefined ? firstDuplicateKey(document) : undefined;
  if (duplicate !== undefined) {
    const { line, column } = lineAndColumn(text, duplicate);
    return {
      ok: false,
      message: `is not valid YAML at line ${line}, column ${column}: Map keys must be unique`,
      line,
      column,
    };
  }
  if (error) {
    const position = error.linePos?.[0];
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    return position === undefined
      ? { ok: false, message: `is not valid YAML: ${reason}` }
      : {
          ok: false,
          message: `is not valid YAML at line ${position.line}, column ${position.col}: ${reason}`,
          line: position.line,
          column: position.col,
        };
  }
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (error) {
    // Thrown for alias expansion bombs, which only show up when the document is turned into values.
    return {
      ok: false,
      message: `is not usable YAML: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
