import { z } from 'zod';
import { truncateToSize } from '../markdown/truncate-to-size.js';
import { OUTCOME_REASON_CODES } from './outcome-reason-code.js';
import { toOutcomeResult } from './outcome-result.js';
import type { TaskOutcome } from './task-outcome.js';

/** Long enough for any one-line message we write; short enough that a record stays far below DynamoDB's 400 KB item limit. */
const MAX_TEXT_CHARS = 2000;

/**
 * The last outcome as a task record keeps it (DESIGN §3): the result's version, status, reason
 * code and message, and its scalar details (ids, numbers, flags). Nested reports (a deploy's change
 * set) stay in the Action output and the deployments bucket, so a record never outgrows its item.
 */
export const outcomeSummarySchema = z.looseObject({
  version: z.number().int().positive(),
  status: z.string().min(1),
  reasonCode: z.enum(OUTCOME_REASON_CODES),
  message: z.string(),
});

export type OutcomeSummary = z.infer<typeof outcomeSummarySchema>;

export function summarizeOutcome(outcome: TaskOutcome): OutcomeSummary {
  const summary: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(toOutcomeResult(outcome))) {
    if (typeof value === 'string') summary[name] = fitText(value);
    else if (typeof value === 'number' || typeof value === 'boolean') summary[name] = value;
  }
  return outcomeSummarySchema.parse(summary);
}

function fitText(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  return `${truncateToSize({ text, max: MAX_TEXT_CHARS - 1, unit: 'characters' })}…`;
}
