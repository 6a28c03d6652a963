import { spelledAs } from '../../../naming/participle.js';
import { singular } from '../../../naming/singular.js';
import type { DescriptionFields } from './description-fields.js';
import { listedStatusOf } from './listed-status-of.js';
import type { ParsedStory } from './parsed-story.js';
import { unique } from './unique.js';

/** Verbs that put their object into the status their gerund names (`start testing a sample` → `testing`). */
const STARTS = new Set(['start', 'begin']);
/** Words between `for` and the item it names (`for an appointment`, `for their rental`). */
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'my', 'our', 'this', 'that', 'each', 'every']);

/** What the description says of the stories' nouns. */
export interface LifecycleMovesContext {
  /** The statuses the description lists for a noun (`Rentals are reserved, out, …`), in order; empty when none. */
  readonly lifecycleOf: (noun: string) => readonly string[];
  /** The fields the description gives each noun (`Each rental has a kayak number`). */
  readonly described: readonly DescriptionFields[];
  /** Whose a noun's items are, as the description says it (`Each appointment belongs to a patient` → `patient`). */
  readonly ownerOf: (noun: string) => string | undefined;
}

/**
 * Moves of a resource's listed lifecycle that the stories' words would otherwise read as something
 * else (issue #11: every story's route acts on the one model; `start testing a sample` is read
 * earlier, by `startedStatus`):
 * - `report a sample with a result`, beside `register a sample`, where `reported` is listed and not
 *   the first status: a move to `reported` recording the result, not a second create;
 * - `check in a patient for an appointment`, `hand over a kayak for a rental`, `return a kayak`, where
 *   the patient or kayak is no resource of its own (no story makes, reads or lists one, the description
 *   gives it no fields or statuses): a move of the resource `for …` names, else of the one the thing
 *   belongs to or is a field of (`a kayak number`) whose lifecycle lists the status set, else of the
 *   only resource whose lifecycle lists it; the status set is the listed one (`handed_over` → `out`).
 * Every other story is returned as it was.
 */
export function lifecycleMoves(
  stories: readonly ParsedStory[],
  context: LifecycleMovesContext,
): ParsedStory[] {
  const reached = stories.map((story) => listedCreate(story, stories, context.lifecycleOf));
  return reached.map((story) => foreignMove(story, reached, context));
}

/**
 * `start testing a sample`, where `testing` is one of the sample's listed statuses: a move there
 * (POST /samples/{id}/start), not a create. Read before the create verbs are (verb-objects.ts), so
 * it is no create beside which `submit a sample` would be a move.
 */
export function startedStatus(
  story: ParsedStory,
  lifecycleOf: (noun: string) => readonly string[],
): ParsedStory {
  const [verb, gerund] = story.intent.actionWords;
  if (story.noun === undefined || verb === undefined || !STARTS.has(verb) || story.verb !== verb)
    return story;
  if (gerund === undefined || !gerund.endsWith('ing') || !lifecycleOf(story.noun).includes(gerund))
    return story;
  return { ...story, kind: 'transition', verb: 'start', state: gerund };
}

/**
 * `report a sample`, where another story makes samples and the lifecycle lists `reported` after the
 * first status: a move of the sample made there, not a second create.
 */
function listedCreate(
  story: ParsedStory,
  stories: readonly ParsedStory[],
  lifecycleOf: (noun: string) => readonly string[],
): ParsedStory {
  if (!reachesListed(story, lifecycleOf)) return story;
  const madeElsewhere = stories.some(
    (other) =>
      other !== story &&
      other.kind === 'create' &&
      other.noun === story.noun &&
      other.parent === undefined &&
      !reachesListed(other, lifecycleOf),
  );
  return madeElsewhere ? { ...story, kind: 'transition' } : story;
}

/** A create of a whole item (no parent, no attribute) whose verb's status is listed after the first. */
function reachesListed(story: ParsedStory, lifecycleOf: (noun: string) => readonly string[]): boolean {
  if (story.kind !== 'create' || story.noun === undefined || story.parent !== undefined) return false;
  if (story.attribute !== undefined || story.possessed !== undefined) return false;
  const lifecycle = lifecycleOf(story.noun);
  const status = listedStatusOf(spelledAs(story.verb, lifecycle), story.verb, lifecycle);
  return status !== undefined && status !== lifecycle[0];
}

/** A move of a thing that is no resource of its own, made a move of the resource it is done for. */
function foreignMove(
  story: ParsedStory,
  stories: readonly ParsedStory[],
  context: LifecycleMovesContext,
): ParsedStory {
  const thing = story.noun;
  if (story.kind !== 'transition' || thing === undefined) return story;
  const ownResource = (noun: string) =>
    stories.some((other) => other.parent === noun || (other.noun === noun && other.kind !== 'transition')) ||
    context.lifecycleOf(noun).length > 0 ||
    context.described.some((entry) => entry.resource === noun && entry.fields.length > 0);
  if (ownResource(thing)) return story;
  const resources = unique(
    stories.flatMap((other) =>
      other.noun === undefined || other.noun === thing || !ownResource(other.noun) ? [] : [other.noun],
    ),
  );
  // `admit` sets `admitted` where that is listed: the status spelled as the lifecycle spells it.
  const listedOn = (noun: string) => {
    const lifecycle = context.lifecycleOf(noun);
    return listedStatusOf(story.state ?? spelledAs(story.verb, lifecycle), story.verb, lifecycle);
  };
  const named = forPhrase(story.unused, resources);
  const listing = resources.filter((noun) => listedOn(noun) !== undefined);
  const target =
    named?.noun ??
    listing.find((noun) => relatedThing(thing, noun, stories, context)) ??
    (listing.length === 1 ? listing[0] : undefined);
  if (target === undefined) return story;
  const listed = listedOn(target);
  return {
    ...story,
    noun: target,
    unused:
      named === undefined
        ? story.unused
        : [...story.unused.slice(0, named.start), ...story.unused.slice(named.end)],
    ...(listed === undefined ? {} : { state: listed }),
  };
}

/** `for an appointment` among a story's unused words, naming one of `resources`: the noun and where the words are. */
function forPhrase(
  unused: readonly string[],
  resources: readonly string[],
): { noun: string; start: number; end: number } | undefined {
  const start = unused.indexOf('for');
  if (start === -1) return undefined;
  let at = start + 1;
  while (DETERMINERS.has(unused[at] ?? '')) at += 1;
  const word = unused[at];
  if (word === undefined) return undefined;
  const noun = singular(word);
  return resources.includes(noun) ? { noun, start, end: at + 1 } : undefined;
}

/**
 * Whether `thing` is what a `resource` item belongs to or names: its described owner (`belongs to a
 * patient`), its stories' owner, or the first word of one of its fields (`a kayak number`, `patientId`).
 */
function relatedThing(
  thing: string,
  resource: string,
  stories: readonly ParsedStory[],
  context: LifecycleMovesContext,
): boolean {
  const firstWord = (name: string) => (name.split(/(?=[A-Z])/)[0] ?? name).toLowerCase();
  const fields = [
    ...context.described.filter((entry) => entry.resource === resource).flatMap((entry) => entry.fields),
    ...stories.filter((story) => story.noun === resource).flatMap((story) => story.fields),
  ];
  return (
    context.ownerOf(resource) === thing ||
    stories.some((story) => story.noun === resource && story.owner === thing) ||
    fields.some((field) => firstWord(field.name) === thing)
  );
}
