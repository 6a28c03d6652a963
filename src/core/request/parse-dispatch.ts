import type { RequestChannel } from './execution-request.js';
import { readChoice, readStoryLines, readStrategyChoice } from './field-value-readers.js';
import { isRecord } from './is-record.js';
import { parseStructuredText } from '../untrusted/parse-structured-text.js';
import { parsedRequest, rejectedRequest, type RequestParseResult } from './request-parse-result.js';
import { checkRequestSize } from './request-size-limit.js';
import { boundsError } from './bounds-error.js';
import { checkValueBounds } from '../untrusted/check-value-bounds.js';
import { toPayloadShape } from './to-payload-shape.js';

/** The event type (`repository_dispatch`'s `action`) that carries an implementation request. */
export const REPOSITORY_DISPATCH_TYPE = 'implementation-request';

export interface DispatchEvent {
  /** `workflow_dispatch`, `repository_dispatch`, or any other event name (which is not a request). */
  readonly name: string;
  /** The event payload as GitHub delivers it (`GITHUB_EVENT_PATH`, or the webhook body). */
  readonly payload: unknown;
}

type InputReader = (value: string) => unknown;

/** The individual `workflow_dispatch` inputs, for workflows that ask field by field instead of for a `request`. */
const INDIVIDUAL_INPUTS: Readonly<Record<string, InputReader>> = {
  task_type: readChoice,
  task_name: (value) => value,
  execution_mode: readChoice,
  target_environment: (value) => value.trim(),
  description: (value) => value,
  deployment_strategy: readStrategyChoice,
};

function notARequest(reason: string): RequestParseResult {
  return { kind: 'not-a-request', reason };
}

function parseRequestText(params: {
  text: string;
  channel: RequestChannel;
  field: string;
}): RequestParseResult {
  const sizeError = checkRequestSize({ text: params.text, source: params.field });
  if (sizeError) return rejectedRequest(params.channel, [sizeError]);
  const parsed = parseStructuredText({ text: params.text });
  if (!parsed.ok) {
    return rejectedRequest(params.channel, [
      {
        field: params.field,
        message: parsed.message,
        fix: 'Send the payload as a JSON (or YAML) object; see the example below.',
      },
    ]);
  }
  return parsedRequest({ channel: params.channel, candidate: toPayloadShape(parsed.value) });
}

function inputText(inputs: Record<string, unknown>, name: string): string | undefined {
  const value = inputs[name];
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.trim() === '' ? undefined : text;
}

function parseWorkflowDispatch(payload: unknown): RequestParseResult {
  const inputs = isRecord(payload) && isRecord(payload.inputs) ? payload.inputs : {};
  const request = inputText(inputs, 'request');
  if (request !== undefined)
    return parseRequestText({ text: request, channel: 'workflow_dispatch', field: 'inputs.request' });

  const given = [...Object.keys(INDIVIDUAL_INPUTS), 'user_stories'].flatMap((name) => {
    const text = inputText(inputs, name);
    return text === undefined ? [] : [[name, text] as const];
  });
  if (given.length === 0)
    return notARequest('the workflow was dispatched without a request or any request inputs');
  const sizeError = checkRequestSize({ text: given.map(([, text]) => text).join('\n'), source: 'inputs' });
  if (sizeError) return rejectedRequest('workflow_dispatch', [sizeError]);

  const executionRequest = new Map<string, unknown>();
  let userStories: string[] | undefined;
  for (const [name, text] of given) {
    const read = INDIVIDUAL_INPUTS[name];
    if (read) executionRequest.set(name, read(text));
    else userStories = readStoryLines(text);
  }
  const candidate = {
    execution_request: Object.fromEntries([...executionRequest].filter(([, value]) => value !== undefined)),
    ...(userStories ? { support_artifacts: { user_stories: userStories } } : {}),
  };
  return parsedRequest({ channel: 'workflow_dispatch', candidate });
}

function parseRepositoryDispatch(payload: unknown): RequestParseResult {
  if (!isRecord(payload) || payload.action !== REPOSITORY_DISPATCH_TYPE) {
    return notARequest(`the repository_dispatch event type is not "${REPOSITORY_DISPATCH_TYPE}"`);
  }
  const clientPayload = payload.client_payload ?? {};
  // Bounded before anything walks it: JSON.stringify overflows the stack on a payload nested 5,000 deep.
  const bounds = checkValueBounds(clientPayload);
  if (bounds !== undefined)
    return rejectedRequest('repository_dispatch', [boundsError('client_payload', bounds)]);
  const sizeError = checkRequestSize({ text: JSON.stringify(clientPayload) ?? '', source: 'client_payload' });
  if (sizeError) return rejectedRequest('repository_dispatch', [sizeError]);
  const request = isRecord(clientPayload) ? clientPayload.request : undefined;
  if (typeof request === 'string') {
    return parseRequestText({
      text: request,
      channel: 'repository_dispatch',
      field: 'client_payload.request',
    });
  }
  return parsedRequest({
    channel: 'repository_dispatch',
    candidate: toPayloadShape(request ?? clientPayload),
  });
}

/**
 * Reads a request from a dispatch event: `workflow_dispatch` with one `request` input (the whole
 * payload as JSON or YAML text) or with individual inputs, or `repository_dispatch` of type
 * `implementation-request`, whose `client_payload` (or `client_payload.request`) is the payload.
 * Any other event is `not-a-request` — a distinct answer, not an error.
 */
export function parseDispatch(event: DispatchEvent): RequestParseResult {
  if (event.name === 'workflow_dispatch') return parseWorkflowDispatch(event.payload);
  if (event.name === 'repository_dispatch') return parseRepositoryDispatch(event.payload);
  return notARequest(`"${event.name}" events do not carry implementation requests`);
}
