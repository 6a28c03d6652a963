import { findEscapedSecrets } from '../gates/find-escaped-secrets.js';
import { embeddedJsonSpans } from './embedded-json-spans.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * A JSON value (what `JSON.parse` or a zod schema returns) with every string in it redacted, each
 * scanned on its own, as its author wrote it: inside a JSON text a quoted secret is escaped
 * (`\"`) and some patterns no longer match. Keys are scanned as strings too (two redacted keys
of one object become one); numbers, booleans and null are kept. An object
 * shaped as a file (a string `path` beside a string `content`, as in the model's `write_files`
 * answer) has its content scanned as that file, so file-type rules apply (an `.npmrc` token), and
 * a JSON or YAML file whose secret only shows once its escapes are decoded goes as markers alone.
 * JSON written inside a string is scanned decoded too (`redactText`).
 */
export async function redactJsonStrings<T>(value: T): Promise<T> {
  // The walk keeps the shape: a string stays a string, an array an array, an object the same keys.
  return (await redactValue(value)) as T;
}

/** Keys shorter than this hold no credential the scanner knows (the shortest, an AWS key id, has 20); most keys are skipped. */
const MIN_SCANNED_KEY_LENGTH = 16;

async function redactValue(value: unknown): Promise<unknown> {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) items.push(await redactValue(item));
    return items;
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const file =
    typeof record['path'] === 'string' && typeof record['content'] === 'string'
      ? { path: record['path'], content: record['content'] }
      : undefined;
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(record)) {
    // A key is text too: a free-form object (a request's `assessment_results`) takes any key its author wrote.
    const shownKey = key.length < MIN_SCANNED_KEY_LENGTH ? key : await redactSecrets(key);
    entries.push([
      shownKey,
      key === 'content' && file !== undefined ? await redactFile(file) : await redactValue(item),
    ]);
  }
  return Object.fromEntries(entries);
}

/**
 * A string scanned as written, then each JSON document written inside it (`embeddedJsonSpans`: a
 * model's files as JSON text, a JSON file quoted in a message) scanned decoded, as `redactValue`
 * walks a JSON value: a secret escaped inside it (`{\"aws_secret_access_key\":\"…\"}`) no
 * longer hides from name-then-value rules. A document with a secret found only decoded is written
 * back redacted (as compact JSON); the rest of the text is left as it is.
 */
async function redactText(text: string): Promise<string> {
  const raw = await redactSecrets(text);
  const parts: string[] = [];
  let cursor = 0;
  for (const { start, end, value } of embeddedJsonSpans(raw)) {
    const redacted = await redactValue(value);
    // The walk keeps keys in order, so an unchanged document serialises the same.
    if (JSON.stringify(redacted) === JSON.stringify(value)) continue;
    parts.push(raw.slice(cursor, start), JSON.stringify(redacted));
    cursor = end;
  }
  if (cursor === 0) return raw;
  parts.push(raw.slice(cursor));
  return parts.join('');
}

/** A file's content as `redactBundle` (the repair prompt) shows it: scanned by its path, escapes decoded. */
async function redactFile(file: { path: string; content: string }): Promise<string> {
  const content = await redactSecrets(file.content, file.path);
  const escaped = await findEscapedSecrets({ file: { ...file, content, role: 'config' }, rawMatches: [] });
  return escaped.length === 0
    ? content
    : escaped.map(({ match }) => `[REDACTED:${match.kind.slug}]`).join('\n');
}
