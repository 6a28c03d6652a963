import type { Context, Piece } from './read-together-context.js';

/** Where each string child of an array or object was put (`collect` in `redactInContext`): its slot. */
export type SlotOf = (container: object, key: string | number) => number | undefined;

/** The contexts CloudFormation's evaluation of literal intrinsics makes, or that the evaluation ran out of work. */
export interface LiteralIntrinsicContexts {
  readonly contexts: Context[];
  /** True when the evaluated texts passed their bound: the caller must withhold the value (fail closed). */
  readonly exhausted: boolean;
}

/**
 * Characters the evaluated texts may hold in all, per character of the value's strings, past a
 * floor. Each literal is used once by a template that does not repeat itself; nesting (a join of
 * a join…), a parameter used many times and the branches of `Fn::If` multiply it, and only a text
 * made to blow up (YAML aliases of aliases) comes near the bound.
 */
const WORK_PER_CHARACTER = 16;
const MIN_WORK = 1 << 20;
/**
 * The values one intrinsic may evaluate to (`Fn::If`'s branches, `Fn::Select` with an unknown
 * index, the combinations of a join's or a substitution's items); past it the evaluation is
 * exhausted (fail closed). With each object evaluated once, the work is at most this times the
 * template's size.
 */
const MAX_CANDIDATES = 64;

/** A `Fn::Sub` variable: `${Name}` (`${!Literal}` is written as is). */
const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;
/** A `Fn::ForEach` identifier in a fragment's key: `${Name}`, or `&{Name}` (the item's alphanumerics). */
const KEY_VARIABLE = /([$&])\{([A-Za-z0-9]+)\}/g;
/** Parameter types whose `Default` is a comma-separated list. */
const LIST_PARAMETER = /^(CommaDelimitedList|List<)/;

/** A value CloudFormation knows before the stack runs: its text, and the strings (slots) it is made of. */
interface Literal {
  readonly text: string;
  readonly pieces: readonly Piece[];
}
/** One value an intrinsic may have: a string, a list (each item's candidates), or unknown (`undefined`). */
type Candidate = Literal | readonly Candidates[] | undefined;
/** Every value an intrinsic may have (at least one; at most MAX_CANDIDATES). */
type Candidates = readonly Candidate[];

const UNKNOWN: Candidates = [undefined];

/**
 * The strings CloudFormation assembles from literals before a stack sees them, each as a context
 * whose pieces are the strings it is made of, so a secret split across them is found and every
 * piece redacted. Each intrinsic evaluates to its candidates (every value it may have):
 * - `Fn::Join [delimiter, list]` joins its items (every run of adjacent literal items when some
 *   are not literal), for each combination of its items' candidates;
 * - `Fn::Sub` substitutes its map's variables and the template's parameters' literal `Default`s
 *   (`!Sub ghp_${Rest}`), other variables kept as written;
 * - `Fn::Select [i, list]` takes its item; an index not known (a `Ref` without a default) takes
 *   every item;
 * - `Fn::Split [delimiter, text]` is a list of slices of the text;
 * - `Fn::If [condition, a, b]` is either branch (conditions are not evaluated);
 * - `Fn::FindInMap [Map, Key1, Key2]` reads the template's `Mappings` (an unknown key: every
 *   entry of that level; also its `DefaultValue`);
 * - `Fn::Base64` is read decoded (its input: the stack decodes what it is given);
 * - `Ref` to a parameter is its `Default` (a number's or boolean's text too; a list for
 *   `CommaDelimitedList` and `List<…>`; each document's, when several declare the name);
 * - `Fn::ForEach` (`AWS::LanguageExtensions`) walks its fragment once per item of a literal
 *   collection, its identifier (in `Fn::Sub`, `Ref`, and `${Identifier}` or `&{Identifier}` in the
 *   fragment's keys: `"Bucket${Name}"`, an output's name) that item (`expandForEach`, `fillKeys`);
 * - anything else (`Fn::GetAtt`, `Fn::ImportValue`, `Fn::GetAZs`, …) is unknown.
 * Nested intrinsics are evaluated inside out (each object once); `depth` counts down to
 * `maxDepth` as `redactInContext`'s walk does. `values` are the documents (a template's
 * `Parameters` and `Mappings` are read at its top). Pure; bounded by the characters built
 * (WORK_PER_CHARACTER) and the candidates per intrinsic (MAX_CANDIDATES): past either,
 * `exhausted`. AWS CloudFormation User Guide, "Intrinsic function reference".
 */
export function literalIntrinsicContexts(
  values: readonly unknown[],
  slots: readonly string[],
  slotOf: SlotOf,
  bounds: { readonly depth: number; readonly maxDepth: number },
  /** Where each key of an object was put (`collect` lists keys as strings too): a fragment's keys are filled in. */
  keySlotOf: SlotOf = () => undefined,
): LiteralIntrinsicContexts {
  const parameters = new Map<string, ParameterDefault[]>();
  const mappings = new Map<string, Record<string, unknown>>();
  for (const value of values) addTemplateNames(value, slotOf, parameters, mappings);
  /** The `Fn::ForEach` identifiers of the fragment being expanded, each bound to one item of its collection. */
  const bindings = new Map<string, Literal>();
  let work = WORK_PER_CHARACTER * slots.reduce((sum, slot) => sum + slot.length, 0) + MIN_WORK;
  const contexts: Context[] = [];
  // Each object is evaluated once per expansion of the `Fn::ForEach` fragments around it.
  let memo = new Map<object, Candidates>();

  const exhaust = (): Candidates => {
    work = -1;
    return UNKNOWN;
  };
  /** `candidates` without repeats (a YAML alias gives both branches the same value), within MAX_CANDIDATES. */
  const capped = (candidates: Candidates): Candidates => {
    const distinct = [...new Set(candidates)];
    if (distinct.length > MAX_CANDIDATES) return exhaust();
    return distinct.length === 0 ? UNKNOWN : distinct;
  };
  const literalString = (slot: number | undefined): Literal | undefined => {
    const text = slot === undefined ? undefined : slots[slot];
    if (slot === undefined || text === undefined) return undefined;
    return { text, pieces: [{ slot, offset: 0, length: text.length }] };
  };
  const built = (parts: readonly (Literal | string)[]): Literal => {
    const pieces: Piece[] = [];
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') text += part;
      else {
        for (const piece of part.pieces) pieces.push({ ...piece, offset: piece.offset + text.length });
        text += part.text;
      }
    }
    work -= text.length;
    return { text, pieces };
  };
  const emit = (literal: Literal): void => {
    const [first] = literal.pieces;
    const whole =
      literal.pieces.length === 1 &&
      first !== undefined &&
      first.from === undefined &&
      first.length === literal.text.length;
    if (!whole && literal.pieces.length > 0 && work >= 0) contexts.push(literal);
  };
  /** A `Fn::ForEach` identifier's item, else every `Default` a document declares for the parameter. */
  const parameter = (name: string): Candidates => {
    const bound = bindings.get(name);
    if (bound !== undefined) return [bound];
    const declared = parameters.get(name) ?? [];
    return declared.length === 0 ? UNKNOWN : declared.map(parameterDefault);
  };
  const parameterDefault = (declared: ParameterDefault): Candidate => {
    const literal =
      declared.number === undefined ? literalString(declared.slot) : { text: declared.number, pieces: [] };
    if (literal === undefined || !declared.list) return literal;
    return splitLiteral(literal, ',').map((item): Candidates => [item]);
  };
  const node = (container: object, key: string | number, depth: number): Candidates => {
    const item: unknown = (container as Record<string | number, unknown>)[key];
    if (typeof item === 'string') return [literalString(slotOf(container, key))];
    if (typeof item === 'number' || typeof item === 'boolean') return [{ text: String(item), pieces: [] }];
    if (Array.isArray(item)) return [item.map((_item, index) => node(item, index, depth + 1))];
    if (item === null || typeof item !== 'object') return UNKNOWN;
    return intrinsic(item, depth + 1);
  };
  const intrinsic = (value: object, depth: number): Candidates => {
    if (depth > bounds.maxDepth || work < 0) return UNKNOWN;
    const known = memo.get(value);
    if (known !== undefined) return known;
    memo.set(value, UNKNOWN);
    const keys = Object.keys(value);
    const name = keys.length === 1 ? keys[0] : undefined;
    const argument: unknown = name === undefined ? undefined : (value as Record<string, unknown>)[name];
    const args = Array.isArray(argument) ? argument : undefined;
    let result = UNKNOWN;
    if (name === 'Ref' && typeof argument === 'string') result = parameter(argument);
    else if (name === 'Fn::Sub') result = sub(value, argument, depth + 1);
    else if (name === 'Fn::Base64') result = node(value, name, depth);
    else if (args !== undefined && name !== undefined) result = withList(name, args, depth + 1);
    result = capped(result);
    for (const candidate of result) if (isLiteral(candidate)) emit(candidate);
    memo.set(value, result);
    return result;
  };
  const withList = (name: string, args: readonly unknown[], depth: number): Candidates => {
    if (name === 'Fn::Select' && args.length === 2) return select(args, depth);
    if (name === 'Fn::Join' && args.length === 2) return join(args, depth);
    if (name === 'Fn::Split' && args.length === 2) return split(args, depth);
    if (name === 'Fn::If' && args.length === 3) return [...node(args, 1, depth), ...node(args, 2, depth)];
    if (name === 'Fn::FindInMap' && (args.length === 3 || args.length === 4)) return findInMap(args, depth);
    return UNKNOWN;
  };
  const select = (args: readonly unknown[], depth: number): Candidates => {
    const result: Candidate[] = [];
    for (const list of node(args, 1, depth)) {
      if (!Array.isArray(list)) {
        result.push(undefined);
        continue;
      }
      for (const index of node(args, 0, depth)) {
        const text = isLiteral(index) ? index.text : undefined;
        if (text === undefined || !/^\d{1,6}$/.test(text)) result.push(...list.flat());
        else result.push(...(list[Number(text)] ?? UNKNOWN));
        if (result.length > MAX_CANDIDATES) return exhaust();
      }
    }
    return result;
  };
  const join = (args: readonly unknown[], depth: number): Candidates => {
    const result: Candidate[] = [];
    for (const delimiter of node(args, 0, depth)) {
      for (const list of node(args, 1, depth)) {
        if (!isLiteral(delimiter) || !Array.isArray(list)) {
          result.push(undefined);
          continue;
        }
        const combinations = combine(list as readonly Candidates[]);
        if (combinations === undefined) return exhaust();
        for (const items of combinations) result.push(joinItems(delimiter, items));
        if (result.length > MAX_CANDIDATES) return exhaust();
      }
    }
    return result;
  };
  /** The join of one combination of items; when some are not literal, emits each run of two or more. */
  const joinItems = (delimiter: Literal, items: readonly Candidate[]): Candidate => {
    const runs: Literal[][] = [[]];
    for (const item of items) {
      if (!isLiteral(item)) runs.push([]);
      else runs.at(-1)?.push(item);
    }
    const joined = runs.map((run) =>
      built(run.flatMap((item, index) => (index === 0 ? [item] : [delimiter, item]))),
    );
    if (runs.length === 1) return joined[0];
    for (const [index, run] of runs.entries()) if (run.length > 1) emit(joined[index] ?? built([]));
    return undefined;
  };
  const split = (args: readonly unknown[], depth: number): Candidates => {
    const result: Candidate[] = [];
    for (const delimiter of node(args, 0, depth))
      for (const source of node(args, 1, depth)) {
        if (!isLiteral(delimiter) || !isLiteral(source) || delimiter.text === '') result.push(undefined);
        else result.push(splitLiteral(source, delimiter.text).map((item): Candidates => [item]));
      }
    return result;
  };
  /** A literal's slices between `delimiter`s, each piece cut to its slice (work: the text's length). */
  const splitLiteral = (source: Literal, delimiter: string): Literal[] => {
    work -= source.text.length;
    const items: Literal[] = [];
    let start = 0;
    for (;;) {
      const end = source.text.indexOf(delimiter, start);
      items.push(slice(source, start, end === -1 ? source.text.length : end));
      if (end === -1) return items;
      start = end + delimiter.length;
    }
  };
  const findInMap = (args: readonly unknown[], depth: number): Candidates => {
    const result: Candidate[] = args.length === 4 ? [...defaultValue(args[3], depth)] : [];
    for (const mapName of node(args, 0, depth)) {
      const map = isLiteral(mapName) ? mappings.get(mapName.text) : undefined;
      if (map === undefined) result.push(undefined);
      else
        for (const [topLevel, topKey] of entriesOf(map, node(args, 1, depth)))
          for (const [secondLevel, secondKey] of entriesOf(topLevel[topKey], node(args, 2, depth)))
            result.push(...node(secondLevel, secondKey, depth));
      if (result.length > MAX_CANDIDATES) return exhaust();
    }
    return result;
  };
  const defaultValue = (option: unknown, depth: number): Candidates =>
    option !== null && typeof option === 'object' && Object.hasOwn(option, 'DefaultValue')
      ? node(option, 'DefaultValue', depth)
      : UNKNOWN;
  const sub = (container: object, argument: unknown, depth: number): Candidates => {
    const [template, templateSlot, map] = Array.isArray(argument)
      ? [argument[0], slotOf(argument, 0), argument[1]]
      : [argument, slotOf(container, 'Fn::Sub'), undefined];
    if (typeof template !== 'string' || templateSlot === undefined) return UNKNOWN;
    const variables = map !== null && typeof map === 'object' && !Array.isArray(map) ? map : undefined;
    const found = [...template.matchAll(SUB_VARIABLE)];
    const combinations = combine(
      found.map((variable) => {
        const name = variable[1]?.trim() ?? '';
        return variables !== undefined && Object.hasOwn(variables, name)
          ? node(variables, name, depth + 1)
          : parameter(name);
      }),
    );
    if (combinations === undefined) return exhaust();
    return combinations.map((values) => substitute(template, templateSlot, found, values));
  };
  /** `template` with each variable whose value is a literal substituted; emitted (and unknown) when some are not. */
  const substitute = (
    template: string,
    templateSlot: number,
    found: readonly RegExpExecArray[],
    values: readonly Candidate[],
  ): Candidate => {
    const parts: (Literal | string)[] = [];
    let from = 0;
    let resolved = true;
    const addTemplate = (end: number) => {
      if (end > from)
        parts.push({
          text: template.slice(from, end),
          pieces: [{ slot: templateSlot, offset: 0, length: end - from, from }],
        });
    };
    for (const [index, variable] of found.entries()) {
      const value = values[index];
      if (!isLiteral(value)) {
        resolved = false;
        continue;
      }
      addTemplate(variable.index);
      parts.push(value);
      from = variable.index + variable[0].length;
    }
    addTemplate(template.length);
    const literal = built(parts);
    if (resolved) return literal;
    emit(literal);
    return undefined;
  };

  /**
   * `Fn::ForEach::<Name>: [Identifier, Collection, Fragment]` (the `AWS::LanguageExtensions`
   * transform): the fragment walked again once per item of a literal collection (or a list
   * parameter's `Default`), the identifier bound to it (`${Identifier}` in `Fn::Sub`, `Ref`). At
   * most MAX_CANDIDATES items a loop, each object walked costing work: past either, exhausted.
   */
  const expandForEach = (object: object, depth: number): void => {
    for (const [key, loop] of Object.entries(object)) {
      if (!key.startsWith('Fn::ForEach::') || !Array.isArray(loop) || loop.length !== 3) continue;
      const [identifier, , fragment] = loop as unknown[];
      if (typeof identifier !== 'string' || fragment === null || typeof fragment !== 'object') continue;
      const items: Literal[] = [];
      for (const collection of node(loop, 1, depth + 1))
        if (Array.isArray(collection)) items.push(...collection.flat().filter(isLiteral));
      if (items.length > MAX_CANDIDATES) {
        exhaust();
        return;
      }
      for (const item of items) expandWith(identifier, item, fragment, depth + 2);
    }
  };
  const expandWith = (identifier: string, item: Literal, fragment: object, depth: number): void => {
    const [outerMemo, outerItem] = [memo, bindings.get(identifier)];
    memo = new Map();
    bindings.set(identifier, item);
    walk(fragment, depth, bounds.maxDepth, (object, at) => {
      work -= 1 + Object.keys(object).length;
      visit(object, at);
    });
    memo = outerMemo;
    if (outerItem === undefined) bindings.delete(identifier);
    else bindings.set(identifier, outerItem);
  };
  const visit = (object: object, depth: number): void => {
    if (work < 0) return;
    intrinsic(object, depth);
    if (bindings.size > 0) fillKeys(object);
    expandForEach(object, depth);
  };
  /**
   * Each key of `object` (in a `Fn::ForEach` fragment) naming a bound identifier — `${Identifier}`,
   * or `&{Identifier}` (the item without its non-alphanumeric characters, read here only for an
   * item that has none) — with the items filled in, as the transform names the resource or output
   * it makes; beside its string value too (`"key": "value"`), as `redactInContext` pairs them.
   * Work: the texts built.
   */
  const fillKeys = (object: object): void => {
    for (const key of Object.keys(object)) {
      const keySlot = keySlotOf(object, key);
      if (keySlot === undefined || !/[$&]\{/.test(key)) continue;
      const filled = fillKey(key, keySlot);
      if (filled === undefined) continue;
      emit(filled);
      const value = literalString(slotOf(object, key));
      if (value !== undefined) emit(built(['"', filled, '": "', value, '"']));
    }
  };
  const fillKey = (key: string, keySlot: number): Literal | undefined => {
    const parts: (Literal | string)[] = [];
    let from = 0;
    let filled = false;
    for (const variable of key.matchAll(KEY_VARIABLE)) {
      const item = bindings.get(variable[2] ?? '');
      if (item === undefined || (variable[1] === '&' && /[^A-Za-z0-9]/.test(item.text))) continue;
      if (variable.index > from) parts.push(keyPart(key, keySlot, from, variable.index));
      parts.push(item);
      from = variable.index + variable[0].length;
      filled = true;
    }
    if (!filled) return undefined;
    if (key.length > from) parts.push(keyPart(key, keySlot, from, key.length));
    return built(parts);
  };

  for (const value of values) walk(value, bounds.depth, bounds.maxDepth, visit);
  return { contexts, exhausted: work < 0 };
}

/** The characters `start`..`end` of a key, as a piece of its slot. */
function keyPart(key: string, slot: number, start: number, end: number): Literal {
  return { text: key.slice(start, end), pieces: [{ slot, offset: 0, length: end - start, from: start }] };
}

function isLiteral(candidate: Candidate): candidate is Literal {
  return candidate !== undefined && !Array.isArray(candidate);
}

/**
 * Every combination of one candidate of each item (in order), or `undefined` when there would be
 * more than MAX_CANDIDATES (counted before any is built). Work: the count times the items (each
 * combination built once, in place; not copied item by item, which is quadratic in a long list).
 */
function combine(items: readonly Candidates[]): Candidate[][] | undefined {
  let count = 1;
  for (const item of items) {
    count *= item.length;
    if (count > MAX_CANDIDATES) return undefined;
  }
  const combinations: Candidate[][] = [];
  for (let number = 0; number < count; number += 1) {
    const combination: Candidate[] = [];
    let rest = number;
    for (const item of items) {
      combination.push(item[rest % item.length]);
      rest = Math.floor(rest / item.length);
    }
    combinations.push(combination);
  }
  return combinations;
}

/** The characters `start`..`end` of `literal`, each piece cut to them (`from` kept in its slot's terms). */
function slice(literal: Literal, start: number, end: number): Literal {
  const pieces: Piece[] = [];
  for (const piece of literal.pieces) {
    const pieceStart = Math.max(piece.offset, start);
    const pieceEnd = Math.min(piece.offset + piece.length, end);
    if (pieceEnd <= pieceStart) continue;
    pieces.push({
      slot: piece.slot,
      offset: pieceStart - start,
      length: pieceEnd - pieceStart,
      from: (piece.from ?? 0) + pieceStart - piece.offset,
    });
  }
  return { text: literal.text.slice(start, end), pieces };
}

/**
 * The entries of `record` (an object) the keys name: a literal key's own entry, every entry for
 * an unknown key. Each is [the record, the key], for `node` to read.
 */
function entriesOf(record: unknown, keys: Candidates): [Record<string, unknown>, string][] {
  if (!isRecord(record)) return [];
  const entries: [Record<string, unknown>, string][] = [];
  for (const key of keys) {
    if (!isLiteral(key)) for (const name of Object.keys(record)) entries.push([record, name]);
    else if (Object.hasOwn(record, key.text)) entries.push([record, key.text]);
  }
  return entries;
}

/** A parameter's `Default`: a string's slot, or the text of a number or boolean; and whether its type is a list. */
interface ParameterDefault {
  readonly slot?: number;
  readonly number?: string;
  readonly list: boolean;
}

/**
 * Each parameter of a template (`Parameters.<Name>.Default`; every document's, when several
 * declare one name, so each document's own `Default` is among its candidates: a string, or a number or boolean,
 * which CloudFormation takes as its text, `Default: 1234567890`) and each of its `Mappings`.
 */
function addTemplateNames(
  value: unknown,
  slotOf: SlotOf,
  parameters: Map<string, ParameterDefault[]>,
  mappings: Map<string, Record<string, unknown>>,
): void {
  if (!isRecord(value)) return;
  for (const [name, declaration] of Object.entries(isRecord(value.Parameters) ? value.Parameters : {})) {
    if (!isRecord(declaration)) continue;
    const slot = slotOf(declaration, 'Default');
    const list = typeof declaration.Type === 'string' && LIST_PARAMETER.test(declaration.Type.trim());
    const given = declaration.Default;
    const number = typeof given === 'number' || typeof given === 'boolean' ? String(given) : undefined;
    if (slot === undefined && number === undefined) continue;
    const declared = parameters.get(name) ?? [];
    declared.push({
      ...(slot === undefined ? {} : { slot }),
      ...(number === undefined ? {} : { number }),
      list,
    });
    parameters.set(name, declared);
  }
  for (const [name, map] of Object.entries(isRecord(value.Mappings) ? value.Mappings : {}))
    if (isRecord(map) && !mappings.has(name)) mappings.set(name, map);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Calls `visit` on every object of `value` (not arrays), down to `maxDepth`. */
function walk(
  value: unknown,
  depth: number,
  maxDepth: number,
  visit: (object: object, depth: number) => void,
): void {
  if (depth > maxDepth || value === null || typeof value !== 'object') return;
  if (!Array.isArray(value)) visit(value, depth);
  for (const item of Object.values(value as Record<string, unknown>)) walk(item, depth + 1, maxDepth, visit);
}
