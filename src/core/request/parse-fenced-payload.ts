import {
  readMarkdownBlocks,
  type MarkdownBlocks,
  type VisibleBlock,
} from '../untrusted/markdown/read-markdown-blocks.js';
import {
  parseStructuredText,
  type StructuredTextFormat,
  type StructuredTextResult,
} from '../untrusted/parse-structured-text.js';
import { isRecord } from './is-record.js';
import { parsedRequest, rejectedRequest, type RequestParseResult } from './request-parse-result.js';
import { checkRequestSize } from './request-size-limit.js';
import { toPayloadShape } from './to-payload-shape.js';

const PAYLOAD_LANGUAGES = new Map<string, StructuredTextFormat>([
  ['json', 'json'],
  ['yaml', 'yaml'],
  ['yml', 'yaml'],
]);
const PAYLOAD_KEYS = ['execution_request', 'task_type', 'task_name', 'execution_mode', 'target_environment'];

type FenceBlock = Extract<VisibleBlock, { kind: 'fence' }>;

function looksLikePayload(value: unknown): boolean {
  return isRecord(value) && PAYLOAD_KEYS.some((key) => Object.hasOwn(value, key));
}

/**
 * Finds the payload in a fenced ```json / ```yaml / ```yml block of an issue body or comment.
 * Only blocks a reader sees count: a block inside an HTML comment, or after an unclosed `<script>`,
 * is not there (see `readMarkdownBlocks`). The block may hold the whole payload or just the
 * `execution_request` object. The first block that looks like a payload wins; failing that, the
 * first such block is judged (so a broken one is reported).
 */
export function parseFencedPayload(
  text: string,
  source: 'issue body' | 'comment' = 'issue body',
): RequestParseResult {
  const sizeError = checkRequestSize({ text, source });
  if (sizeError) return rejectedRequest('issue-payload', [sizeError]);
  return payloadFromBlocks(readMarkdownBlocks(text), source);
}

/** `parseFencedPayload` over blocks already read, so an issue body is parsed once. */
export function payloadFromBlocks(
  markdown: MarkdownBlocks,
  source: 'issue body' | 'comment',
): RequestParseResult {
  const { removed } = markdown;
  const fences = markdown.blocks.filter(
    (block): block is FenceBlock => block.kind === 'fence' && PAYLOAD_LANGUAGES.has(block.language),
  );
  if (fences.length === 0) {
    return { kind: 'not-a-request', reason: `the ${source} has no fenced json or yaml block` };
  }
  let first: [FenceBlock, StructuredTextResult] | undefined;
  for (const fence of fences) {
    const result = parseStructuredText({
      text: fence.content,
      format: PAYLOAD_LANGUAGES.get(fence.language) ?? 'json',
    });
    if (result.ok && looksLikePayload(result.value))
      return parsedRequest({ channel: 'issue-payload', candidate: toPayloadShape(result.value), removed });
    first ??= [fence, result];
  }
  const [fence, result] = first ?? [];
  if (fence === undefined || result === undefined)
    return { kind: 'not-a-request', reason: 'no payload block' };
  if (!result.ok) {
    return rejectedRequest('issue-payload', [
      {
        field: source,
        message: `the \`\`\`${fence.language} block starting on line ${fence.line} ${result.message}`,
        fix: `Correct the ${fence.language.toUpperCase()} in that block; the position counts from the line after the opening fence.`,
      },
    ]);
  }
  return parsedRequest({ channel: 'issue-payload', candidate: toPayloadShape(result.value), removed });
}
