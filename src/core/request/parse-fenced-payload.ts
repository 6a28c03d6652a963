import { findFencedBlocks, type FencedBlock } from './find-fenced-blocks.js';
import { isRecord } from './is-record.js';
import {
  parseStructuredText,
  type StructuredTextFormat,
  type StructuredTextResult,
} from '../untrusted/parse-structured-text.js';
import { parsedRequest, rejectedRequest, type RequestParseResult } from './request-parse-result.js';
import { checkRequestSize } from './request-size-limit.js';
import { toPayloadShape } from './to-payload-shape.js';

const PAYLOAD_LANGUAGES = new Map<string, StructuredTextFormat>([
  ['json', 'json'],
  ['yaml', 'yaml'],
  ['yml', 'yaml'],
]);
const PAYLOAD_KEYS = ['execution_request', 'task_type', 'task_name', 'execution_mode', 'target_environment'];

function looksLikePayload(value: unknown): boolean {
  return isRecord(value) && PAYLOAD_KEYS.some((key) => Object.hasOwn(value, key));
}

/**
 * Finds the payload in a fenced ```json / ```yaml / ```yml block of an issue body or comment.
 * The block may hold the whole payload or just the `execution_request` object. The first block that
 * looks like a payload wins; failing that, the first such block is judged (so a broken one is reported).
 */
export function parseFencedPayload(
  text: string,
  source: 'issue body' | 'comment' = 'issue body',
): RequestParseResult {
  const sizeError = checkRequestSize({ text, source });
  if (sizeError) return rejectedRequest('issue-payload', [sizeError]);
  const blocks = findFencedBlocks(text).filter((block) => PAYLOAD_LANGUAGES.has(block.language));
  if (blocks.length === 0) {
    return { kind: 'not-a-request', reason: `the ${source} has no fenced json or yaml block` };
  }
  const parsed = blocks.map((block): [FencedBlock, StructuredTextResult] => [
    block,
    parseStructuredText({ text: block.content, format: PAYLOAD_LANGUAGES.get(block.language) ?? 'json' }),
  ]);
  const [block, result] =
    parsed.find(([, attempt]) => attempt.ok && looksLikePayload(attempt.value)) ?? parsed[0] ?? [];
  if (block === undefined || result === undefined)
    return { kind: 'not-a-request', reason: 'no payload block' };
  if (!result.ok) {
    return rejectedRequest('issue-payload', [
      {
        field: source,
        message: `the \`\`\`${block.language} block starting on line ${block.line} ${result.message}`,
        fix: `Correct the ${block.language.toUpperCase()} in that block; the position counts from the line after the opening fence.`,
      },
    ]);
  }
  return parsedRequest({ channel: 'issue-payload', candidate: toPayloadShape(result.value) });
}
