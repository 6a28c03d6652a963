import { participle } from './participle.js';

const IRREGULAR: Readonly<Record<string, string>> = {
  sent: 'send',
  told: 'tell',
  paid: 'pay',
  made: 'make',
  bought: 'buy',
  held: 'hold',
  written: 'write',
  shown: 'show',
  given: 'give',
  taken: 'take',
  chosen: 'choose',
  known: 'know',
  seen: 'see',
  kept: 'keep',
};
/** Verbs whose participle is ambiguous from its spelling alone (`resolved`: `resolv` or `resolve`). */
const KNOWN = new Set([
  'resolve',
  'close',
  'approve',
  'archive',
  'create',
  'update',
  'delete',
  'complete',
  'escalate',
  'decline',
  'receive',
  'achieve',
  'remove',
  'move',
  'save',
  'use',
  'issue',
  'continue',
  'pause',
  'release',
  'retire',
  'revoke',
  'expire',
  'dispute',
  'schedule',
  'validate',
  'activate',
  'deactivate',
  'rate',
  'invite',
  'note',
  'place',
]);

/**
 * The verb a past participle is made from, when it is one (`alerted` → `alert`, `notified` →
 * `notify`, `resolved` → `resolve`, `shipped` → `ship`, `sent` → `send`); undefined for a word that
 * is not a participle. Checked by making the participle again, so `need` or `red` are not read as one.
 */
export function baseVerb(word: string): string | undefined {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (!word.endsWith('ed') || word.length < 5) return undefined;
  const stem = word.slice(0, -2);
  const withE = `${stem}e`;
  const candidates = [
    ...(KNOWN.has(withE) ? [withE] : []),
    ...(/([b-df-hj-np-tv-z])\1$/.test(stem) && !/(?:ll|ss|ff|zz)$/.test(stem) ? [stem.slice(0, -1)] : []),
    ...(stem.endsWith('i') ? [`${stem.slice(0, -1)}y`] : []),
    ...(/(?:[vcuz]|[aeiou][t])$/.test(stem) ? [withE, stem] : [stem, withE]),
  ];
  return candidates.find((candidate) => candidate.length > 1 && participle(candidate) === word);
}
