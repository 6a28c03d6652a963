import { codeSpan } from '../markdown/code-span.js';
import { isRecord } from './is-record.js';

/** Changed fields listed before the rest are summed up as "…and N more". */
const MAX_LISTED = 15;
/** Characters of a value shown; the full request is shown below the list. */
const MAX_VALUE = 80;

/**
 * What changed between the request that was held and the request now, one markdown list item
 * per field (`execution_request.task_name`, `support_artifacts.user_stories[1]`), in the order
 * the fields appear: `was → now`, `added`, or `removed`. Values are shown as code spans, cut at
 * 80 characters. An empty string when no field differs.
 */
export function describeRequestChanges(params: { before: unknown; after: unknown }): string {
  const before = leaves(params.before);
  const after = leaves(params.after);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const lines = paths.flatMap((path) => {
    const was = before.get(path);
    const now = after.get(path);
    if (was === now) return [];
    const field = codeSpan(path);
    if (was === undefined) return [`- ${field} added: ${shown(now)}`];
    if (now === undefined) return [`- ${field} removed (was ${shown(was)})`];
    return [`- ${field}: ${shown(was)} → ${shown(now)}`];
  });
  const listed = lines.slice(0, MAX_LISTED);
  if (lines.length > MAX_LISTED) listed.push(`- …and ${lines.length - MAX_LISTED} more`);
  return listed.join('\n');
}

/** Every leaf value (as its JSON text) by its path. */
function leaves(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    value.forEach((item, index) => leaves(item, `${path}[${index}]`, into));
    if (value.length === 0) into.set(path, '[]');
  } else if (isRecord(value)) {
    const keys = Object.keys(value);
    for (const key of keys) leaves(value[key], path === '' ? key : `${path}.${key}`, into);
    if (keys.length === 0 && path !== '') into.set(path, '{}');
  } else if (value !== undefined) {
    into.set(path, JSON.stringify(value));
  }
  return into;
}

function shown(json: string | undefined): string {
  const text = json ?? '';
  return codeSpan(text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text);
}
