import { summarizeOutcome, type OutcomeSummary } from '../../core/outcome/outcome-summary.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import { redactEventText } from '../../core/task/redact-event-text.js';
import type { MoveOptions } from './move-options.js';

/**
 * The free text a move brings into the record — the request's task name, the outcome's texts, a
 * step's environment URL — with secrets redacted (`redactEventText`), as the prompt sent to the
 * model is: the record goes to the marker, the mirrors and the bus. The move's `details`, the
 * comment's visible text (often the outcome's message again, or an error's), are redacted by the
 * same path (`redactSecrets`), so the comment never shows what its marker withholds.
 */
export async function redactedTexts(
  options: MoveOptions,
): Promise<Pick<MoveOptions, 'request' | 'steps' | 'details'> & { summary?: OutcomeSummary }> {
  const exec = options.request?.execution_request;
  const taskName =
    exec === undefined
      ? undefined
      : (await redactEventText({ type: 'task_received', task_name: exec.task_name })).task_name;
  const summary =
    options.outcome === undefined
      ? undefined
      : (await redactEventText({ type: 'outcome_recorded', outcome: summarizeOutcome(options.outcome) }))
          .outcome;
  const steps =
    options.steps === undefined ? undefined : await Promise.all(options.steps.map(redactEventText));
  const details = options.details === undefined ? undefined : await redactSecrets(options.details);
  return {
    ...(options.request === undefined || exec === undefined || taskName === undefined
      ? {}
      : { request: { ...options.request, execution_request: { ...exec, task_name: taskName } } }),
    ...(summary === undefined ? {} : { summary }),
    ...(steps === undefined ? {} : { steps }),
    ...(details === undefined ? {} : { details }),
  };
}
