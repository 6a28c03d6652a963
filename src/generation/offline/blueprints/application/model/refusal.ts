import { AUXILIARIES } from './story-words.js';

/** `that has not shipped`, `unless it was paid` → the status the action is refused from. */
export function refusal(segment: readonly string[]): string | undefined {
  const negated = segment.indexOf('not');
  const from = segment[0] === 'unless' ? 1 : negated === -1 ? -1 : negated + 1;
  if (from === -1) return undefined;
  const words = segment.slice(from).filter((word) => !AUXILIARIES.has(word) && word !== 'not');
  // `that is not in progress` names the state `in_progress`.
  const [first, second] = words;
  return (first === 'in' || first === 'on') && second !== undefined ? `${first}_${second}` : first;
}
