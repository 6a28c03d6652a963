import { participle } from './participle.js';

/** The forms a verb takes in a sentence: `place`, `places`, `placed`, `placing`; `cancel` also `cancelling`. */
export function verbForms(verb: string): string[] {
  const stem = verb.endsWith('e') && !verb.endsWith('ee') ? verb.slice(0, -1) : verb;
  const doubled = /[^aeiou][aeiou][^aeiouwxy]$/.test(verb) ? `${verb}${verb.slice(-1)}ing` : undefined;
  return [
    ...new Set([
      verb,
      `${verb}s`,
      `${verb}es`,
      participle(verb),
      `${stem}ing`,
      ...(doubled === undefined ? [] : [doubled]),
    ]),
  ];
}
