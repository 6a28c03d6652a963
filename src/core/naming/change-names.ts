import type { RequestPayload } from '../request/execution-request.js';
import { branchNameFor } from './branch-name.js';

/** What a task's change is called wherever it lands: a GitHub pull request or a local branch. */
export interface ChangeNames {
  /** `implementation/<issue>-<slug>`, or `implementation/local-<slug>` off GitHub. */
  readonly branch: string;
  readonly commitMessage: string;
  readonly title: string;
}

/**
 * The branch, commit message and pull request title of a request's change. `attempt` counts the
 * task's runs (GitHub keeps it in the status marker); a runtime that keeps no count leaves it out.
 */
export function changeNamesFor(params: {
  request: RequestPayload;
  issueNumber?: number;
  attempt?: number;
}): ChangeNames {
  const exec = params.request.execution_request;
  const attempt = params.attempt === undefined ? '' : `, attempt ${params.attempt}`;
  return {
    branch: branchNameFor({
      taskName: exec.task_name,
      ...(params.issueNumber === undefined ? {} : { issueNumber: params.issueNumber }),
    }),
    commitMessage: `Implement ${exec.task_name} (${exec.task_type}${attempt})`,
    title: `${exec.task_name}: ${exec.task_type} implementation`,
  };
}
