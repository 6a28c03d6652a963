import { baseVerb } from '../../../naming/base-verb.js';
import { verbKind } from './verb-kind.js';

/** A story that puts its item into a named state (`mark a ticket in progress`): the route's action and the status it sets. */
export interface MarkedState {
  /** Path segment and action name, `[a-z0-9-]`: `resolve`, `mark-in-progress`. */
  readonly action: string;
  /** The status value, `[a-z0-9_]`: `resolved`, `in_progress`. */
  readonly status: string;
  /** How many of the qualifier words the state used (its connector included). */
  readonly used: number;
}

const MARKING = new Set(['mark', 'flag', 'move', 'set', 'put', 'switch', 'transition', 'label']);
const STATE_CONNECTORS = new Set(['as', 'to', 'into', 'in']);
const NOT_STATE = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'their',
  'its',
  'his',
  'her',
  'your',
  'so',
  'that',
  'when',
  'if',
  'with',
  'for',
  'by',
  'and',
  'or',
]);
const MAX_STATE_WORDS = 3;

/**
 * Reads `mark|flag|move|set … as|to|into|in <state>` from the words after a story's object. A state
 * is words with no article or pronoun (`a warehouse` is a place, not a state). The action is the
 * state's own verb when it has one that is not a CRUD verb (`as resolved` → `resolve`), else
 * `mark-<state>` (`in progress` → `mark-in-progress`, status `in_progress`).
 */
export function markedState(verb: string, qualifiers: readonly string[]): MarkedState | undefined {
  const [connector = ''] = qualifiers;
  if (!MARKING.has(verb) || !STATE_CONNECTORS.has(connector)) return undefined;
  const after = qualifiers.slice(1);
  const end = after.findIndex((word) => NOT_STATE.has(word));
  const state = [...(connector === 'in' ? ['in'] : []), ...(end === -1 ? after : after.slice(0, end))];
  if (state.length === 0 || state.length > MAX_STATE_WORDS || state.some((word) => !/^[a-z]+$/.test(word)))
    return undefined;
  if (state.length === 1 && connector === 'in') return undefined;
  const [only] = state;
  const base = state.length === 1 && only !== undefined ? baseVerb(only) : undefined;
  const used = 1 + (end === -1 ? after.length : end);
  if (base !== undefined && verbKind(base) === 'transition')
    return { action: base, status: only ?? base, used };
  return { action: `mark-${state.join('-')}`, status: state.join('_'), used };
}
