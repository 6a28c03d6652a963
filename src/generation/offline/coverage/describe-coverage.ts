import type {
  RequirementCoverage,
  RequirementSource,
  TestEvidence,
} from '../../../core/bundle/requirement-coverage.js';
import type { DescriptionSentence } from '../naming/description-sentences.js';
import { askedSize, capabilitiesAskedBy } from './capability.js';
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
  const gaps = [
    ...params.parts.flatMap((part, index) => {
      const skipped = part.capabilities.filter((capability) => capability.notGenerated !== undefined);
      if (skipped.length > 0)
        return skipped.map((capability) => `"${part.text}": ${capability.notGenerated ?? ''}`);
      return (generated[index]?.capabilities.length ?? 0) > 0
        ? []
        : [`"${part.text}": nothing was generated for this`];
    }),
    ...unique(generated.flatMap((part) => part.capabilities.flatMap((capability) => capability.gaps ?? []))),
    ...(params.extraGaps ?? []),
  ];
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
 * The capabilities a clause asks for. An ask the blueprint knows it did not generate counts only
 * when nothing generated matches the clause more specifically (`status change events` beats `events`).
 */
function relevant(words: readonly string[], capabilities: readonly Capability[]): Capability[] {
  const asked = capabilitiesAskedBy(words, capabilities);
  const size = (capability: Capability) => askedSize(words, capability);
  const best = Math.max(0, ...asked.filter((capability) => capability.notGenerated === undefined).map(size));
  return asked.filter((capability) => capability.notGenerated === undefined || size(capability) >= best);
}

function uniqueTests(tests: readonly TestEvidence[]): TestEvidence[] {
  const seen = new Map(tests.map((test) => [`${test.path}\n${test.title}`, test]));
  return [...seen.values()];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
