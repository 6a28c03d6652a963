import { plural } from '../../../naming/plural.js';
import { camel } from './camel.js';
import { FILTER_FIELDS } from './named-filter.js';
import { STATUS_WORDS } from './status-words.js';

/** Words before a noun that never make it a compound (`a request`, `my request`, `can request`). */
const NOT_MODIFIERS = new Set([
  ...['a', 'an', 'the', 's', 'my', 'our', 'your', 'their', 'its', 'his', 'her', 'this', 'that'],
  ...['these', 'those', 'each', 'every', 'all', 'any', 'some', 'no', 'new', 'one', 'i', 'we'],
  ...['can', 'may', 'must', 'should', 'will', 'to', 'and', 'or', 'of', 'for', 'by', 'on', 'in'],
  ...['with', 'from', 'as', 'is', 'are', 'be', 'when', 'if', 'api', 'service', 'other', 'own'],
  ...['open', 'urgent', 'recent', 'latest', 'pending', 'active', 'old', 'remaining'],
]);

/** Words a story's verb follows (`I can list`, `to close`). */
const VERB_BEFORE = new Set(['can', 'could', 'may', 'must', 'should', 'will', 'to', 'i', 'we']);

/**
 * `leave request`, `expense claim`: a resource the request always names with the same noun before
 * it is that compound (`leaveRequest`), not its head (`request`), so its routes, tests, messages and
 * events say `leave-requests`. The compound must be in the description or in two stories, at least
 * as often as the head alone, and no other noun may stand before the head (`list high priority tickets` keeps `ticket`). A state
 * (`approved`), a filter (`priority`) or another resource is not a modifier.
 * `heads`: the resources' nouns; `described`: the description's words, sentence by sentence;
 * `stories`: each story's words. Returns head → compound for the heads that are one.
 */
export function compoundNames(params: {
  heads: readonly string[];
  described: readonly (readonly string[])[];
  stories: readonly (readonly string[])[];
}): Map<string, string> {
  const compounds = new Map<string, string>();
  for (const head of params.heads) {
    // `I can list jobs`: a word after a modal or `to` is the story's verb, not a modifier.
    const before = (words: readonly string[]) =>
      words.flatMap((word, index) =>
        (word === head || word === plural(head)) && index > 0 && !VERB_BEFORE.has(words[index - 2] ?? '')
          ? [words[index - 1] ?? '']
          : [],
      );
    const modifiers = [...params.described, ...params.stories]
      .flatMap(before)
      .filter((word) => modifies(word, params.heads));
    const [modifier] = modifiers;
    if (modifier === undefined || modifiers.some((word) => word !== modifier)) continue;
    const inDescription = params.described.some((words) => before(words).includes(modifier));
    const stories = params.stories.filter((words) => before(words).includes(modifier)).length;
    // `a help desk for support tickets` beside `open a ticket`, `each ticket has`: the head alone is its name.
    const bare = [...params.described, ...params.stories].flatMap(before).length - modifiers.length;
    if ((inDescription || stories >= 2) && modifiers.length >= bare)
      compounds.set(head, camel([modifier, head]));
  }
  return compounds;
}

function modifies(word: string, heads: readonly string[]): boolean {
  return (
    /^[a-z]+$/.test(word) &&
    !NOT_MODIFIERS.has(word) &&
    !STATUS_WORDS.has(word) &&
    FILTER_FIELDS[word] === undefined &&
    !word.endsWith('ed') &&
    !heads.includes(word)
  );
}
