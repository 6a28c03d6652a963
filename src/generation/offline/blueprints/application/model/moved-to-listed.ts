import type { ParsedStory } from './parsed-story.js';

/** Words that name where a move sends its object (`send a laptop to repair`, `put a kayak into service`). */
const TOWARD = new Set(['to', 'into']);
/** Prepositions a listed status may begin with that the story leaves out (`to repair` → `in_repair`). */
const STATUS_PREPOSITIONS = ['', 'in_', 'on_', 'under_', 'at_'];
/** The most words a listed status spans after `to` (`waiting for parts`). */
const MOST_WORDS = 3;

/**
 * `send a laptop to repair`, `move a ticket to review`, where the description lists `in repair`,
 * `in review`: the move sets the listed status its `to …` names (with or without its leading `in`,
 * `on`, `under` or `at`), not the verb's own participle (`sent`, which the lifecycle lacks). Only a
 * move with no state yet whose unread words hold `to`/`into` and then exactly a listed status, or
 * one whose state (`move a task to review` → `review`) is listed only with its preposition; the
 * story unchanged otherwise, so outside-lifecycle.ts still says why an unlisted move makes no route.
 */
export function movedToListed(story: ParsedStory, lifecycle: readonly string[]): ParsedStory {
  if (story.kind !== 'transition' || lifecycle.length === 0) return story;
  // `move a task to review`, read as marking it `review`, where `in review` is listed.
  if (story.state !== undefined) {
    const listed = listedSpelling(story.state, lifecycle);
    return listed === undefined || listed === story.state ? story : { ...story, state: listed };
  }
  const words = story.unused;
  const at = words.findIndex((word) => TOWARD.has(word));
  if (at === -1) return story;
  for (let length = MOST_WORDS; length >= 1; length -= 1) {
    if (at + 1 + length > words.length) continue;
    const status = listedSpelling(words.slice(at + 1, at + 1 + length).join('_'), lifecycle);
    if (status === undefined) continue;
    return { ...story, state: status, unused: [...words.slice(0, at), ...words.slice(at + 1 + length)] };
  }
  return story;
}

/** The listed status a name is, with or without a leading preposition (`repair` → `in_repair`). */
function listedSpelling(named: string, lifecycle: readonly string[]): string | undefined {
  return STATUS_PREPOSITIONS.map((prefix) => `${prefix}${named}`).find((candidate) =>
    lifecycle.includes(candidate),
  );
}
