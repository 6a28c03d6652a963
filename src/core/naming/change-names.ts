import type { RequestPayload } from '../request/execution-request.js';
import { redactSecrets } from '../secrets/redact-secrets.js';
import { branchNameFor } from './branch-name.js';

/** What a task's change is called wherever it lands: a GitHub pull request or a local branch. */
export interface ChangeNames {
  /** `implementation/<issue>-<slug>`, or `implementation/local-<slug>` off GitHub. */
  readonly branch: string;
  readonly commitMessage: string;
  readonly title: string;
}

/**
 * The branch, commit message and pull request title of a request's change, the same for the app,
 * the Action and the CLI. `attempt` counts the task's runs (GitHub keeps it in the status marker);
 * a runtime that keeps no count leaves it out. The branch is slugged from the task name with its
 * secrets redacted first (`redactSecrets`: a token becomes `[REDACTED:github-token]`, slugged
 * `redacted-github-token`): a slug lowercases a token, which its own checksum restores, and the
 * branch is pushed, named in comments and records and, off GitHub, is the task id and every
 * artifact key. The commit message and title keep the name as written; their sinks redact them.
 * Throws when the scanner fails, so no name goes out unchecked.
 */
export async function changeNamesFor(params: {
  request: RequestPayload;
  issueNumber?: number;
  attempt?: number;
}): Promise<ChangeNames> {
  const exec = params.request.execution_request;
  const attempt = params.attempt === undefined ? '' : `, attempt ${params.attempt}`;
  return {
    branch: branchNameFor({
      taskName: await redactSecrets(exec.task_name),
      ...(params.issueNumber === undefined ? {} : { issueNumber: params.issueNumber }),
    }),
    commitMessage: `Implement ${exec.task_name} (${exec.task_type}${attempt})`,
    title: `${exec.task_name}: ${exec.task_type} implementation`,
  };
}
