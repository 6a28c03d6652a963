import type { DescriptionSentence } from '../../naming/description-sentences.js';

/** A request the description spells out (`GET /payments/{id} returns 404 for an unknown id`), as a check. */
export interface SpelledCheck {
  /** The description sentence (1-based) that spells it. */
  readonly sentence: number;
  readonly text: string;
  readonly method: string;
  /** As sent: a `{placeholder}` is replaced (see ID_FOR_UNKNOWN, ID_FOR_EXISTING). */
  readonly path: string;
  /** As the sentence writes it, `{id}` kept: what the coverage row names. */
  readonly route: string;
  readonly expectedStatus: number;
  /** The JSON body sent with POST, PUT and PATCH: the fields the sentence names, sample values. */
  readonly body?: Readonly<Record<string, string | number>>;
  /** What the check cannot know from the sentence (an id that exists, the body's real values). */
  readonly gaps: readonly string[];
}

/** An id no record has: `for an unknown id` is asked of a path with a placeholder. */
export const ID_FOR_UNKNOWN = 'does-not-exist-0000';
/** Stands in for a real record's id, which the sentence cannot give. */
export const ID_FOR_EXISTING = 'replace-with-an-existing-id';

const ROUTE =
  /\b(GET|POST|PUT|PATCH|DELETE|HEAD)\s+(\/[A-Za-z0-9_.~\-/{}:?=&%]*)(.*?)\b(?:returns?|answers?|responds?(?:\s+with)?|gives?)\s+(?:an?\s+|with\s+|status\s+|HTTP\s+)*(\d{3})\b/g;
const UNKNOWN = /\b(?:unknown|missing|non-?existent|nonexisting|does\s+not\s+exist|absent|deleted)\b/i;
const ARTICLES = /^(?:an?|the|its|their|some|one)\s+/i;
const NUMERIC = /(?:amount|total|price|quantity|count|number|cost|age|size|limit|score)$/i;

/**
 * Every `METHOD /path … returns NNN` the description spells out, one check each: the method, the
 * path (an `{id}` filled with ID_FOR_UNKNOWN when the sentence asks about an unknown one), the
 * status, and for writes a body of the fields named after `with` (`without X` leaves X out of the
 * fields other checks of that route send). Sentences are as `descriptionSentences` splits them.
 */
export function spelledRouteChecks(sentences: readonly DescriptionSentence[]): SpelledCheck[] {
  const found = sentences.flatMap((sentence) =>
    [...sentence.text.matchAll(ROUTE)].map((match) => ({
      sentence: sentence.number,
      text: sentence.text,
      method: match[1] ?? 'GET',
      route: (match[2] ?? '/').replace(/[.,;:?]+$/, ''),
      middle: match[3] ?? '',
      after: sentence.text.slice((match.index ?? 0) + match[0].length),
      expectedStatus: Number(match[4]),
    })),
  );
  const fieldsOf = (route: string) => [
    ...new Set(found.filter((one) => one.route === route).flatMap((one) => namedAfter('with', one.middle))),
  ];
  return found.map((one) => {
    const unknown = UNKNOWN.test(`${one.middle} ${one.after}`);
    const placeholder = /\{[^}]*\}/.test(one.route);
    const path = one.route.replace(/\{[^}]*\}/g, unknown ? ID_FOR_UNKNOWN : ID_FOR_EXISTING);
    const writes = ['POST', 'PUT', 'PATCH'].includes(one.method);
    const left = namedAfter('without', one.middle);
    const fields = writes ? fieldsOf(one.route).filter((field) => !left.includes(field)) : [];
    const body = Object.fromEntries(fields.map((field) => [field, sampleValue(field)]));
    return {
      sentence: one.sentence,
      text: one.text,
      method: one.method,
      path,
      route: one.route,
      expectedStatus: one.expectedStatus,
      ...(writes ? { body } : {}),
      gaps: [
        ...(placeholder && !unknown
          ? [
              `${one.route} needs an id that exists on the target: replace ${ID_FOR_EXISTING} in src/checks.ts`,
            ]
          : []),
        ...(fields.length > 0
          ? [`the body's values are samples (${JSON.stringify(body)}): set real ones in src/checks.ts`]
          : []),
        ...responseGaps(one.after),
      ],
    };
  });
}

/** `returns 201 and an id`: what the answer should hold, which the canary (status and latency only) does not read. */
function responseGaps(after: string): string[] {
  const held = /^\s*(?:and|with)\s+(?:an?|the|its)\s+([A-Za-z]+)/i.exec(after)?.[1];
  return held === undefined ? [] : [`the answer's ${held} is not checked: the canary reads the status only`];
}

/** `with an amount and a currency` → amount, currency (camelCase); stops at the next preposition or verb. */
function namedAfter(word: 'with' | 'without', text: string): string[] {
  const match = new RegExp(`\\b${word}\\s+(.*)$`, 'i').exec(text);
  if (match === null) return [];
  const span = (match[1] ?? '').split(/\b(?:without|with|for|to|from|returns?)\b/i)[0] ?? '';
  return span
    .split(/\s*,\s*|\s+and\s+|\s+or\s+/i)
    .map((part) => part.trim().replace(ARTICLES, ''))
    .filter((part) => /^[A-Za-z][A-Za-z ]*$/.test(part) && part.split(' ').length <= 3)
    .map((part) =>
      part
        .split(' ')
        .map(asWritten)
        .map((piece, index) => (index === 0 ? piece : piece.charAt(0).toUpperCase() + piece.slice(1)))
        .join(''),
    );
}

/**
 * A word of a field name: one already in camelCase (`memberId`) is the field's name as the API
 * spells it, kept but for its first letter; any other (`Due`, `ISBN`) is lower-cased.
 */
function asWritten(piece: string): string {
  return /[a-z][A-Z]/.test(piece) ? piece.charAt(0).toLowerCase() + piece.slice(1) : piece.toLowerCase();
}

/** A value the target is likely to accept for a field named so: a number for amounts, a code for a currency. */
function sampleValue(field: string): string | number {
  if (NUMERIC.test(field)) return 100;
  if (/currency$/i.test(field)) return 'EUR';
  if (/email$/i.test(field)) return 'canary@example.com';
  return 'canary-check';
}
