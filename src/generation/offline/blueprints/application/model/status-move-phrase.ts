/** A verb phrase that moves its object to a status (`start work on a ticket`): the route's action and the status it sets. */
export interface StatusMovePhrase {
  /** Path segment and action name, `[a-z0-9-]`: `start`, `check-out`. */
  readonly action: string;
  /** The status it sets, `[a-z0-9_]`, when the verb's participle is not it (`start work on` → `in_progress`). */
  readonly state?: string;
  /** How many of the story's words the phrase is. */
  readonly length: number;
}

/**
 * Phrases whose words would otherwise read as a verb and an object (`start` + `work`, a resource
 * `work` at POST /works): each is a move of the object that follows, not a thing to create.
 */
const PHRASES: Readonly<Record<string, Omit<StatusMovePhrase, 'length'>>> = {
  'start work on': { action: 'start', state: 'in_progress' },
  'begin work on': { action: 'start', state: 'in_progress' },
  'start working on': { action: 'start', state: 'in_progress' },
  'stop work on': { action: 'pause', state: 'paused' },
  'sign off on': { action: 'approve' },
  'sign off': { action: 'approve' },
  'close out': { action: 'close' },
  'wrap up': { action: 'complete' },
  'check out': { action: 'check-out', state: 'checked_out' },
  'check in': { action: 'check-in', state: 'checked_in' },
  'put on hold': { action: 'hold', state: 'on_hold' },
  'follow up on': { action: 'follow-up', state: 'followed_up' },
  'hand over': { action: 'hand-over', state: 'handed_over' },
};

/** The status move the story's first words name (three words, then two), if they are one of the phrases above. */
export function statusMovePhrase(words: readonly string[]): StatusMovePhrase | undefined {
  for (const length of [3, 2]) {
    const phrase = PHRASES[words.slice(0, length).join(' ')];
    if (phrase !== undefined && words.length > length) return { ...phrase, length };
  }
  return undefined;
}
