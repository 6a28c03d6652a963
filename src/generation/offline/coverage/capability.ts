import type { TestEvidence } from '../../../core/bundle/requirement-coverage.js';
import type { NotificationChannel } from './notification-channels.js';

/**
 * Something a blueprint generated (or knowingly did not), and the words by which a request asks for
 * it. A clause asks for a capability when it holds every word of one of its `when` sets.
 */
export interface Capability {
  readonly when: readonly (readonly string[])[];
  /** What answers it, in generated words. */
  readonly implementedBy: string;
  readonly tests: readonly TestEvidence[];
  readonly resources: readonly string[];
  /** The ways it reaches a person (`email`): a text naming another channel is not met by it. */
  readonly channels?: readonly NotificationChannel['name'][];
  /** Known limits of what was generated for it. */
  readonly gaps?: readonly string[];
  /** Set when the blueprint recognises the ask but generates nothing for it: why. */
  readonly notGenerated?: string;
  /**
   * Compares what a clause asks with what was generated, for asks with values (`shift 10 percent
   * every minute`): the differences, empty when met. A capability with this check answers for the
   * clause's numbers itself, so they are not also reported as values nothing generated.
   */
  readonly compare?: (clauseText: string) => readonly string[];
  /**
   * What the clause asks beyond what was generated, read from its words (`List the bookings of a
   * day.` against a list with no date filter): gaps of the row. Unlike `compare`, it answers for
   * none of the clause's numbers.
   */
  readonly unmetBy?: (clauseText: string) => readonly string[];
  /**
   * Reads whether a clause asks for the opposite of what was generated (`versioning is disabled`
   * against a versioned bucket): why that was not done, or undefined when it does not. Such a
   * clause is never answered by this capability; it is reported as not generated, with the why.
   */
  readonly opposedBy?: (words: readonly string[]) => string | undefined;
}

/**
 * The capabilities as they answer these words: one the words ask the opposite of (`opposedBy`)
 * becomes a not-generated capability carrying the reason, so the row never counts it as met.
 */
export function answering(words: readonly string[], capabilities: readonly Capability[]): Capability[] {
  return capabilities.map((capability) => {
    const why = capability.opposedBy?.(words);
    return why === undefined
      ? capability
      : { when: capability.when, implementedBy: '', tests: [], resources: [], notGenerated: why };
  });
}

/** Capabilities asked for by these words, most specific (longest word set) first. */
export function capabilitiesAskedBy(
  words: readonly string[],
  capabilities: readonly Capability[],
): Capability[] {
  return capabilities
    .map((capability) => ({ capability, size: askedSize(words, capability) }))
    .filter(({ size }) => size > 0)
    .sort((left, right) => right.size - left.size)
    .map(({ capability }) => capability);
}

/** How specifically words ask for a capability: the length of its longest word set they hold, 0 for not at all. */
export function askedSize(words: readonly string[], capability: Capability): number {
  const present = new Set(words);
  return Math.max(
    0,
    ...capability.when.filter((set) => set.every((word) => present.has(word))).map((set) => set.length),
  );
}

/** The words of the longest word set of a capability these words hold; empty when they do not ask for it. */
export function askedWords(words: readonly string[], capability: Capability): readonly string[] {
  const present = new Set(words);
  return capability.when
    .filter((set) => set.every((word) => present.has(word)))
    .reduce<readonly string[]>((longest, set) => (set.length > longest.length ? set : longest), []);
}

/** Shorthand for `when`: each entry is one word, or several words that must all appear (`'event bus'`). */
export function anyOf(...phrases: readonly string[]): readonly (readonly string[])[] {
  return phrases.map((phrase) => phrase.split(' '));
}

/** Only the capabilities matched by the longest word set: what a single story most specifically asks for. */
export function mostSpecificAskedBy(
  words: readonly string[],
  capabilities: readonly Capability[],
): Capability[] {
  const size = (capability: Capability) => askedSize(words, capability);
  const best = Math.max(0, ...capabilities.map(size));
  return best === 0 ? [] : capabilities.filter((capability) => size(capability) === best);
}
