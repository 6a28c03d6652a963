import { isRecord } from '../request/is-record.js';

/** Loops inside loops expanded; AWS allows five levels (AWS CloudFormation User Guide, "Fn::ForEach"). */
const MAX_NESTING = 5;
/** Entries one section may expand to; past it the section is not expanded whole. */
const MAX_ENTRIES = 4096;
/** Values copied, over all the fragments of one section; past it the section is not expanded whole. */
const MAX_WORK = 1 << 20;
/** How deep a fragment is copied; a deeper one is left as written and the section is not whole. */
const MAX_DEPTH = 64;

/** A section of a template (`Resources`, `Outputs`) with its `Fn::ForEach` loops expanded. */
export interface ExpandedSection {
  /** Each entry the section declares as it is, then each its loops make, as `[name, definition]`. */
  readonly entries: readonly (readonly [string, unknown])[];
  /**
   * False when a loop could not be expanded (its collection is no literal list, such as a `Ref` to
   * a list parameter whose value is the stack's; its shape is wrong; a bound passed): what it makes
   * is unknown, and a caller that protects something must fail closed.
   */
  readonly complete: boolean;
}

interface Loop {
  readonly identifier: string;
  readonly items: readonly string[];
  readonly fragment: Record<string, unknown>;
}

/**
 * `section` as CloudFormation's `AWS::LanguageExtensions` transform makes it: each
 * `Fn::ForEach::<Loop>: [Identifier, [Item, …], {Key${Identifier}: Definition}]` entry replaced by
 * one entry per item, the item put for `${Identifier}` and `&{Identifier}` (the item's
 * alphanumerics only) in every key and string of the fragment, and for `{ Ref: Identifier }`;
 * loops in a fragment expanded the same way (MAX_NESTING levels). Loops inside a definition (in a
 * resource's properties) are left as written. Bounded by MAX_ENTRIES entries and MAX_WORK values
 * copied; past either, or for a loop that does not read, `complete` is false (AWS CloudFormation
 * User Guide, "Fn::ForEach"). Pure.
 */
export function expandForEach(section: Record<string, unknown>): ExpandedSection {
  const state = { entries: [] as (readonly [string, unknown])[], complete: true, work: MAX_WORK };
  expandInto(section, 0, state);
  return { entries: state.entries, complete: state.complete };
}

interface ExpandState {
  readonly entries: (readonly [string, unknown])[];
  complete: boolean;
  work: number;
}

function expandInto(section: Record<string, unknown>, nesting: number, state: ExpandState): void {
  for (const [key, value] of Object.entries(section)) {
    if (!key.startsWith('Fn::ForEach::')) {
      if (state.entries.length >= MAX_ENTRIES) state.complete = false;
      else state.entries.push([key, value]);
      continue;
    }
    const loop = forEachLoop(value);
    if (loop === undefined || nesting >= MAX_NESTING) {
      state.complete = false;
      continue;
    }
    for (const item of loop.items) {
      const fragment = substituted(loop.fragment, loop.identifier, item, state, 0);
      if (isRecord(fragment)) expandInto(fragment, nesting + 1, state);
      if (state.work < 0) {
        state.complete = false;
        return;
      }
    }
  }
}

/** `[Identifier, Collection, Fragment]` with a literal collection of strings or numbers; undefined otherwise. */
function forEachLoop(value: unknown): Loop | undefined {
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [identifier, collection, fragment] = value as unknown[];
  if (typeof identifier !== 'string' || !Array.isArray(collection) || !isRecord(fragment)) return undefined;
  const items: string[] = [];
  for (const item of collection as unknown[]) {
    if (typeof item === 'string') items.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') items.push(String(item));
    else return undefined;
  }
  return { identifier, items, fragment };
}

/** `value` copied with `item` put for the identifier (`${Id}`, `&{Id}`, `{ Ref: Id }`); work spent per value. */
function substituted(
  value: unknown,
  identifier: string,
  item: string,
  state: ExpandState,
  depth: number,
): unknown {
  state.work -= 1;
  if (depth > MAX_DEPTH || state.work < 0) {
    state.complete = false;
    return value;
  }
  if (typeof value === 'string') return filled(value, identifier, item);
  if (Array.isArray(value))
    return value.map((inner: unknown) => substituted(inner, identifier, item, state, depth + 1));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && value['Ref'] === identifier) return item;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      filled(key, identifier, item),
      substituted(inner, identifier, item, state, depth + 1),
    ]),
  );
}

function filled(text: string, identifier: string, item: string): string {
  if (!text.includes('{')) return text;
  return text
    .split(`\${${identifier}}`)
    .join(item)
    .split(`&{${identifier}}`)
    .join(item.replace(/[^A-Za-z0-9]/g, ''));
}
