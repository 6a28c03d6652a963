import type { OutcomeReasonCode } from './outcome-reason-code.js';

/**
 * What a deploy run reports beside its status: the fields of the deploy result that outcomes,
 * outputs and records read. The deploy run's full result (`aws/cloudformation/deploy-result.ts`)
 * has this shape and more.
 */
export interface DeployReport {
  /** Why the deploy ended as it did: `deployed`, `no-changes`, `dry-run`, `failed`, `timed-out`, `blocked`, `cancelled`. */
  readonly reason: string;
  /** One line of markdown for people. */
  readonly message: string;
  readonly stackName: string;
  readonly environmentUrl?: string;
  /** The change set in full, for the job summary when the PR comment had to cut it. */
  readonly changeSummary?: { readonly truncated: boolean; readonly fullText: string };
}

/** Fields every outcome may carry: the reason code, when the use case knows better than its status. */
interface OutcomeBase {
  readonly reasonCode?: OutcomeReasonCode;
}

/**
 * How one use case ended (DESIGN §3): a status, a reason code (`reasonCodeOf`) and the details of
 * that status. Every entry point (app, Action, CLI) renders this one type: the status comment, the
 * Action's `result` output (`toOutcomeResult`) and the task record (`summarizeOutcome`).
 */
export type TaskOutcome = OutcomeBase &
  (
    | {
        readonly status: 'ignored';
        readonly reason: string;
        /** For people, when the channel should answer whoever asked (a repeated `/implement`). */
        readonly message?: string;
      }
    | {
        readonly status: 'pr_open';
        readonly taskId: string;
        readonly issueNumber: number;
        readonly pullNumber: number;
        readonly pullUrl: string;
        readonly commitSha: string;
        readonly created: boolean;
        /** The task's model cost so far (US dollars): the record's `cost_usd`, every attempt counted. */
        readonly costUsd: number;
      }
    | {
        readonly status: 'deployment_created';
        readonly deploymentId: number;
        readonly environment: string;
        readonly sha: string;
        readonly dryRun: boolean;
        /** One markdown paragraph for people: what was deployed where, what it waits behind. */
        readonly message?: string;
      }
    /** A command was answered with a comment (help, status, a refusal) and nothing else changed. */
    | { readonly status: 'answered'; readonly message: string }
    | {
        readonly status: 'held' | 'refused' | 'invalid_request' | 'invalid_config' | 'failed';
        readonly taskId?: string;
        readonly issueNumber?: number;
        readonly message: string;
        /** The task's model cost so far (US dollars, the record's `cost_usd`), when a generation ran. */
        readonly costUsd?: number;
      }
    /** A pull request's review, merge, close or reopening, as its task now stands (DESIGN §4). */
    | {
        readonly status: 'approved' | 'awaiting_review' | 'changes_requested' | 'merged' | 'cancelled';
        readonly taskId: string;
        readonly issueNumber: number;
        readonly pullNumber: number;
        readonly headSha: string;
        /** Reviewers whose approval of `headSha` counts; empty unless approved. */
        readonly approvedBy: readonly string[];
        readonly message: string;
        /** Manual mode's push review: how many findings the gates made on `headSha`. */
        readonly findings?: number;
      }
    /**
     * `/cancel` stopped a queued or running task, or a run stopped at its next step because the
     * task was cancelled (`pipeline/control`); `pullNumber` when a pull request was opened or
     * updated before the cancel was seen.
     */
    | {
        readonly status: 'cancelled';
        readonly taskId: string;
        readonly issueNumber: number;
        readonly message: string;
        readonly pullNumber?: number;
      }
    /**
     * The CLI committed the change to its local branch (`changed: false`: the branch already held
     * this output at `commit`); no pull request exists locally.
     */
    | {
        readonly status: 'committed';
        readonly taskId: string;
        readonly branch: string;
        readonly commit: string;
        readonly changed: boolean;
        readonly message: string;
        /** The task's model cost so far (US dollars, the record's `cost_usd`). */
        readonly costUsd?: number;
      }
    /** A deploy run (mode deploy) carried its deployment out. */
    | { readonly status: 'deployed'; readonly deploymentId: number; readonly result: DeployReport }
    /** A deploy run ended its deployment as failed; `result` is absent when no stack operation ran. */
    | {
        readonly status: 'deploy_failed';
        readonly deploymentId: number;
        readonly message: string;
        readonly result?: DeployReport;
        /**
         * The environment and commit of the deployment, when the outcome is the use case's own
         * (`deployment_unstartable`: no deploy run will report it): the caller records the
         * environment as `deploy_failed` with them (`unstartableDeploySteps`).
         */
        readonly environment?: string;
        readonly sha?: string;
        /** The task the deployment was for (its payload's `task_id`), when the use case made it. */
        readonly taskId?: string;
        /** A dry run's deployment (a change set only): it moves no environment's deploy state. */
        readonly dryRun?: boolean;
      }
  );

export type TaskOutcomeStatus = TaskOutcome['status'];

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
