import { locateJsonError } from './locate-json-error.js';

/** Where a parser stopped, 1-based, as editors count. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export type JsonParseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly position?: TextPosition };

/** `JSON.parse`, but a failure says where and why in a single line. */
export function parseJsonDocument(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const located = locateWithoutCrashing(text);
    if (located !== undefined)
      return { ok: false, message: located.message, position: positionAt(text, located.offset) };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: message.split('\n')[0] ?? message };
  }
}

/** Absurdly deep nesting can exhaust the scanner's stack; the message without a position is still useful. */
function locateWithoutCrashing(text: string): ReturnType<typeof locateJsonError> {
  try {
    return locateJsonError(text);
  } catch {
    return undefined;
  }
}

export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
