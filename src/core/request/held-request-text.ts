import type { RequestPayload } from './execution-request.js';
import { isRecord } from './is-record.js';

/**
 * Characters escaped (as JSON's own `\uXXXX`) beyond what JSON.stringify escapes: DEL, the C1
 * controls, the invisible and direction-changing characters, the line and paragraph separators
 * and the byte order mark. Each can only stand inside a JSON string, where the escape means the
 * same character, so the text stays the same JSON and shows every character a reader could miss.
 */
const ESCAPED = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The one text of a request that a hold shows and its digest binds (`heldTextDigest`): JSON with
 * object keys sorted and two-space indentation, every invisible character escaped and `<!`
 * written `\u003c!` (so it can neither hide text nor open an HTML comment). Two different
 * requests never share a text, and the text is shown as is inside a code block.
 */
export function heldRequestText(payload: RequestPayload): string {
  return JSON.stringify(payload, sortKeys, 2)
    .replace(ESCAPED, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('<!', '\\u003c!');
}

function sortKeys(_key: string, value: unknown): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, value[key]]),
  );
}
