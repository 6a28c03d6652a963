import { commentSafe } from './comment-safe.js';
import { linkSpans } from './link-spans.js';
import { wordsOf } from './words-of.js';

/** A part of a sentence that may ask for one thing: split at commas, colons, semicolons and "and". */
export interface DescriptionClause {
  /** As written, safe for prose only. */
  readonly text: string;
  readonly words: readonly string[];
  /** PascalCase identifiers as written (`PaymentSettled`), `[A-Za-z0-9]`: event and type names. */
  readonly names: readonly string[];
}

export interface DescriptionSentence {
  /** 1-based position in the description. */
  readonly number: number;
  /** The sentence, safe for prose only. */
  readonly text: string;
  readonly clauses: readonly DescriptionClause[];
}

/**
 * Sentences read, each a coverage row: enough for a 20,000-character description (the request's
 * limit) of sentences of 100 characters; those past it are counted by unreadSentences and said.
 */
export const MAX_SENTENCES = 200;
const LINE_BREAKS = /[\r\n]+/;
const CLAUSE_BREAK = /\s*[,;:]\s*(?:(?:and|as well as|plus)\s+)?|\s+(?:and|as well as|plus)\s+|\s+[—–]\s+/i;
const PASCAL_NAME = /\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\b/g;
/**
 * Abbreviations a sentence goes on after even before a capital (`e.g. S3`), as written: the few of
 * CLDR's English sentence-break suppressions a request uses (ICU's list is not exposed by
 * `Intl.Segmenter`). Like CLDR's, they match case-sensitively, so a title (`Ms.`, `Dr.`) is one while
 * a unit (`800 ms.`) still ends its sentence. `etc.` is left out: it ends sentences too.
 */
const ABBREVIATION_END =
  /(?:^|[\s(])(?:e\.g|E\.g|i\.e|I\.e|cf|vs|approx|Approx|incl|esp|Mr|Mrs|Ms|Dr|Prof)\.\s*$/;
const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });
/**
 * A path up to the `?` of its query string (`GET /loans?` of `GET /loans?status=overdue`): UAX #29
 * ends a sentence at any `?`, but one inside a path with a query straight after it ends nothing.
 */
const PATH_QUERY_START = /(?:^|\s)\/[^\s?]*\?$/;
/** Private-use characters that stand in for a link while clauses are split, so no break falls inside it. */
const LINK_MARK = /\uE000(\d+)\uE001/g;

/** The description's sentences and their clauses, the unit blueprints check requirements against. */
export function descriptionSentences(description: string): DescriptionSentence[] {
  return allSentences(description)
    .slice(0, MAX_SENTENCES)
    .map((sentence, index) => ({
      number: index + 1,
      text: commentSafe(sentence, 300),
      clauses: clausesOf(sentence)
        .filter((clause) => wordsOf(clause).length > 0)
        .map((clause) => ({
          text: commentSafe(clause, 200),
          words: wordsOf(clause),
          names: pascalNames(clause),
        })),
    }));
}

/** How many sentences of the description are past MAX_SENTENCES, so not read (0 when none). */
export function unreadSentences(description: string): number {
  return Math.max(0, allSentences(description).length - MAX_SENTENCES);
}

function allSentences(description: string): string[] {
  return description
    .split(LINE_BREAKS)
    .flatMap(sentencesOf)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

/** The PascalCase identifiers of a text as written (`PaymentSettled`), each once, at most 64 characters. */
export function pascalNames(text: string): string[] {
  return [...new Set(text.match(PASCAL_NAME) ?? [])].map((name) => name.slice(0, 64));
}

/**
 * One line's sentences by Unicode's sentence boundaries (UAX #29, as `Intl.Segmenter` finds them:
 * `3.5 seconds` and `api.example.com` are not ends), never ending inside a URL or email address,
 * at the `?` of a path's query string (`GET /search?q=test`) nor after an abbreviation such as `e.g.`.
 */
function sentencesOf(text: string): string[] {
  // Unicode's line and paragraph separators end a sentence for ICU; like any other control, they are a space here.
  const line = text.replace(/[\u0085\u2028\u2029]/g, ' ');
  const links = linkSpans(line);
  const sentences: string[] = [];
  let current = '';
  for (const { segment, index } of SEGMENTER.segment(line)) {
    const end = index + segment.length;
    current += segment;
    const insideLink = links.some((link) => link.index < end && end < link.lastIndex);
    if (
      insideLink ||
      (PATH_QUERY_START.test(current) && /^[\w%&=[\]{}-]/.test(line.slice(end))) ||
      ABBREVIATION_END.test(current.slice(Math.max(0, current.length - 12)))
    )
      continue;
    sentences.push(current);
    current = '';
  }
  if (current !== '') sentences.push(current);
  return sentences;
}

/**
 * A sentence's clauses: split at commas, colons, semicolons, "and" and dashes, but never inside a
 * link, inside parentheses (`a priority (low, medium or high)` is one clause: the values of one
 * field), inside a range (`a percentage between 0 and 100`), a time of day (`at 02:00 UTC`) or a
 * number (`1,000 requests`).
 */
function clausesOf(sentence: string): string[] {
  const links = [...linkSpans(sentence), ...unbrokenSpans(sentence)]
    .sort((left, right) => left.index - right.index)
    .filter((span, at, spans) => at === 0 || span.index >= (spans[at - 1]?.lastIndex ?? 0));
  const raw = links.map((link) => sentence.slice(link.index, link.lastIndex));
  let masked = '';
  let from = 0;
  links.forEach((link, index) => {
    masked += `${sentence.slice(from, link.index)}\uE000${index}\uE001`;
    from = link.lastIndex;
  });
  masked += sentence.slice(from);
  return masked
    .split(CLAUSE_BREAK)
    .map((clause) => clause.replace(LINK_MARK, (mark, index: string) => raw[Number(index)] ?? mark));
}

/**
 * Spans no clause break falls inside: each innermost `( … )` (at most 200 characters inside), each
 * range (`between 0 and 100`), each time of day (`02:00`, `23:59:59`) and each number with digit
 * groups (`1,000`, `2,500.5`): their colon or comma separates digits, not asks.
 */
const UNBROKEN =
  /\([^()]{1,200}\)|\bbetween\s+[\d.,]+\s+and\s+[\d.,]*\d|(?<![\d:])\d{1,2}(?::\d{2}){1,2}(?!\d|:\d)|(?<![\w,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])/gi;

/** Where each span of `UNBROKEN` in a sentence starts and ends. */
function unbrokenSpans(sentence: string): { index: number; lastIndex: number }[] {
  return [...sentence.matchAll(UNBROKEN)].map((match) => ({
    index: match.index,
    lastIndex: match.index + match[0].length,
  }));
}
