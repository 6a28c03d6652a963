import { parseStructuredText, type StructuredTextFormat } from '../untrusted/parse-structured-text.js';
import { parsedRequest, rejectedRequest, type RequestParseResult } from './request-parse-result.js';
import { checkValueBounds } from '../untrusted/check-value-bounds.js';
import { boundsError } from './bounds-error.js';
import { checkRequestSize } from './request-size-limit.js';
import { toPayloadShape } from './to-payload-shape.js';

/**
 * Reads a request handed over whole — a file given to the CLI, or a REST API body — through the same
 * size cap, shape normalisation and sanitizing as the GitHub channels. `input` is the raw text, or the
 * already-parsed body when the HTTP layer has parsed it.
 */
export function parseRequestDocument(params: {
  channel: 'file' | 'api';
  input: unknown;
  format?: StructuredTextFormat;
}): RequestParseResult {
  const source = params.channel === 'file' ? 'request file' : 'request body';
  const bounds = typeof params.input === 'string' ? undefined : checkValueBounds(params.input);
  if (bounds !== undefined) return rejectedRequest(params.channel, [boundsError(source, bounds)]);
  const text = typeof params.input === 'string' ? params.input : (JSON.stringify(params.input) ?? '');
  const sizeError = checkRequestSize({ text, source });
  if (sizeError) return rejectedRequest(params.channel, [sizeError]);
  if (typeof params.input !== 'string') {
    return parsedRequest({ channel: params.channel, candidate: toPayloadShape(params.input) });
  }
  const parsed = parseStructuredText(params.format ? { text, format: params.format } : { text });
  if (!parsed.ok) {
    return rejectedRequest(params.channel, [
      {
        field: source,
        message: parsed.message,
        fix: 'Write the request as a JSON (or YAML) object; see the example below.',
      },
    ]);
  }
  return parsedRequest({ channel: params.channel, candidate: toPayloadShape(parsed.value) });
}
