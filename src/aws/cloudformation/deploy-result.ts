import type { ChangeSetSummary } from './summarize-change-set.js';

/**
 * Why the deploy ended as it did. `dry-run` means the change set was computed, reported and
 * deleted without running; `refused` that it was computed, reported and deleted without running
 * because the caller refused what it would do (`refuseChanges`): nothing changed.
 */
export type DeployReason =
  'deployed' | 'no-changes' | 'dry-run' | 'failed' | 'timed-out' | 'blocked' | 'cancelled' | 'refused';

/** The resource whose failure made CloudFormation roll back, from the stack's own events. */
export interface FailingResource {
  readonly logicalId: string;
  readonly resourceType: string;
  /** CREATE_FAILED, UPDATE_FAILED, ... */
  readonly status: string;
  readonly reason: string;
}

/** One deploy's record: what the deployment status, the PR comment and the mirrors all read. */
export interface DeployResult {
  readonly reason: DeployReason;
  /** The GitHub deployment status to set; every path ends in one, and a timeout is a failure. */
  readonly finalStatus: 'success' | 'failure';
  /**
   * One line of markdown for people: what happened and, on failure, what to do. Our commands are
   * code spans; AWS's names and messages were escaped where inserted (`core/markdown`), so it is
   * posted as is. Fields GitHub shows unrendered take its `plainText`.
   */
  readonly message: string;
  readonly stackName: string;
  /** The stack's status when the deploy stopped watching; absent when there is no stack. */
  readonly stackStatus?: string;
  readonly changeSetId?: string;
  readonly changeSetType?: 'CREATE' | 'UPDATE';
  readonly changeSummary?: ChangeSetSummary;
  readonly failingResource?: FailingResource;
  readonly outputs: Readonly<Record<string, string>>;
  readonly environmentUrl?: string;
  /** The AWS error behind a failure, when one was thrown. */
  readonly error?: { readonly name: string; readonly message: string };
  /** Problems that did not change the outcome (for example, termination protection not set); markdown like `message`. */
  readonly warnings: readonly string[];
}
