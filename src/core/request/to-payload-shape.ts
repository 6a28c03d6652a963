import { isRecord } from './is-record.js';

const PAYLOAD_SECTIONS = new Set(['assessment_results', 'planning_results', 'support_artifacts']);
const EXECUTION_REQUEST_FIELDS = ['task_type', 'task_name', 'execution_mode', 'target_environment'];

/**
 * Accepts a bare `execution_request` object where a whole payload is expected, and wraps it:
 * `{ task_type, … }` becomes `{ execution_request: { task_type, … } }`, with any payload sections
 * found beside it kept at the top. Anything else is returned as it is, for validation to judge.
 */
export function toPayloadShape(value: unknown): unknown {
  if (!isRecord(value) || Object.hasOwn(value, 'execution_request')) return value;
  if (!EXECUTION_REQUEST_FIELDS.some((field) => Object.hasOwn(value, field))) return value;
  const entries = Object.entries(value);
  return Object.fromEntries([
    ['execution_request', Object.fromEntries(entries.filter(([key]) => !PAYLOAD_SECTIONS.has(key)))],
    ...entries.filter(([key]) => PAYLOAD_SECTIONS.has(key)),
  ]);
}
