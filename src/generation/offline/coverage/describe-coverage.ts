import type {
  RequirementCoverage,
  RequirementSource,
  TestEvidence,
} from '../../../core/bundle/requirement-coverage.js';
import type { DescriptionSentence } from '../naming/description-sentences.js';
import { withoutLinks } from '../naming/link-spans.js';
import { answering, askedWords, capabilitiesAskedBy } from './capability.js';
import { channelsNamed } from './notification-channels.js';
import type { Capability } from './capability.js';

/** Words that carry no ask on their own; a clause of only these is skipped. */
const EMPTY_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'for',
  'to',
  'in',
  'on',
  'with',
  'that',
  'which',
  'it',
  'its',
  'is',
  'are',
  'be',
  'this',
  'these',
  'their',
  'our',
  'we',
  'i',
  'as',
  'by',
  'all',
  'each',
  'every',
  'also',
  'including',
  'via',
  'from',
  'into',
  'so',
]);

/**
 * One row per sentence of the description: covered when every clause that asks for something is
 * answered by a generated capability, partial when some are, not covered when none is. A clause no
 * capability answers is named as a gap, never dropped.
 */
export function describeSentences(
  sentences: readonly DescriptionSentence[],
  capabilities: readonly Capability[],
): RequirementCoverage[] {
  return sentences.flatMap((sentence) => {
    const clauses = sentence.clauses.filter((clause) => clause.words.some((word) => !EMPTY_WORDS.has(word)));
    if (clauses.length === 0) return [];
    const answered = clauses.map((clause) => ({
      clause,
      capabilities: relevant(clause.words, capabilities),
    }));
    return [
      combine({
        source: { kind: 'description', sentence: sentence.number },
        text: sentence.text,
        parts: answered.map(({ clause, capabilities: found }) => ({
          text: clause.text,
          capabilities: found,
        })),
      }),
    ];
  });
}

/** One row for a piece of request text (a story, a sentence) answered by some capabilities per part. */
export function combine(params: {
  source: RequirementSource;
  text: string;
  parts: readonly { readonly text: string; readonly capabilities: readonly Capability[] }[];
  extraGaps?: readonly string[];
}): RequirementCoverage {
  const generated = params.parts.map((part) => ({
    ...part,
    capabilities: part.capabilities.filter((capability) => capability.notGenerated === undefined),
  }));
  // Two capabilities may give one reason (a route and the rule it breaks): it is said once.
  const gaps = unique([
    ...params.parts.flatMap((part, index) => {
      const skipped = part.capabilities.filter((capability) => capability.notGenerated !== undefined);
      if (skipped.length > 0)
        return skipped.map((capability) => `"${part.text}": ${capability.notGenerated ?? ''}`);
      return (generated[index]?.capabilities.length ?? 0) > 0
        ? []
        : [`"${part.text}": nothing was generated for this`];
    }),
    ...generated.flatMap((part, index) =>
      numbersNotGenerated(
        part,
        (params.parts[index]?.capabilities ?? []).flatMap((capability) => capability.notGenerated ?? []),
      ),
    ),
    ...generated.flatMap((part) => channelsNotGenerated(part)),
    ...generated.flatMap((part) =>
      part.capabilities.flatMap((capability) =>
        [...(capability.compare?.(part.text) ?? []), ...(capability.unmetBy?.(part.text) ?? [])].map(
          (gap) => `"${part.text}": ${gap}`,
        ),
      ),
    ),
    ...unique(generated.flatMap((part) => part.capabilities.flatMap((capability) => capability.gaps ?? []))),
    ...(params.extraGaps ?? []),
  ]);
  const used = unique(generated.flatMap((part) => part.capabilities));
  const anyGenerated = used.length > 0;
  return {
    source: params.source,
    text: params.text,
    status: !anyGenerated ? 'not_covered' : gaps.length > 0 ? 'partial' : 'covered',
    ...(anyGenerated
      ? { implementedBy: unique(used.map((capability) => capability.implementedBy)).join('; ') }
      : {}),
    tests: uniqueTests(used.flatMap((capability) => capability.tests)),
    resources: unique(used.flatMap((capability) => capability.resources)),
    gaps,
  };
}

/**
 * A channel a part asks to reach someone by (`I get an email when…`, `text me`) that none of its
 * generated capabilities delivers by: a topic or an event is not an email, so the part is not met,
 * and the row says what would build it.
 */
function channelsNotGenerated(part: {
  readonly text: string;
  readonly capabilities: readonly Capability[];
}): string[] {
  const delivered = new Set(part.capabilities.flatMap((capability) => capability.channels ?? []));
  return channelsNamed(part.text)
    .filter((channel) => !delivered.has(channel.name))
    .map(
      (channel) =>
        `"${part.text}": ${channel.label} is asked for, but nothing generated sends one (${channel.how} would)`,
    );
}

/**
 * A number as written, decimals whole (`3.5`), not part of a word, a version (`1.2.3`), a name (`v2`,
 * `x-1`) or an address (`10.0.0.0/16`: the prefix length after the slash is no value asked).
 */
const NUMBER = /(?<![\w./-])\d+(?:\.\d+)?(?![\w/-]|\.\d)/g;

/**
 * A number a clause asks for (`retried 3 times`, `at most 5 at a time`) that no capability answering
 * it uses is a value the blueprint did not generate: the clause cannot count as covered by a
 * capability that merely shares its words. A number the part's not-generated reasons already name
 * (`notGenerated`: an age past S3's limit) is said there, not again. Digits only, outside links (a
 * port in a URL asks for nothing); numbers compare by value (`07` is 7, and `3.5` is not 3).
 */
function numbersNotGenerated(
  part: {
    readonly text: string;
    readonly capabilities: readonly Capability[];
  },
  notGenerated: readonly string[] = [],
): string[] {
  if (part.capabilities.length === 0) return [];
  if (part.capabilities.some((capability) => capability.compare !== undefined)) return [];
  const generatedValues = new Set(
    [...part.capabilities.map((capability) => capability.implementedBy), ...notGenerated].flatMap((text) =>
      (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number),
    ),
  );
  const missing = unique(
    (withoutLinks(part.text).match(NUMBER) ?? []).map(Number).filter((value) => !generatedValues.has(value)),
  );
  return missing.map(
    (value) => `"${part.text}": ${value} is not a value of what was generated; set it by hand or ask again`,
  );
}

/**
 * The capabilities a clause asks for, less those a more specific one explains: a capability whose
 * asking words all belong to a longer matched set of another stands aside (`notified when an archive
 * lands` is the object notification, not also the bare topic; `status change events` beats the
 * not-generated `events`). An ask the blueprint did not generate, named by words nothing generated
 * explains (`a low-stock alert is sent`, next to `send ... product`), is kept, so the row says so.
 */
function relevant(words: readonly string[], capabilities: readonly Capability[]): Capability[] {
  const asked = capabilitiesAskedBy(words, capabilities).map((capability) => ({
    capability,
    words: askedWords(words, capability),
  }));
  const kept = asked
    .filter(
      (one) =>
        !asked.some(
          (other) =>
            other !== one &&
            other.capability.notGenerated === undefined &&
            other.words.length > one.words.length &&
            one.words.every((word) => other.words.includes(word)),
        ),
    )
    .map(({ capability }) => capability);
  return answering(words, kept);
}

function uniqueTests(tests: readonly TestEvidence[]): TestEvidence[] {
  const seen = new Map(tests.map((test) => [`${test.path}\n${test.title}`, test]));
  return [...seen.values()];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
