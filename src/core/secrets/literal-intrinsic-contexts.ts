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
 * a join…) and a parameter used many times multiply it, and only a text made to blow up (YAML
 * aliases of aliases) comes near the bound.
 */
const WORK_PER_CHARACTER = 16;
const MIN_WORK = 1 << 20;

/** A `Fn::Sub` variable: `${Name}` (`${!Literal}` is written as is). */
const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;

/** A value CloudFormation knows before the stack runs: its text, and the strings (slots) it is made of. */
interface Literal {
  readonly text: string;
  readonly pieces: readonly Piece[];
}

/**
 * The strings CloudFormation assembles from literals before a stack sees them, each as a context
 * whose pieces are the strings it is made of, so a secret split across them is found and every
 * piece redacted:
 * - `Fn::Select [i, [...]]` over a literal list takes its item;
 * - `Fn::Join [delimiter, [...]]` joins its items (every run of adjacent literal items when some
 *   are not literal);
 * - `Fn::Sub` substitutes its map's literal variables and the template's parameters' literal
 *   `Default`s (`!Sub ghp_${Rest}`), other variables kept as written;
 * - `Ref` to a parameter with a literal `Default` is that default.
 * Nested intrinsics are evaluated inside out (each object once); `depth` counts down to
 * `maxDepth` as `redactInContext`'s walk does. `values` are the documents (a template's
 * `Parameters` are read at its top). Pure; the texts built are bounded (WORK_PER_CHARACTER): past
 * it, `exhausted`. AWS CloudFormation User Guide, "Intrinsic function reference".
 */
export function literalIntrinsicContexts(
  values: readonly unknown[],
  slots: readonly string[],
  slotOf: SlotOf,
  bounds: { readonly depth: number; readonly maxDepth: number },
): LiteralIntrinsicContexts {
  const parameters = new Map<string, number>();
  for (const value of values) addParameterDefaults(value, slotOf, parameters);
  let work = WORK_PER_CHARACTER * slots.reduce((sum, slot) => sum + slot.length, 0) + MIN_WORK;
  const contexts: Context[] = [];
  const memo = new Map<object, Literal | undefined>();

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
  const child = (container: object, key: string | number, depth: number): Literal | undefined => {
    const item: unknown = (container as Record<string | number, unknown>)[key];
    if (typeof item === 'string') return literalString(slotOf(container, key));
    if (typeof item === 'number') return { text: String(item), pieces: [] };
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    return intrinsic(item, depth + 1);
  };
  const intrinsic = (value: object, depth: number): Literal | undefined => {
    if (depth > bounds.maxDepth || work < 0) return undefined;
    if (memo.has(value)) return memo.get(value);
    memo.set(value, undefined);
    const keys = Object.keys(value);
    const name = keys.length === 1 ? keys[0] : undefined;
    const argument: unknown = name === undefined ? undefined : (value as Record<string, unknown>)[name];
    let result: Literal | undefined;
    if (name === 'Ref' && typeof argument === 'string') result = literalString(parameters.get(argument));
    else if (name === 'Fn::Select') result = select(argument, depth + 1);
    else if (name === 'Fn::Join') result = join(argument, depth + 1);
    else if (name === 'Fn::Sub') result = sub(value, argument, depth + 1);
    if (result !== undefined) emit(result);
    memo.set(value, result);
    return result;
  };
  const select = (argument: unknown, depth: number): Literal | undefined => {
    if (!Array.isArray(argument) || argument.length !== 2) return undefined;
    const index = child(argument, 0, depth)?.text;
    const list: unknown = argument[1];
    if (index === undefined || !/^\d{1,6}$/.test(index) || !Array.isArray(list)) return undefined;
    return Number(index) < list.length ? child(list, Number(index), depth + 1) : undefined;
  };
  const join = (argument: unknown, depth: number): Literal | undefined => {
    if (!Array.isArray(argument) || argument.length !== 2) return undefined;
    const delimiter = child(argument, 0, depth);
    const list: unknown = argument[1];
    if (delimiter === undefined || !Array.isArray(list)) return undefined;
    const items = list.map((_item, index) => child(list, index, depth + 1));
    const runs: Literal[][] = [[]];
    for (const item of items) {
      if (item === undefined) runs.push([]);
      else runs.at(-1)?.push(item);
    }
    const joined = runs.map((run) =>
      built(run.flatMap((item, index) => (index === 0 ? [item] : [delimiter, item]))),
    );
    if (runs.length === 1) return joined[0];
    for (const [index, run] of runs.entries()) if ((run.length ?? 0) > 1) emit(joined[index] ?? built([]));
    return undefined;
  };
  const sub = (container: object, argument: unknown, depth: number): Literal | undefined => {
    const [template, templateSlot, map] = Array.isArray(argument)
      ? [argument[0], slotOf(argument, 0), argument[1]]
      : [argument, slotOf(container, 'Fn::Sub'), undefined];
    if (typeof template !== 'string' || templateSlot === undefined) return undefined;
    const variables = map !== null && typeof map === 'object' && !Array.isArray(map) ? map : undefined;
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
    for (const variable of template.matchAll(SUB_VARIABLE)) {
      const name = variable[1]?.trim() ?? '';
      const value =
        variables !== undefined && Object.hasOwn(variables, name)
          ? child(variables, name, depth + 1)
          : literalString(parameters.get(name));
      if (value === undefined) {
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

  for (const value of values)
    walk(value, bounds.depth, bounds.maxDepth, (object, depth) => intrinsic(object, depth));
  return { contexts, exhausted: work < 0 };
}

/** Each parameter of a template (`Parameters.<Name>.Default`, a string) and its default's slot. */
function addParameterDefaults(value: unknown, slotOf: SlotOf, into: Map<string, number>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const parameters = (value as Record<string, unknown>).Parameters;
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) return;
  for (const [name, declaration] of Object.entries(parameters as Record<string, unknown>)) {
    if (declaration === null || typeof declaration !== 'object' || Array.isArray(declaration)) continue;
    const slot = slotOf(declaration, 'Default');
    if (slot !== undefined && !into.has(name)) into.set(name, slot);
  }
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
