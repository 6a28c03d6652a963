/** How one event ended for the pipeline: what entry points log, output and exit with. */
export type TaskOutcome =
  | { readonly status: 'ignored'; readonly reason: string }
  | {
      readonly status: 'pr_open';
      readonly taskId: string;
      readonly issueNumber: number;
      readonly pullNumber: number;
      readonly pullUrl: string;
      readonly commitSha: string;
      readonly created: boolean;
      readonly costUsd: number;
    }
  | {
      readonly status: 'deployment_created';
      readonly deploymentId: number;
      readonly environment: string;
      readonly sha: string;
      readonly dryRun: boolean;
    }
  /** A command was answered with a comment (help, status, a refusal) and nothing else changed. */
  | { readonly status: 'answered'; readonly message: string }
  | {
      readonly status: 'awaiting_approval' | 'refused' | 'invalid_request' | 'invalid_config' | 'failed';
      readonly taskId?: string;
      readonly issueNumber?: number;
      readonly message: string;
    };

const FAILURE_STATUSES: ReadonlySet<string> = new Set([
  'invalid_request',
  'invalid_config',
  'failed',
  'deploy_failed',
]);

/** Outcomes (of a task or a deploy) that mean the work was not carried out; the Action fails its job on these. */
export function isFailureOutcome(outcome: { readonly status: string }): boolean {
  return FAILURE_STATUSES.has(outcome.status);
}
