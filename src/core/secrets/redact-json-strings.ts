import { embeddedJsonSpans, type EmbeddedJson } from './embedded-json-spans.js';
import { escapedStringRuns, type EscapedStringRun } from './escaped-string-runs.js';
import { findFileSecrets } from './find-file-secrets.js';
import { redactDecodedEscapes } from './redact-decoded-escapes.js';
import { redactInContext } from './redact-in-context.js';
import { redactSecretsAsWritten } from './redact-secrets-as-written.js';
import { NOT_SCANNED_MARKER, TOO_MANY_SECRETS_MARKER } from './secret-markers.js';

/**
 * A JSON value (what `JSON.parse` or a zod schema returns) with every string in it redacted, each
 * scanned as its author wrote it (all of them in one joined scan, each kept apart by a NUL no rule
 * lets a match cross): inside a JSON text a quoted secret is escaped
 * (`\"`) and some patterns no longer match. Keys are scanned as strings too (two redacted keys
 * of one object become one); numbers, booleans and null are kept. Strings a reader reads together
 * are also scanned together first (`redactInContext`): each key with its value as `"key": "value"`
 * (`{ "SecretAccessKey": "…" }`), a name/value record, an array's adjacent strings as lines (a PEM
 * key as a `Fn::Join` list). An object
 * shaped as a file (a string `path` beside a string `content`, as in the model's `write_files`
 * answer) has its content scanned as that file, so file-type rules apply (an `.npmrc` token), and
 * a JSON or YAML file whose secret only shows once its escapes are decoded goes as markers alone.
 * JSON written inside a string is scanned decoded too (`redactText`).
 */
export async function redactJsonStrings<T>(value: T): Promise<T> {
  // The walk keeps the shape: a string stays a string, an array an array, an object the same keys.
  return (await redactValue(value, 0)) as T;
}

/** Keys shorter than this hold no credential the scanner knows (the shortest, an AWS key id, has 20); most keys are skipped. */
const MIN_SCANNED_KEY_LENGTH = 16;

/**
 * Nesting the walk follows (arrays and objects, and JSON decoded out of a string): far deeper than
 * any document people or models write, and shallow enough that the walk's recursion never runs out
 * of stack (20,000 levels did). A value nested deeper goes as NOT_SCANNED_MARKER.
 */
const MAX_DEPTH = 128;

/**
 * `value` redacted: a string as a text (`redactText`); an array or object with all its strings
 * (and long keys) joined into one text and redacted together, so a document of many strings costs
 * one scan, not one each, and each is written back where it was. When the joined text is withheld
 * whole (more secrets of a kind than the scanner lists, or a search bound reached), the strings are
 * redacted one by one instead, so only the strings that need it are withheld.
 */
async function redactValue(value: unknown, depth: number): Promise<unknown> {
  if (depth > MAX_DEPTH) return NOT_SCANNED_MARKER;
  if (typeof value === 'string') return redactText(value, depth);
  if (value === null || typeof value !== 'object') return value;
  const [contextual] = await redactInContext([value], { depth, maxDepth: MAX_DEPTH });
  const texts: string[] = [];
  collectTexts(contextual, depth, texts);
  const joined = await redactedTogether(texts, depth);
  if (joined === undefined) return rebuild(contextual, depth, (text) => redactText(text, depth + 1));
  let next = 0;
  return rebuild(contextual, depth, () => Promise.resolve(joined[next++] ?? NOT_SCANNED_MARKER));
}

/** The file an object stands for (a string `path` beside a string `content`), if it is one. */
function fileIn(record: Record<string, unknown>): { path: string; content: string } | undefined {
  const { path, content } = record;
  return typeof path === 'string' && typeof content === 'string' ? { path, content } : undefined;
}

/** Every text `rebuild` asks for, in the order it asks: strings, and keys long enough to scan. */
function collectTexts(value: unknown, depth: number, into: string[]): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    into.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectTexts(item, depth + 1, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const file = fileIn(record);
  for (const [key, item] of Object.entries(record)) {
    if (key.length >= MIN_SCANNED_KEY_LENGTH) into.push(key);
    if (key !== 'content' || file === undefined) collectTexts(item, depth + 1, into);
  }
}

/**
 * `value` with the same shape, each text `collectTexts` listed replaced by `redacted(text)`, and
 * a file-shaped object's content by `redactFile`; a value nested deeper than MAX_DEPTH goes as
 * NOT_SCANNED_MARKER.
 */
async function rebuild(
  value: unknown,
  depth: number,
  redacted: (text: string) => Promise<string>,
): Promise<unknown> {
  if (depth > MAX_DEPTH) return NOT_SCANNED_MARKER;
  if (typeof value === 'string') return redacted(value);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) items.push(await rebuild(item, depth + 1, redacted));
    return items;
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const file = fileIn(record);
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(record)) {
    // A key is text too: a free-form object (a request's `assessment_results`) takes any key its author wrote.
    const shownKey = key.length < MIN_SCANNED_KEY_LENGTH ? key : await redacted(key);
    entries.push([
      shownKey,
      key === 'content' && file !== undefined
        ? await redactFile(file)
        : await rebuild(item, depth + 1, redacted),
    ]);
  }
  return Object.fromEntries(entries);
}

/**
 * `texts` redacted as one joined text (`redactText`, one scan), each back in its place; undefined
 * when the joined text was withheld whole, so the caller redacts them one by one.
 */
async function redactedTogether(texts: readonly string[], depth: number): Promise<string[] | undefined> {
  if (texts.length === 0) return [];
  // A NUL would break the join; no secret holds one, so U+FFFD (which none holds either) stands in.
  const joinable = texts.map((text) => text.split('\0').join('\uFFFD'));
  const redacted = (await redactText(joinable.join(RUN_SEPARATOR), depth + 1)).split(RUN_SEPARATOR);
  if (redacted.length !== texts.length) return undefined;
  return redacted.map((after, index) => (after === joinable[index] ? (texts[index] ?? after) : after));
}

/**
 * A string scanned as written, then scanned again decoded, so an escape cannot hide a secret from
 * name-then-value rules (`{\"aws_secret_access_key\":\"…\"}`) or split one (`\u0041`, `\/`):
 * 0. the whole text with its escapes decoded, level after level (`redactDecodedEscapes`), wherever
 *    they are, each secret replaced where it is written;
 * 1. each JSON document written inside it (`embeddedJsonSpans`: a model's files as JSON text, a
 *    JSON file quoted in a message) is walked as `redactValue` walks a JSON value, so a file-shaped
 *    object is scanned as its file; one with a secret is written back redacted, as compact JSON;
 * 2. every other stretch written as escaped JSON string content (`escapedStringRuns`: a quoted
 *    string, an escaped document without quotes, one cut off by a length limit) is decoded, and
 *    the decoded texts are redacted the same way, joined (one scan, however many there are), so a
 *    document escaped twice or more is walked too. A stretch with a secret is written back
 *    redacted and escaped again.
 * The rest of the text is left as written. A text the document search could not finish within
 * its bound goes as NOT_SCANNED_MARKER (fail closed); one whose decoded stretches hold more than
 * MAX_REPORTS_PER_RULE secrets of a kind goes as TOO_MANY_SECRETS_MARKER, as any text does.
 */
async function redactText(text: string, depth: number): Promise<string> {
  const raw = await redactDecodedEscapes(await redactSecretsAsWritten(text));
  if (raw === TOO_MANY_SECRETS_MARKER || raw === NOT_SCANNED_MARKER) return raw;
  const search = embeddedJsonSpans(raw);
  if (!search.complete) return NOT_SCANNED_MARKER;
  // A document's strings are decoded by its walk; a run inside one (or across its edge) adds nothing.
  const runs = outside(escapedStringRuns(raw), search.documents);
  const documents = await redactedDocuments(search.documents, depth);
  const decoded = await redactedRuns(runs, depth);
  if (typeof decoded === 'string') return decoded;
  const replacements = [...documents, ...decoded].sort((a, b) => a.start - b.start);
  return replaceSpans(raw, replacements);
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Each document walked as a JSON value; one with a secret is written back redacted, as compact
 * JSON. The strings of all the documents are redacted together (one joined scan, however many
 * documents a deploy log's text holds); one by one when the joined text was withheld whole.
 */
async function redactedDocuments(documents: readonly EmbeddedJson[], depth: number): Promise<Replacement[]> {
  if (documents.length === 0) return [];
  const contextual = await redactInContext(
    documents.map(({ value }) => value),
    { depth: depth + 1, maxDepth: MAX_DEPTH },
  );
  const texts: string[] = [];
  for (const value of contextual) collectTexts(value, depth + 1, texts);
  const joined = await redactedTogether(texts, depth + 1);
  let next = 0;
  const taken = (): Promise<string> => Promise.resolve(joined?.[next++] ?? NOT_SCANNED_MARKER);
  const replacements: Replacement[] = [];
  for (const [index, { start, end, value }] of documents.entries()) {
    const walked = contextual[index];
    const redacted =
      joined === undefined ? await redactValue(walked, depth + 1) : await rebuild(walked, depth + 1, taken);
    const written = JSON.stringify(redacted);
    // The walk keeps keys in order, so an unchanged document serialises the same.
    if (written !== serialisedWithinStack(value)) replacements.push({ start, end, text: written });
  }
  return replacements;
}

/** `JSON.stringify(value)`, or undefined for a value nested too deep for it (it throws a RangeError); the walk cut such a value at MAX_DEPTH, so it changed. */
function serialisedWithinStack(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Joins decoded texts into one scan; a NUL between them, which no rule lets a match cross. */
const RUN_SEPARATOR = '\n\0\n';

/**
 * Each run's decoded text redacted (all in one joined text), and written back escaped again where
 * it changed; or the marker the joined text went as when it was withheld whole.
 */
async function redactedRuns(
  runs: readonly EscapedStringRun[],
  depth: number,
): Promise<Replacement[] | string> {
  if (runs.length === 0) return [];
  // A NUL would break the join; no secret holds one, so U+FFFD (which none holds either) stands in.
  const decoded = runs.map((run) => run.decoded.split('\0').join('\uFFFD'));
  const joined = await redactText(decoded.join(RUN_SEPARATOR), depth + 1);
  const redacted = joined.split(RUN_SEPARATOR);
  // The decoded texts withheld whole (too many secrets, or not checked): this text goes the same way.
  if (redacted.length !== runs.length) return redacted.length === 1 ? joined : NOT_SCANNED_MARKER;
  return runs.flatMap(({ start, end }, index) => {
    const after = redacted[index];
    return after === undefined || after === decoded[index]
      ? []
      : [{ start, end, text: JSON.stringify(after).slice(1, -1) }];
  });
}

/** The spans of `inner` that overlap none of `outer`; both in order, `outer` apart (linear). */
function outside<Span extends { start: number; end: number }>(
  inner: readonly Span[],
  outer: readonly { start: number; end: number }[],
): Span[] {
  let next = 0;
  return inner.filter((span) => {
    while ((outer[next]?.end ?? Infinity) <= span.start) next += 1;
    const around = outer[next];
    return around === undefined || span.end <= around.start;
  });
}

/** `text` with each replacement's span replaced by its text; replacements are in order and apart. */
function replaceSpans(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (const { start, end, text: replaced } of replacements) {
    parts.push(text.slice(cursor, start), replaced);
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * A file's content as `redactBundle` (the repair prompt) shows it, by the detection the secrets
 * gate uses (`findFileSecrets`): scanned by its path, joined quoted pieces included; a JSON or
 * YAML file whose secret shows only once its strings are decoded or read together goes as
 * markers alone.
 */
async function redactFile(file: { path: string; content: string }): Promise<string> {
  const found = await findFileSecrets(file);
  if (found.hidden.length === 0) return found.redacted;
  return [...new Set(found.hidden.map(({ slug }) => `[REDACTED:${slug}]`))].join('\n');
}
