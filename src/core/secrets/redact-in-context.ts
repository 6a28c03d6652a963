import { lastIndexAtOrBefore } from './last-index-at-or-before.js';
import { literalIntrinsicContexts } from './literal-intrinsic-contexts.js';
import type { Context, Piece } from './read-together-context.js';
import { replaceSecretSpans, type SecretSpan } from './replace-matches.js';
import { scanSecrets } from './scan-secrets.js';
import { TOO_MANY_SECRETS_MARKER } from './secret-markers.js';

/** Field names (lower case) of a name/value record: a stack's outputs and parameters, tags, environment variables. */
const NAME_FIELDS = ['outputkey', 'parameterkey', 'name', 'key'];
const VALUE_FIELDS = ['outputvalue', 'parametervalue', 'value'];

/** Joins contexts into one scan; a NUL, which no rule lets a match cross, keeps them apart. */
const SEPARATOR = '\n\0\n';

/**
 * `values` (JSON values, each walked from `depth` down to `maxDepth`) with every secret that shows
 * only when strings are read together replaced by its marker, in the strings that hold it; the shape
 * is kept. Together means:
 * - a key and its string value, read as `"key": "value"`, so a rule that needs a name beside the
 *   value matches (`{ "SecretAccessKey": "…" }`, `{ aws_secret_access_key: … }`), however short the key;
 * - a name/value record's name and value (`{ "OutputKey": "SecretAccessKey", "OutputValue": "…" }`,
 *   CloudFormation's outputs and parameters, tags, an environment variable `{ name, value }`);
 * - adjacent strings of an array, one a line (a PEM key written as a list of lines for `Fn::Join`)
 *   and with nothing between them (a token in halves, `!Join ['', [...]]`): every string the
 *   secret spans is redacted;
 * - the strings CloudFormation assembles from literals (`literalIntrinsicContexts`: `Fn::Join`,
 *   `Fn::Select`, `Fn::Split`, `Fn::If`, `Fn::FindInMap`, `Fn::Sub`, `Fn::Base64` read decoded,
 *   `Ref` to a parameter's `Default`, nested, each as every value it may have), every string they
 *   are made of redacted; a value whose evaluation passed its bound has all its strings withheld
 *   as TOO_MANY_SECRETS_MARKER.
 * A file-shaped object's `content` is left to its file scan. All contexts of all values are
 * scanned in one joined scan; when it overflows (more than the scanner lists of a kind) it is split
 * until it does not, and a single context that still overflows has its strings withheld whole as
 * TOO_MANY_SECRETS_MARKER. Strings scanned alone are the caller's to redact. Throws when the
 * scanner fails.
 */
export async function redactInContext(
  values: readonly unknown[],
  bounds: { readonly depth: number; readonly maxDepth: number },
): Promise<unknown[]> {
  const slots: string[] = [];
  const contexts: Context[] = [];
  const childSlots = new Map<object, Map<string | number, number>>();
  const keySlots = new Map<object, Map<string | number, number>>();
  const walk: Walk = { maxDepth: bounds.maxDepth, slots, contexts, childSlots, keySlots };
  for (const value of values) collect(value, bounds.depth, walk);
  const evaluated = literalIntrinsicContexts(
    values,
    slots,
    (container, key) => childSlots.get(container)?.get(key),
    bounds,
    (container, key) => keySlots.get(container)?.get(key),
  );
  contexts.push(...evaluated.contexts);
  if (contexts.length === 0 && !evaluated.exhausted) return [...values];
  const redacted = evaluated.exhausted
    ? slots.map(() => TOO_MANY_SECRETS_MARKER)
    : await redactedSlots(slots, contexts);
  if (redacted.every((text, index) => text === slots[index])) return [...values];
  let next = 0;
  const take = (): string => redacted[next++] ?? TOO_MANY_SECRETS_MARKER;
  return values.map((value) => rebuild(value, bounds.depth, bounds.maxDepth, take));
}

/** What `collect` fills: the strings in walk order, their contexts, and each container's string children's slots. */
interface Walk {
  readonly maxDepth: number;
  readonly slots: string[];
  readonly contexts: Context[];
  readonly childSlots: Map<object, Map<string | number, number>>;
  /** Each object's keys' slots. */
  readonly keySlots: Map<object, Map<string | number, number>>;
}

/** Adds `value`'s strings (and keys) to `slots` in walk order and its contexts to `contexts`; returns a string's slot. */
function collect(value: unknown, depth: number, walk: Walk): number | undefined {
  const { maxDepth, slots, contexts } = walk;
  if (depth > maxDepth) return undefined;
  if (typeof value === 'string') {
    slots.push(value);
    return slots.length - 1;
  }
  if (Array.isArray(value)) {
    let run: Piece[] = [];
    const children = new Map<string | number, number>();
    walk.childSlots.set(value, children);
    for (const [index, item] of value.entries()) {
      const slot = collect(item, depth + 1, walk);
      if (slot !== undefined) children.set(index, slot);
      if (slot !== undefined) run.push({ slot, offset: 0, length: 0 });
      else run = flushRun(run, slots, contexts);
    }
    flushRun(run, slots, contexts);
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const isFile = typeof record.path === 'string' && typeof record.content === 'string';
  const byField = new Map<string, number>();
  const children = new Map<string | number, number>();
  walk.childSlots.set(record, children);
  const keys = new Map<string | number, number>();
  walk.keySlots.set(record, keys);
  for (const [key, item] of Object.entries(record)) {
    slots.push(key);
    const keySlot = slots.length - 1;
    keys.set(key, keySlot);
    const valueSlot = collect(item, depth + 1, walk);
    if (valueSlot !== undefined) children.set(key, valueSlot);
    if (valueSlot === undefined || (isFile && key === 'content')) continue;
    contexts.push(pairContext(slots, keySlot, valueSlot));
    byField.set(key.toLowerCase(), valueSlot);
  }
  const nameSlot = firstOf(byField, NAME_FIELDS);
  const valueSlot = firstOf(byField, VALUE_FIELDS);
  if (nameSlot !== undefined && valueSlot !== undefined)
    contexts.push(pairContext(slots, nameSlot, valueSlot));
  return undefined;
}

function firstOf(byField: ReadonlyMap<string, number>, fields: readonly string[]): number | undefined {
  for (const field of fields) {
    const slot = byField.get(field);
    if (slot !== undefined) return slot;
  }
  return undefined;
}

/** `"name": "value"`, as JSON and YAML write a pair and as the scanner's name-then-value rules read it. */
function pairContext(slots: readonly string[], nameSlot: number, valueSlot: number): Context {
  const name = slots[nameSlot] ?? '';
  const value = slots[valueSlot] ?? '';
  const before = `"${name}": "`;
  return {
    text: `${before}${value}"`,
    pieces: [
      { slot: nameSlot, offset: 1, length: name.length },
      { slot: valueSlot, offset: before.length, length: value.length },
    ],
  };
}

/**
 * How an array's adjacent strings are read together: one a line (a PEM key written a line an
 * item) and with nothing between them (`!Join ['', [...]]`: a token in halves).
 */
const RUN_DELIMITERS = ['\n', ''];

/** Adds a run of two or more adjacent strings as contexts, one per delimiter; returns an empty run. */
function flushRun(run: readonly Piece[], slots: readonly string[], contexts: Context[]): Piece[] {
  if (run.length < 2) return [];
  for (const delimiter of RUN_DELIMITERS) {
    const pieces: Piece[] = [];
    let offset = 0;
    for (const { slot } of run) {
      const length = slots[slot]?.length ?? 0;
      pieces.push({ slot, offset, length });
      offset += length + delimiter.length;
    }
    contexts.push({ text: run.map(({ slot }) => slots[slot] ?? '').join(delimiter), pieces });
  }
  return [];
}

/** Each slot with the secrets found in its contexts replaced (TOO_MANY_SECRETS_MARKER whole for an overflowing context's). */
async function redactedSlots(slots: readonly string[], contexts: readonly Context[]): Promise<string[]> {
  const spans = new Map<number, SecretSpan[]>();
  const withheld = new Set<number>();
  await scanContexts(contexts, spans, withheld);
  return slots.map((text, slot) => {
    if (withheld.has(slot)) return TOO_MANY_SECRETS_MARKER;
    const found = spans.get(slot);
    return found === undefined ? text : replaceSecretSpans(text, found);
  });
}

/**
 * Scans `contexts` joined, adding each secret's spans to the slots it covers; halves an overflowing
 * batch (at most log2(n) levels), and withholds the slots of a single context that overflows.
 */
async function scanContexts(
  contexts: readonly Context[],
  spans: Map<number, SecretSpan[]>,
  withheld: Set<number>,
): Promise<void> {
  const starts: number[] = [];
  let offset = 0;
  for (const { text } of contexts) {
    starts.push(offset);
    offset += text.length + SEPARATOR.length;
  }
  // A NUL in a string would break the join; no secret holds one, so U+FFFD (same length) stands in.
  const joined = contexts.map(({ text }) => text.split('\0').join('\uFFFD')).join(SEPARATOR);
  const matches = await scanSecrets({ text: joined });
  if (matches.some((match) => match.overflow)) {
    if (contexts.length === 1) {
      for (const { slot } of contexts[0]?.pieces ?? []) withheld.add(slot);
      return;
    }
    const half = Math.ceil(contexts.length / 2);
    await scanContexts(contexts.slice(0, half), spans, withheld);
    await scanContexts(contexts.slice(half), spans, withheld);
    return;
  }
  for (const match of matches) {
    for (const range of match.occurrences) {
      const index = lastIndexAtOrBefore(starts, range[0]);
      const context = contexts[index];
      if (context === undefined) continue;
      const start = range[0] - (starts[index] ?? 0);
      addSpans(context, [start, start + range[1] - range[0]], match.kind.slug, spans);
    }
  }
}

/** Adds the part of `range` (in the context's text) each piece holds to that piece's slot. */
function addSpans(
  context: Context,
  range: readonly [number, number],
  slug: string,
  spans: Map<number, SecretSpan[]>,
): void {
  const offsets = context.pieces.map((piece) => piece.offset);
  for (let index = lastIndexAtOrBefore(offsets, range[0]); index < context.pieces.length; index += 1) {
    const piece = context.pieces[index];
    if (piece === undefined || piece.offset >= range[1]) break;
    const from = piece.from ?? 0;
    const start = Math.max(range[0], piece.offset) - piece.offset + from;
    const end = Math.min(range[1], piece.offset + piece.length) - piece.offset + from;
    if (end <= start) continue;
    const list = spans.get(piece.slot) ?? [];
    list.push({ range: [start, end], slug });
    spans.set(piece.slot, list);
  }
}

/** `value` with each string and key (as `collect` listed them) replaced by `take()`. */
function rebuild(value: unknown, depth: number, maxDepth: number, take: () => string): unknown {
  if (depth > maxDepth) return value;
  if (typeof value === 'string') return take();
  if (Array.isArray(value)) return value.map((item) => rebuild(item, depth + 1, maxDepth, take));
  if (value === null || typeof value !== 'object') return value;
  const entries: [string, unknown][] = [];
  for (const item of Object.values(value as Record<string, unknown>)) {
    // The key comes first, as `collect` listed it.
    const shownKey = take();
    entries.push([shownKey, rebuild(item, depth + 1, maxDepth, take)]);
  }
  return Object.fromEntries(entries);
}
