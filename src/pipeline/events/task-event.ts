import type { RequestParseResult } from '../../core/request/request-parse-result.js';
import type { Account } from '../../core/review/account.js';
import type { PullRequestTaskEvent } from '../review/classify-pull-request-event.js';

/** The repository an event happened in, as the pipeline needs it. */
export interface RepositoryRef {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
}

/**
 * What an incoming event asks of the pipeline, decided from the payload alone (no API calls), so
 * ordinary issues and conversation cost nothing.
 */
export type TaskEvent =
  | {
      readonly kind: 'issue-request';
      readonly repository: RepositoryRef;
      readonly issueNumber: number;
      readonly issueBody: string;
      readonly requester: string;
      /** The requester's GitHub account id (the sender's `id`; stays through a rename), when given. */
      readonly requesterId?: number;
      /** The requester's account type (the sender's `type`: `User`, `Bot`…), when given. */
      readonly requesterType?: string;
      /**
       * On a labeling, who opened the issue and wrote its body (the payload's `issue.user`), when
       * given; on an opening the requester is its author.
       */
      readonly issueAuthor?: Account;
      /** `labeled` only starts a task the issue does not already have. */
      readonly trigger: 'opened' | 'labeled';
      /** Labels that made this a candidate; checked against the configured trigger label. */
      readonly labels: readonly string[];
      /** The issue form's sections are present, which makes it a request whatever its labels. */
      readonly fromForm: boolean;
      /** `opened`, or `labeled@<issue updated_at>`: one labeling, whichever delivery brings it. */
      readonly triggerKey: string;
    }
  | {
      readonly kind: 'implement-comment';
      readonly repository: RepositoryRef;
      readonly issueNumber: number;
      readonly issueBody: string;
      readonly commentId: number;
      readonly commentBody: string;
      /** When GitHub says the comment was written (ISO 8601). */
      readonly commentedAt: string;
      readonly requester: string;
      /** The requester's GitHub account id (the sender's `id`; stays through a rename), when given. */
      readonly requesterId?: number;
      /** The requester's account type (the sender's `type`: `User`, `Bot`…), when given. */
      readonly requesterType?: string;
      /**
       * Who opened the issue and wrote its body (the payload's `issue.user`), when given: the
       * request's author when the comment holds no request of its own.
       */
      readonly issueAuthor?: Account;
      /** `comment:<id>`. */
      readonly triggerKey: string;
    }
  | {
      readonly kind: 'approve-comment';
      readonly repository: RepositoryRef;
      readonly issueNumber: number;
      readonly issueBody: string;
      readonly commentId: number;
      readonly approver: string;
      /** The approver's GitHub account id (the sender's `id`), when given. */
      readonly approverId?: number;
      /** The approver's account type (the sender's `type`), when given. */
      readonly approverType?: string;
      /** `comment:<id>`. */
      readonly triggerKey: string;
    }
  | {
      /** Any other slash command; it is parsed again once the configured environments are known. */
      readonly kind: 'chat-command';
      readonly repository: RepositoryRef;
      readonly issueNumber: number;
      readonly onPullRequest: boolean;
      readonly commentId: number;
      readonly commentBody: string;
      readonly commentedAt: string;
      readonly author: string;
      /** The author's GitHub account id (the sender's `id`), when given. */
      readonly authorId?: number;
    }
  | {
      readonly kind: 'dispatch';
      readonly repository: RepositoryRef;
      readonly request: RequestParseResult;
      readonly requester: string;
      /** The requester's GitHub account id (the sender's `id`; stays through a rename), when given. */
      readonly requesterId?: number;
      /** The requester's account type (the sender's `type`: `User`, `Bot`…), when given. */
      readonly requesterType?: string;
      /** `dispatchRequestId`: the same request dispatched again finds the task the first one started. */
      readonly requestId: string;
      /** `dispatch:<request id>`. */
      readonly triggerKey: string;
    }
  | {
      /**
       * Someone rewrote an issue's body (`issues.edited` with `changes.body`): recorded on the
       * issue's task, if it has one, as whose text a later run of the body is (`recordRequestEdit`).
       */
      readonly kind: 'request-edited';
      readonly repository: RepositoryRef;
      readonly issueNumber: number;
      /** The delivery's sender, as GitHub names who edited. */
      readonly editor: Account;
      /** `edited@<issue updated_at>`: one edit, whichever delivery brings it. */
      readonly triggerKey: string;
    }
  /** A pull request's review, merge, close or reopening (guided mode, `pipeline/review`). */
  | PullRequestTaskEvent
  | { readonly kind: 'ignored'; readonly reason: string };
