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
  used: 'use',
  added: 'add',
  erred: 'err',
  synced: 'sync',
  quizzed: 'quiz',
};
/** Words ending in -ed that are no participle (`need`, `hundred`). */
const NOT_PARTICIPLES = new Set([
  'hundred',
  'kindred',
  'sacred',
  'naked',
  'wicked',
  'rugged',
  'ragged',
  'jagged',
  'speed',
  'breed',
  'bleed',
  'greed',
  'steed',
  'exceed',
  'proceed',
  'succeed',
  'indeed',
  'embed',
  'shred',
]);
/** Verbs in -ee (`agreed` → `agree`); any other -eed word is a verb or noun of its own (`proceed`, `speed`). */
const EE_VERBS = new Set(['agree', 'free', 'guarantee', 'referee', 'disagree', 'decree']);
/** Verbs whose ending the rules below would read the other way. */
const WITH_E = new Set([
  'create',
  'recreate',
  'delete',
  'complete',
  'compete',
  'invite',
  'unite',
  'ignite',
  'excite',
  'recite',
  'cite',
  'route',
  'explore',
  'ignore',
  'restore',
  'adore',
  'postpone',
  'clone',
  'phone',
  'exhale',
  'inhale',
]);
const WITHOUT_E = new Set(['pivot', 'focus', 'bias', 'develop', 'gossip', 'blossom', 'ransom']);

/**
 * The verb a past participle is made from, when it is one (`alerted` → `alert`, `notified` →
 * `notify`, `resolved` → `resolve`, `shipped` → `ship`, `treated` → `treat`, `sent` → `send`);
 * undefined for a word that is not a participle (`need`, `red`, `hundred`). English spelling rules:
 * a doubled final consonant was added (`shipped`), except -ss, -ff, -zz and a one-syllable -ll
 * (`passed`, `filled`); `-ied` was `-y`; a one-syllable stem that did not double had a silent e
 * (`noted`, `named`, since `not` would give `notted`); longer stems keep or drop the e by their
 * ending (`created`, `edited`, `targeted`, `opened`, `defined`, `ordered`), and a vowel pair keeps
 * none (`treated`, `waited`). Known exceptions are listed above.
 */
export function baseVerb(word: string): string | undefined {
  // Own keys only: `constructor` or `__proto__` in issue text must not read Object.prototype.
  const irregular = Object.hasOwn(IRREGULAR, word) ? IRREGULAR[word] : undefined;
  if (irregular !== undefined) return irregular;
  if (!word.endsWith('ed') || word.length < 5 || NOT_PARTICIPLES.has(word)) return undefined;
  if (word.endsWith('eed')) return EE_VERBS.has(word.slice(0, -1)) ? word.slice(0, -1) : undefined;
  if (word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  const stem = word.slice(0, -2);
  if (WITH_E.has(`${stem}e`)) return `${stem}e`;
  if (WITHOUT_E.has(stem)) return stem;
  return fromDoubled(stem) ?? (needsE(stem) ? `${stem}e` : stem);
}

/** `shipp` → `ship`, `cancell` → `cancel`; `pass`, `fill` and `buzz` keep both letters. */
function fromDoubled(stem: string): string | undefined {
  const match = /([b-df-hj-np-tv-z])\1$/.exec(stem);
  if (match === null) return undefined;
  const single = stem.slice(0, -1);
  if (/(?:ss|ff|zz)$/.test(stem)) return stem;
  if (stem.endsWith('ll')) return syllables(single) >= 2 ? single : stem;
  return single;
}

function needsE(written: string): boolean {
  // `qu` is a consonant and a vowel, `y` after a consonant a vowel: `quot`, `typ` read as `qwot`, `tip`.
  const stem = written.replace(/qu/g, 'qw').replace(/([^aeiou])y/g, '$1i');
  const last = stem.at(-1) ?? '';
  // `queued`, `agreed`, `continued`: a stem ending in a vowel had its e.
  if (/[aeiou]$/.test(stem)) return true;
  if (/[wxy]$/.test(stem)) return false;
  // `raised`, `leaved`, `voiced`, `sneezed`: these endings take an e even after a vowel pair.
  if (/[aeiou]{2}[^aeiou]$/.test(stem)) return /[svzcg]$/.test(last);
  if (/[^aeiou][^aeiou]$/.test(stem)) return clusterNeedsE(stem);
  // A single vowel and a consonant: one syllable would have doubled it (`not` → `notted`), so `noted` is `note`.
  if (syllables(stem) === 1) return true;
  return longStemNeedsE(stem);
}

/** `tabled`, `charged`, `nursed`, `forced`, `served`, `changed` take an e; `started`, `belonged`, `printed` do not. */
function clusterNeedsE(stem: string): boolean {
  if (/[^aeiou][lr]$/.test(stem)) return true;
  if (/ang$/.test(stem)) return stem.length >= 5;
  if (/ng$/.test(stem)) return false;
  return /(?:[rdnl]g|[rnpl]s|[rn]c|[rl]v)$/.test(stem);
}

/** A stem of two syllables or more ending in one vowel and one consonant, by that ending. */
function longStemNeedsE(stem: string): boolean {
  const ending = stem.slice(-2);
  const byEnding: Readonly<Record<string, boolean>> = {
    at: true,
    ot: true,
    ut: true,
    it: false,
    et: /[lp]et$/.test(stem),
    en: false,
    on: false,
    an: false,
    in: true,
    er: false,
    or: false,
    ar: true,
    ir: true,
    ur: true,
    el: false,
    al: false,
    il: true,
    ul: true,
    ol: true,
    am: false,
    em: false,
    im: false,
    om: true,
    um: true,
  };
  const found = byEnding[ending];
  if (found !== undefined) return found;
  // -p after one vowel in a long word does not double (`developed`) unless it was -ape (`escaped`);
  // anything else (`-ode`, `-ide`, `-ibe`, `-oke`, `-ave`) had an e.
  return !stem.endsWith('p') || stem.endsWith('ap');
}

/** Vowel groups, `y` after a consonant counted: `cancel` 2, `fil` 1, `typ` 1. */
function syllables(word: string): number {
  return (word.match(/[aeiou]+|(?<=[^aeiou])y/g) ?? []).length;
}
