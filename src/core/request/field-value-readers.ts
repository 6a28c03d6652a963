import { DEFAULT_STRATEGY_OPTION } from './issue-form-fields.js';

const LIST_MARKER = /^\s*(?:[-*+]|\d{1,3}[.)])(?:\s+|$)(?:\[[ xX]\](?:\s+|$))?/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const NO_CHOICE = new Set([DEFAULT_STRATEGY_OPTION, 'none', 'default', '']);

/** A dropdown or choice input: compared case-insensitively, so a hand-edited "Application" still counts. */
export function readChoice(value: string): string {
  return value.trim().toLowerCase();
}

/** The strategy choice, or undefined for "none / default" (the environment's configured strategy applies). */
export function readStrategyChoice(value: string): string | undefined {
  const choice = readChoice(value);
  return NO_CHOICE.has(choice) ? undefined : choice;
}

/** One story per non-empty line, with list markers and task-list boxes taken off. */
export function readStoryLines(value: string): string[] {
  return value
    .split(/\r\n?|\n/)
    .map((line) => line.replace(LIST_MARKER, '').trim())
    .filter((line) => line.length > 0);
}

/**
 * A score as a number. Anything that is not plainly a number stays the text it was, so validation
 * reports it against the field instead of it becoming NaN.
 */
export function readScore(value: string): number | string {
  const trimmed = value.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}
