import { baseVerb } from '../../../naming/base-verb.js';
import { participle } from '../../../naming/participle.js';
import { isPlural } from '../../../naming/singular.js';
import { callerField } from './caller-field.js';
import { contentWords, SELF } from './story-words.js';
import { verbKind } from './verb-kind.js';

/**
 * `tickets assigned`, `orders shipped`: a list's object ending in a participle after a plural noun;
 * the verb it is made from (`assign`, `ship`), else undefined.
 */
export function postParticiple(
  phrase: readonly string[],
): { readonly word: string; readonly verb: string } | undefined {
  const content = contentWords(phrase.filter((word) => word !== 's'));
  const [noun, word] = content.slice(-2);
  if (noun === undefined || word === undefined || !isPlural(noun) || phrase.at(-1) !== word) return undefined;
  const verb = baseVerb(word);
  return verb === undefined ? undefined : { word, verb };
}

/**
 * What a list's participle asks (`list tickets assigned to me`): to the caller, only the items whose
 * caller field (`assignee`) names the caller, or, for the verb that makes the items (`orders placed
 * by me`), the caller's own; to someone named (`to an agent`, `to my team`), a filter on that field the
 * caller gives; with neither, the items in that status (`list orders shipped`).
 */
export function doneTo(
  after: { readonly word: string; readonly verb: string },
  qualifiers: {
    /** `to me`, `by me`. */
    readonly toCaller: boolean;
    /** `to an agent`, `to my team`: the words after `to`. */
    readonly doneTo?: readonly string[];
    /** States the list's qualifiers named (`that are open`). */
    readonly states: readonly string[];
    /** A time was named (`orders placed this week`): the participle of the creating verb is no state. */
    readonly timed?: boolean;
  },
): {
  callerFilter?: string;
  filterBy?: string;
  stateFilter?: string;
  ownerIsSelf?: boolean;
  /** `my team`: whose the caller means, which the service does not know. */
  ownGroup?: string;
  unused: string[];
} {
  const creates = verbKind(after.verb) === 'create';
  if (qualifiers.toCaller)
    return creates
      ? { ownerIsSelf: true, unused: [] }
      : { callerFilter: callerField(after.verb), unused: [] };
  if (qualifiers.doneTo !== undefined && !creates) {
    // `to my team`: the service knows no teams; the caller names the team as the field's value.
    const self = qualifiers.doneTo.some((word) => SELF.has(word));
    return {
      filterBy: callerField(after.verb),
      ...(self ? { ownGroup: qualifiers.doneTo.join(' ') } : {}),
      unused: [],
    };
  }
  return {
    ...(qualifiers.states.length === 0 &&
    participle(after.verb) === after.word &&
    !(creates && qualifiers.timed === true)
      ? { stateFilter: after.word }
      : {}),
    unused: qualifiers.doneTo === undefined ? [] : ['to', ...qualifiers.doneTo],
  };
}
