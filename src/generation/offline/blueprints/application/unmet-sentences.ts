import type { DescriptionSentence } from '../../naming/description-sentences.js';
import { scheduleAsked } from '../../cfn/schedule-expression.js';
import { withArticle } from '../../naming/article.js';
import { domainWords } from './domain-words.js';
import { frequencyLimit } from './frequency-limit.js';
import type { FieldSpec, ResourceModel } from './model/resource-model-types.js';

/** Words that make a sentence a rule rather than a statement (`cannot`, `must`). */
const RULE_WORDS = new Set(['cannot', 'can\u2019t', "can't", 'must', 'never', 'not', 'should', 'may']);
/** Words that order one value against another (`end before it starts`, `greater than the minimum`). */
const ORDER_WORDS = new Set([
  'before',
  'after',
  'earlier',
  'later',
  'precede',
  'precedes',
  'follow',
  'follows',
  'exceed',
  'exceeds',
  'greater',
  'less',
  'more',
  'fewer',
  'above',
  'below',
]);

/**
 * Why a description sentence asks for something the application blueprint knowingly does not
 * generate, so no route that merely shares its nouns is credited with it; undefined when it may be
 * answered by the capabilities:
 * - a limit on how often (`A desk can be booked only once per day`): a rule about the items, which
 *   nothing counts (`frequencyLimit`), never read as a schedule;
 * - a schedule (`Every Monday at 08:00 UTC email a summary`): every route answers a request and
 *   nothing runs on a timer (the schedule reader is the canary's, `scheduleAsked`);
 * - an order between two fields of one item (`A booking cannot end before it starts`,
 *   `The maximum must be greater than the minimum`): each field is checked on its own, never against
 *   another.
 */
export function sentenceNotGenerated(
  sentence: DescriptionSentence,
  model: ResourceModel,
): string | undefined {
  const limit = frequencyLimit(sentence);
  if (limit !== undefined)
    return `"${limit.words.join(' ')}" limits how often it may happen, a rule on the items (more than ${limit.times === 1 ? 'one' : String(limit.times)} in one ${limit.period} must be refused), not a run by the calendar: nothing generated counts what was done in a ${limit.period}, so every request is taken; a conditional write on a key of the item and its ${limit.period} (409 when it exists) would enforce it`;
  const schedule = calendarSchedule(sentence, domainWords(model));
  if (schedule !== undefined)
    return `"${schedule.words.join(' ')}" asks for something done on a schedule: nothing runs on a schedule in this service (every route answers a request, and no EventBridge schedule or scheduled function is generated), so neither the run nor what it would send is generated; a scheduled Lambda function (EventBridge Scheduler) that reads the items would do it`;
  return fieldOrderGap(sentence, model);
}

/** Words of a release's traffic shift (`shift 10 percent every minute`), which is no schedule. */
const RELEASE_WORDS = new Set([
  'shift',
  'shifts',
  'shifted',
  'traffic',
  'percent',
  'canary',
  'linear',
  'release',
  'releases',
  'deploy',
  'deploys',
  'deployment',
  'deployments',
  'rollout',
]);

/** Schedule words that are one word (`weekly`), which a field may allow as a value. */
const SCHEDULE_WORD = /\b(?:hourly|daily|nightly|weekly|monthly|weekdays)\b/gi;

/**
 * A run by the calendar (`every Monday at 08:00`, `daily`, `weekly`): not a rate of minutes or hours,
 * which in a request for an API is a limit or a release's pace (`100 requests every minute`), and
 * not a release's traffic shift. A schedule word the model holds as data (`a frequency (daily,
 * weekly or monthly)`, `domain`) is a value, not a run, so it is read past.
 */
function calendarSchedule(
  sentence: DescriptionSentence,
  domain: ReadonlySet<string>,
): ReturnType<typeof scheduleAsked> {
  const words = sentence.clauses.flatMap((clause) => clause.words);
  // `Send a summary of shifts every Monday`, where shifts are the resource: no release's traffic shift.
  if (words.some((word) => RELEASE_WORDS.has(word) && !domain.has(word))) return undefined;
  const text = sentence.text.replace(SCHEDULE_WORD, (word) => (domain.has(word.toLowerCase()) ? '' : word));
  const schedule = scheduleAsked(text);
  if (schedule === undefined) return undefined;
  if ('expression' in schedule && /^rate\(\d+ (?:minute|hour)s?\)$/.test(schedule.expression))
    return undefined;
  return schedule;
}

function fieldOrderGap(sentence: DescriptionSentence, model: ResourceModel): string | undefined {
  const words = sentence.clauses.flatMap((clause) => clause.words);
  if (!words.some((word) => RULE_WORDS.has(word)) || !words.some((word) => ORDER_WORDS.has(word)))
    return undefined;
  const stems = new Set(words.map(stemOf));
  for (const resource of model.resources) {
    const named = resource.fields.filter(
      (field) => comparable(field) && stems.has(stemOf(firstWordOf(field.name))),
    );
    if (named.length >= 2) {
      const [first, second] = named.map((field) => field.name);
      return `a rule between two fields of ${withArticle(resource.name)} (${first ?? ''} and ${second ?? ''}) is not checked: each field is checked on its own, so the create and change routes store ${withArticle(resource.name)} whatever order its ${first ?? ''} and ${second ?? ''} are in; add the check (400) to the routes by hand`;
    }
  }
  return undefined;
}

/** A field that can be ordered: a number or an ISO 8601 date-time. */
const comparable = (field: FieldSpec) => field.type === 'number' || field.format === 'date-time';

/** `startTime` → `start`, `endsAt` → `ends`. */
const firstWordOf = (name: string) => (name.split(/(?=[A-Z])/)[0] ?? name).toLowerCase();

/** `starts`, `started`, `starting` → `start`; `ends` → `end`: a word and the field it names meet. */
function stemOf(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '') || word;
}
