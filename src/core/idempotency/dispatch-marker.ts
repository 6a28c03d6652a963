import { isRecord } from '../request/is-record.js';

const PREFIX = '<!-- implementation-agent:dispatch ';
const SUFFIX = ' -->';

/**
 * The hidden line on an issue opened for a dispatched request, naming the request
 * (`dispatchRequestId`), so a repeated dispatch finds that issue. The id is JSON with `-` and `>`
 * escaped, so it can never end the HTML comment early.
 */
export function renderDispatchMarker(requestId: string): string {
  const json = JSON.stringify({ request_id: requestId }).replace(/-/g, '\\u002d').replace(/>/g, '\\u003e');
  return `${PREFIX}${json}${SUFFIX}`;
}

/** The request id an issue body's dispatch marker names, or `undefined` when it has none that parses. */
export function parseDispatchMarker(body: string): string | undefined {
  const start = body.indexOf(PREFIX);
  if (start < 0) return undefined;
  const end = body.indexOf(SUFFIX, start + PREFIX.length);
  if (end < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(body.slice(start + PREFIX.length, end));
    const id = isRecord(parsed) ? parsed.request_id : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
