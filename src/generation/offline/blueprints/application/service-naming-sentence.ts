/** Words that make a sentence say what something does or must do, not only name it. */
const VERB_WORDS = new Set([
  'is',
  'are',
  'be',
  'can',
  'cannot',
  'must',
  'should',
  'will',
  'may',
  'has',
  'have',
  'lets',
  'allows',
  'belongs',
  'belong',
  'needs',
  'need',
  'send',
  'sends',
  'store',
  'stores',
  'keep',
  'keeps',
  'return',
  'returns',
  'only',
  'never',
  'when',
  'whenever',
  'that',
  'which',
  'where',
]);

/** `A feature-voting board for our customers.`: an article, a noun phrase, `for`, whom it serves. */
const NAMING_SHAPE = /^(?:an?|our|the)\s+[a-z][a-z' -]*?\s+for\s+[a-z][a-z' ,&-]*\.?$/i;

/**
 * Whether a description sentence only names the service being asked for (`A feature-voting board for
 * our customers.`, `An appointments API for our clinic.`): the first sentence, one noun phrase
 * saying what it is and whom it is for, with no verb, modal or number. The service the blueprint
 * made answers it, whatever noun names it (a board, a tracker, a portal).
 */
export function namesTheService(sentence: { readonly number: number; readonly text: string }): boolean {
  const text = sentence.text.trim();
  if (sentence.number !== 1 || text.length > 200 || !NAMING_SHAPE.test(text)) return false;
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return !words.some((word) => VERB_WORDS.has(word));
}
