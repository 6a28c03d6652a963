import { baseVerb } from '../../../naming/base-verb.js';
import { participle } from '../../../naming/participle.js';
import { AUXILIARIES, DETERMINERS } from './story-words.js';

/**
 * `before it ships`, `until it is approved`, `before shipping`, `before the order has been
 * dispatched` → the status it names (`shipped`, `approved`, `dispatched`); undefined when the words
 * name no action (`before noon`, `before the deadline`).
 */
export function statusReached(body: readonly string[]): string | undefined {
  const words = body.filter(
    (word) => !AUXILIARIES.has(word) && !DETERMINERS.has(word) && word !== 'not' && !/^\d/.test(word),
  );
  const last = words.at(-1);
  if (last === undefined) return undefined;
  if (last.endsWith('ing') && words.length === 1 && last.length > 5)
    return participle(baseVerb(`${last.slice(0, -3)}ed`) ?? last.slice(0, -3));
  if (baseVerb(last) !== undefined) return participle(last);
  // `it ships`, `the order ships`: a verb in the present after its subject.
  const subject = body.some((word) => word === 'it' || word === 'they') || words.length >= 2;
  if (!subject || !/[^s]s$/.test(last)) return undefined;
  const stem = last.replace(/es$/, /(?:ch|sh|ss|x)es$/.test(last) ? '' : 'e').replace(/s$/, '');
  return participle(stem);
}
