import type { ChecksState } from './combine-checks.js';

/**
 * Why the agent does not act on `sha` as code it validated (plain text), or undefined when its own
 * validation check passed there (`ChecksVerdict.validation` is `success`). A head someone else
 * pushed gets no validation check (`none`: nothing re-runs the gates on a person's push), and a
 * failing or still running one is not a pass. The one rule merge-when-green and deploy on merge
 * share (DESIGN §5b: the agent ships only code it validated).
 */
export function validationRefusal(validation: ChecksState, sha: string): string | undefined {
  const short = sha.slice(0, 7);
  switch (validation) {
    case 'success':
      return undefined;
    case 'none':
      return `implementation-agent never validated ${short} (a push after its own?)`;
    case 'failure':
      return `implementation-agent's validation failed on ${short}`;
    case 'pending':
      return `implementation-agent's validation is still running on ${short}`;
  }
}
