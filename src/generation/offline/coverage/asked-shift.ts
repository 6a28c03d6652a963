import type { BlueprintInput } from '../blueprint-input.js';
import { requestedShift } from './requested-shift.js';
import type { RequestedShift } from './requested-shift.js';

/** Words by which a sentence speaks of how a release moves traffic, so its minutes are a shift's and not a business rule's. */
const RELEASE_WORDS = new Set([
  'canary',
  'linear',
  'linearly',
  'rollout',
  'shift',
  'shifts',
  'shifting',
  'traffic',
  'percent',
  '%',
]);

/**
 * The percentage and interval the description asks a release to move traffic by (`a linear rollout,
 * 10 percent every 3 minutes` → linear, 10, 3), from the first sentence about a release that names
 * one; undefined when none does. `cancel within 30 minutes` is no shift: its sentence names no release.
 */
export function askedShift(input: Pick<BlueprintInput, 'descriptionSentences'>): RequestedShift | undefined {
  for (const sentence of input.descriptionSentences) {
    const words =
      sentence.text
        .toLowerCase()
        .replace(/%/g, ' % ')
        .match(/[a-z0-9%]+/g) ?? [];
    if (!words.some((word) => RELEASE_WORDS.has(word))) continue;
    const shift = requestedShift(words);
    if (shift?.percent !== undefined || shift?.minutes !== undefined) return shift;
  }
  return undefined;
}

/** `{ asked }` for trafficShiftingPart when the description asks for a shift, else nothing (exactOptionalPropertyTypes). */
export function optionalAsked(
  input: Pick<BlueprintInput, 'descriptionSentences'>,
): { asked: RequestedShift } | Record<string, never> {
  const asked = askedShift(input);
  return asked === undefined ? {} : { asked };
}
