import { activeVoice } from './active-voice.js';
import { commentSafe } from './comment-safe.js';
import { wordsOf } from './words-of.js';

/** What a user story asks for, reduced to derived words a blueprint can turn into routes, messages or checks. */
export interface StoryIntent {
  /** 1-based position in the request's user stories. */
  readonly number: number;
  /** The story as written, safe for prose and comments only. */
  readonly text: string;
  /** The action word (`place`, `view`), `[a-z0-9]+`. */
  readonly verb: string;
  /** What the action is about (`order`), each `[a-z0-9]+`, never empty. */
  readonly objectWords: readonly string[];
  /** `story 1 place order`: `[a-z0-9 ]`, safe inside a quoted string literal. */
  readonly testTitle: string;
  /** Who asks (`as a support agent` → `support`, `agent`); empty when the story names no role. */
  readonly role: readonly string[];
  /** Every word from the action on (`place an order with one or more items`), for blueprints that read more than the object. */
  readonly actionWords: readonly string[];
  /** The story asks for something told or sent to its role (`I am alerted when…`), not an action it takes. */
  readonly receives?: boolean;
}

const MODAL_PHRASES: readonly (readonly string[])[] = [
  ['able', 'to'],
  ['want', 'to'],
  ['need', 'to'],
  ['can'],
  ['should'],
  ['must'],
  ['will'],
];
const FILLER = new Set([
  'be',
  'able',
  'to',
  'easily',
  'quickly',
  'also',
  'always',
  'still',
  'then',
  'i',
  'we',
]);
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'their',
  'his',
  'her',
  'its',
  'your',
  'all',
  'any',
  'some',
  'each',
  'every',
  'new',
  'existing',
  'of',
  'me',
  'us',
  'them',
  'it',
  'this',
  'that',
  'these',
  'those',
  // The `s` of a possessive (`a customer's orders`), which wordsOf splits off.
  's',
]);
const OBJECT_ENDS = new Set([
  'so',
  'that',
  'in',
  'with',
  'by',
  'for',
  'when',
  'via',
  'from',
  'to',
  'on',
  'using',
  'and',
  'or',
  'without',
  'after',
  'before',
  'at',
  'into',
]);
const MAX_OBJECT_WORDS = 2;

export function storyIntent(story: string, number: number): StoryIntent {
  const words = wordsOf(story);
  const voice = activeVoice(afterModal(words) ?? afterRole(words));
  const action = voice.words;
  const verb = action[0] ?? 'handle';
  const objectWords = objectOf(action.slice(1));
  return {
    number,
    text: commentSafe(story),
    verb,
    objectWords: objectWords.length === 0 ? ['item'] : objectWords,
    testTitle: ['story', String(number), verb, ...titleObjectOf(action.slice(1), objectWords)].join(' '),
    role: roleOf(words),
    actionWords: action,
    ...(voice.receives ? { receives: true } : {}),
  };
}

/** `As a support agent, I can ...` → `support`, `agent`: the words between the article and the subject or modal. */
function roleOf(words: readonly string[]): string[] {
  if (words[0] !== 'as') return [];
  const start = ['a', 'an', 'the'].includes(words[1] ?? '') ? 2 : 1;
  const rest = words.slice(start);
  const end = rest.findIndex(
    (word) => word === 'i' || word === 'we' || MODAL_PHRASES.some(([first]) => first === word),
  );
  return (end === -1 ? rest.slice(0, 3) : rest.slice(0, end)).slice(0, 3);
}

export function storyIntents(stories: readonly string[] | undefined): StoryIntent[] {
  return (stories ?? []).map((story, index) => storyIntent(story, index + 1));
}

/** `... I can place an order` → `place an order`; fillers such as `be able to` are skipped. */
function afterModal(words: readonly string[]): string[] | undefined {
  for (let index = 0; index < words.length; index += 1) {
    const phrase = MODAL_PHRASES.find((candidate) =>
      candidate.every((word, offset) => words[index + offset] === word),
    );
    if (phrase === undefined) continue;
    const rest = words.slice(index + phrase.length);
    const start = rest.findIndex((word) => !FILLER.has(word));
    if (start !== -1) return rest.slice(start);
  }
  return undefined;
}

/** Stories without a modal verb (`As an admin I export reports`): what follows `I`, else the words after `as a <role>`. */
function afterRole(words: readonly string[]): string[] {
  const subject = words.findIndex((word) => word === 'i' || word === 'we');
  const rest = subject !== -1 ? words.slice(subject + 1) : words[0] === 'as' ? words.slice(3) : [...words];
  return rest.filter((word) => !FILLER.has(word) && !STOP_WORDS.has(word));
}

/** Copulas after which a question's object has ended (`how many loans are active`). */
const COPULAS = new Set(['is', 'are', 'was', 'were']);

/**
 * The object a test title names: for a question (`see how many loans are active`), the words up to
 * its copula (`how many loans`), so the title says what it proves (`story 6 see how many loans`, not
 * `story 6 see are active`); otherwise the object itself.
 */
function titleObjectOf(words: readonly string[], object: readonly string[]): readonly string[] {
  if (words[0] !== 'how' || !['many', 'much'].includes(words[1] ?? '')) return object;
  const end = words.findIndex((word, index) => index > 2 && COPULAS.has(word));
  if (end === -1) return object;
  const asked = words.slice(0, end).filter((word) => !STOP_WORDS.has(word) && !/^\d/.test(word));
  return asked.length > 2 ? asked.slice(0, 2 + MAX_OBJECT_WORDS) : object;
}

/** The noun phrase after the verb, up to a connecting word; its last words, since English puts the noun last. */
function objectOf(words: readonly string[]): string[] {
  const end = words.findIndex((word) => OBJECT_ENDS.has(word));
  const phrase = end === -1 ? words : words.slice(0, end);
  return phrase.filter((word) => !STOP_WORDS.has(word) && !/^\d/.test(word)).slice(-MAX_OBJECT_WORDS);
}
