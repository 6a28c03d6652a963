import { parseDocument } from 'yaml';
import { locateJsonError } from './locate-json-error.js';

export type StructuredTextFormat = 'json' | 'yaml';

export type StructuredTextResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

/** YAML anchors can expand exponentially; a request never needs more than a handful. */
const MAX_YAML_ALIASES = 50;

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function parseJson(text: string): StructuredTextResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const location = locateJsonError(text);
    if (location === undefined) return { ok: false, message: 'is not valid JSON' };
    const { line, column } = lineAndColumn(text, location.offset);
    return {
      ok: false,
      message: `is not valid JSON at line ${line}, column ${column}: ${location.reason}`,
      line,
      column,
    };
  }
}

function parseYaml(text: string): StructuredTextResult {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [error] = document.errors;
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
    return {
      ok: false,
      message: `is not usable YAML: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Parses request text; a failure message says where (line and column) so the requester can find it.
 * Without a format, text that starts like a JSON object or list is read as JSON, anything else as YAML.
 */
export function parseStructuredText(params: {
  text: string;
  format?: StructuredTextFormat;
}): StructuredTextResult {
  const format = params.format ?? (/^\s*[{[]/.test(params.text) ? 'json' : 'yaml');
  return format === 'json' ? parseJson(params.text) : parseYaml(params.text);
}
