import { readChoice, readScore, readStoryLines, readStrategyChoice } from './field-value-readers.js';
import { isRecord } from './is-record.js';
import {
  ISSUE_FORM_FIELDS,
  NO_RESPONSE,
  type IssueFormField,
  type IssueFormFieldKind,
} from './issue-form-fields.js';
import { mergeRequestContext } from './merge-request-context.js';
import {
  readMarkdownBlocks,
  type MarkdownBlocks,
  type VisibleBlock,
} from '../untrusted/markdown/read-markdown-blocks.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import type { RequestFieldError } from './request-field-error.js';
import { parsedRequest, rejectedRequest, type RequestParseResult } from './request-parse-result.js';
import { checkRequestSize } from './request-size-limit.js';
import { splitFormSections } from './split-form-sections.js';

/** Fewer form headings than this and the body is prose that happens to use a heading, not the form. */
const MIN_FORM_SECTIONS = 2;

/** Dropdowns and one-line inputs: GitHub renders their value as a single block. */
const SINGLE_BLOCK = new Set<IssueFormFieldKind>(['choice', 'text', 'number']);

/** GitHub writes "_No response_" for an empty field, which renders as the words in italics. */
const NO_RESPONSE_TEXT = NO_RESPONSE.replace(/^_|_$/g, '');

/**
 * A section's value as a reader sees it; undefined when empty or GitHub wrote "_No response_".
 * A `render:` field's value is the code of the fence GitHub wraps it in.
 */
function sectionValue(
  field: IssueFormField,
  blocks: readonly VisibleBlock[] | undefined,
): string | undefined {
  if (blocks === undefined) return undefined;
  const [only] = blocks;
  const value =
    field.kind === 'json' && blocks.length === 1 && only?.kind === 'fence'
      ? only.content
      : blocks.map((block) => block.text).join('\n\n');
  const trimmed = value.trim();
  return trimmed === '' || trimmed === NO_RESPONSE_TEXT || trimmed === NO_RESPONSE ? undefined : trimmed;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = isRecord(target[head]) ? target[head] : {};
  target[head] = child;
  setPath(child, rest, value);
}

function fieldValue(field: IssueFormField, text: string): unknown {
  switch (field.kind) {
    case 'choice':
      return field.id === 'deployment_strategy' ? readStrategyChoice(text) : readChoice(text);
    case 'lines':
      return readStoryLines(text);
    case 'number':
      return readScore(text);
    default:
      return text;
  }
}

function readAdditionalContext(
  field: IssueFormField,
  text: string,
): { context?: Record<string, unknown>; problem?: RequestFieldError } {
  const parsed = parseStructuredText({ text, format: 'json' });
  const fix = `Write a JSON object such as { "team": "payments" } in "${field.label}", or leave it empty.`;
  if (!parsed.ok) return { problem: { field: field.id, message: parsed.message, fix } };
  if (!isRecord(parsed.value)) return { problem: { field: field.id, message: 'must be a JSON object', fix } };
  return { context: parsed.value };
}

/**
 * Reads the markdown GitHub renders from `.github/ISSUE_TEMPLATE/implementation-request.yml`
 * (`### <label>` sections) into a candidate payload. `not-a-request` when the body is not that form.
 */
export function parseIssueForm(body: string): RequestParseResult {
  const sizeError = checkRequestSize({ text: body, source: 'issue body' });
  if (sizeError) return rejectedRequest('issue-form', [sizeError]);
  return formFromBlocks(readMarkdownBlocks(body));
}

/** `parseIssueForm` over blocks already read, so an issue body is parsed once. */
export function formFromBlocks(markdown: MarkdownBlocks): RequestParseResult {
  const sections = splitFormSections(
    markdown.blocks,
    ISSUE_FORM_FIELDS.map((field) => ({ label: field.label, singleBlock: SINGLE_BLOCK.has(field.kind) })),
  );
  if (sections.size < MIN_FORM_SECTIONS) {
    return {
      kind: 'not-a-request',
      reason: 'the issue body does not have the sections of the implementation request form',
    };
  }
  const explicit: Record<string, unknown> = {};
  const problems: RequestFieldError[] = [];
  let context: Record<string, unknown> = {};
  for (const field of ISSUE_FORM_FIELDS) {
    const text = sectionValue(field, sections.get(field.label));
    if (text === undefined) continue;
    if (field.kind === 'json') {
      const additional = readAdditionalContext(field, text);
      if (additional.problem) problems.push(additional.problem);
      context = additional.context ?? context;
      continue;
    }
    const value = fieldValue(field, text);
    if (value !== undefined && field.path) setPath(explicit, field.path, value);
  }
  return parsedRequest({
    channel: 'issue-form',
    candidate: mergeRequestContext({ context, explicit }),
    problems,
    removed: markdown.removed,
  });
}
