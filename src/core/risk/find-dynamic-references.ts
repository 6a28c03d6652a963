import { isPlainObject } from '../cfn/is-plain-object.js';
import { subParts } from '../cfn/template-references.js';
import { DYNAMIC_REFERENCE, MAYBE_DYNAMIC_REFERENCE } from './dynamic-reference-syntax.js';

/**
 * Stands for a part of an `Fn::Join` or `Fn::Sub` only known at deploy time (a `Ref`, an import…):
 * a private-use character no template needs; one written in a template only makes more texts read
 * as built (failing closed).
 */
const COMPUTED = '\uE000';

/**
 * A reference whose opening braces, `resolve:` or service come from a computed part: `{{` then a
 * parameter, a parameter then `resolve:`, or `{{resolve:` then a parameter. CloudFormation evaluates
 * `Fn::Join` and `Fn::Sub` before it resolves dynamic references (the User Guide's examples build
 * them with `Fn::Sub`), so such a text may become any reference.
 */
const BUILT = /\{\uE000|\uE000\{|\uE000\s*resolve|\{\{[^}]*\uE000/i;

/** One dynamic reference found in a template value. */
export interface DynamicReference {
  /** Dotted location below where the search started (`Value`, `Tags[0].Value`); intrinsic keys (`Fn::Sub`) add nothing. */
  readonly at: string;
  /** `secretsmanager`, `ssm-secure` or `ssm`; `built` when the text is assembled from computed parts. */
  readonly kind: 'secretsmanager' | 'ssm-secure' | 'ssm' | 'built';
  /** The secret or parameter name as written; `…` stands for each computed part; empty for `built`. */
  readonly name: string;
  /** Whether the name is fully written (no computed part), so it can be matched against the template's own parameters. */
  readonly literal: boolean;
}

/**
 * Every dynamic reference in `value` (any depth), at `at`: those written in a text, and those an
 * `Fn::Join` or `Fn::Sub` assembles from literal pieces (`['{{resolve:', 'secretsmanager:x}}']`)
 * or from computed ones (`BUILT`). Each distinct reference is listed once per location; a text
 * too large to assemble (`MAX_RENDER_STEPS`, `MAX_RENDER_LENGTH`) counts as a built reference,
 * failing closed; pass one `budget` to every search of a template to bound the whole. Pure; never
 * throws.
 */
export function findDynamicReferences(
  value: unknown,
  at: string,
  budget: RenderBudget = renderBudget(),
): DynamicReference[] {
  const found = new Map<string, DynamicReference>();
  const add = (reference: DynamicReference): void => {
    found.set(`${reference.at}\u0001${reference.kind}\u0001${reference.name}`, reference);
  };
  const visit = (item: unknown, location: string): void => {
    if (typeof item === 'string') return referencesInText(item, location).forEach(add);
    if (Array.isArray(item)) return item.forEach((entry, index) => visit(entry, `${location}[${index}]`));
    if (!isPlainObject(item)) return;
    const pieces = textPieces(item);
    if (pieces !== undefined) {
      // The text the intrinsic makes holds its literal pieces; what it computes is looked into.
      const text = render(item, budget);
      if (budget.exhausted) add({ at: location, kind: 'built', name: '', literal: false });
      else referencesInText(text, location).forEach(add);
      return pieces.forEach((piece) => visit(piece, location));
    }
    for (const [key, child] of Object.entries(item))
      visit(child, key === 'Ref' || key.startsWith('Fn::') ? location : join(location, key));
  };
  visit(value, at);
  return [...found.values()];
}

/**
 * The references a text holds (`DYNAMIC_REFERENCE`: `{{resolve:secretsmanager:…}}`,
 * `{{resolve:ssm-secure:…}}`, `{{resolve:ssm:…}}`, in any case and spacing), plus one `built`
 * when, those set aside, something still may be a reference (`MAYBE_DYNAMIC_REFERENCE`: another
 * service, a spelling not read) or is assembled from computed parts (`BUILT`).
 */
function referencesInText(text: string, at: string): DynamicReference[] {
  const written = [...text.matchAll(DYNAMIC_REFERENCE)].map((match): DynamicReference => {
    const name = match[2] ?? '';
    return {
      at,
      kind: (match[1] ?? '').toLowerCase() as 'secretsmanager' | 'ssm-secure' | 'ssm',
      name: name.replaceAll(COMPUTED, '…'),
      literal: !name.includes(COMPUTED),
    };
  });
  const rest = text.replace(DYNAMIC_REFERENCE, '');
  if (written.length > 0 && !MAYBE_DYNAMIC_REFERENCE.test(rest)) return written;
  return BUILT.test(text) || MAYBE_DYNAMIC_REFERENCE.test(rest)
    ? [...written, { at, kind: 'built', name: '', literal: false }]
    : written;
}

/**
 * For a well-formed `Fn::Join` or `Fn::Sub`, the parts of it that are not literal text (`render`
 * reads those): a Join's computed items, a Sub's variables; undefined for any other value.
 */
function textPieces(value: Record<string, unknown>): unknown[] | undefined {
  if (Object.keys(value).length !== 1) return undefined;
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1]))
    return (join[1] as unknown[]).filter((item) => typeof item !== 'string');
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') return [];
  if (Array.isArray(sub) && typeof sub[0] === 'string')
    return isPlainObject(sub[1]) ? Object.values(sub[1]) : sub.slice(1);
  return undefined;
}

/**
 * How much rendering the searches of one template may do (steps, each call and each 64 characters
 * made), and how long one text may be: a Sub variable may be used many times, each a Sub using
 * another many times, so the text could double per level. Past either bound the text is not known.
 */
const MAX_RENDER_STEPS = 1_000_000;
const MAX_RENDER_LENGTH = 65_536;

/** What is left of the rendering a search may do; shared by the searches of one template. */
export interface RenderBudget {
  steps: number;
  exhausted: boolean;
  /** Texts already made, by intrinsic: a Sub variable used many times is rendered once. */
  readonly made: WeakMap<object, string>;
}

export function renderBudget(): RenderBudget {
  return { steps: MAX_RENDER_STEPS, exhausted: false, made: new WeakMap() };
}

/**
 * The text an `Fn::Join`/`Fn::Sub` makes, each part only known at deploy time written as
 * `COMPUTED`; once `budget` is spent, `COMPUTED` and `budget.exhausted` set.
 */
function render(value: unknown, budget: RenderBudget): string {
  budget.steps -= 1;
  if (budget.steps < 0) budget.exhausted = true;
  if (budget.exhausted) return COMPUTED;
  if (!isPlainObject(value)) return typeof value === 'string' ? value : renderOnce(value, budget);
  const known = budget.made.get(value) ?? renderOnce(value, budget);
  budget.made.set(value, known);
  // Each 64 characters made cost a step, so the whole template's text is bounded too.
  budget.steps -= Math.floor(known.length / 64);
  if (budget.steps < 0) budget.exhausted = true;
  return budget.exhausted ? COMPUTED : known;
}

function renderOnce(value: unknown, budget: RenderBudget): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return COMPUTED;
  const join = value['Fn::Join'];
  if (Array.isArray(join)) {
    const [separator, items] = join as unknown[];
    if (typeof separator !== 'string' || !Array.isArray(items)) return COMPUTED;
    return concatenate(
      items.flatMap((item: unknown, index) => [index === 0 ? '' : separator, render(item, budget)]),
      budget,
    );
  }
  // Read as the value reader reads it (`subParts`): a variable of the map is rendered, any other placeholder computed.
  const sub = subParts(value['Fn::Sub']);
  if (sub === undefined) return COMPUTED;
  const parts: string[] = [];
  for (const part of sub.parts) {
    parts.push('literal' in part ? part.literal : 'variable' in part ? render(part.value, budget) : COMPUTED);
    if (budget.exhausted) return COMPUTED;
  }
  return concatenate(parts, budget);
}

/** The parts glued, or `COMPUTED` with the budget spent when the text would pass `MAX_RENDER_LENGTH`. */
function concatenate(parts: readonly string[], budget: RenderBudget): string {
  let length = 0;
  for (const part of parts) {
    length += part.length;
    if (length > MAX_RENDER_LENGTH) {
      budget.exhausted = true;
      return COMPUTED;
    }
  }
  return parts.join('');
}

function join(location: string, key: string): string {
  return location === '' ? key : `${location}.${key}`;
}
