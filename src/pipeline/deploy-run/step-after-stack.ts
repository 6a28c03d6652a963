import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import { describeAwsError } from '../../aws/cloudformation/describe-aws-error.js';

/**
 * Runs a step that comes after CloudFormation has finished (following the traffic shift, the bake
 * window, releasing the lock, posting the report). The stack's outcome is already real, so a
 * failing step never replaces it: it yields `fallback` and a warning naming what failed and, for an
 * AWS access error, the missing permission (`describeAwsError`).
 */
export async function stepAfterStack<T>(
  params: { what: string; fallback: T; log: (line: string) => void },
  step: () => Promise<T>,
): Promise<{ value: T; warning?: string }> {
  try {
    return { value: await step() };
  } catch (error) {
    const { name, message, advice } = describeAwsError(error);
    // AWS's words are untrusted text in the report's markdown; the advice is ours.
    const warning = `${params.what} failed (${untrustedInline(`${name}: ${message}`)}).${advice ? ` ${advice}` : ''}`;
    params.log(warning);
    return { value: params.fallback, warning };
  }
}
