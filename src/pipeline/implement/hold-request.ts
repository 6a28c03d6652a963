import { codeBlock } from '../../core/markdown/code-block.js';
import { describeRequestChanges } from '../../core/request/describe-request-changes.js';
import type { RequestPayload } from '../../core/request/execution-request.js';
import { heldRequestText } from '../../core/request/held-request-text.js';
import { heldTextDigest } from '../../core/request/held-text-digest.js';
import { redactSecrets } from '../../core/secrets/redact-secrets.js';
import type { TaskState } from '../../core/state/task-state.js';
import type { CommentClient } from '../../github/post-comment.js';
import { refuseIllegalMove } from '../task/refuse-illegal-move.js';
import type { StatusBoard } from '../task/status-board.js';
import { requesterPastBound, requesterPatch, type Requester } from '../task/requester-patch.js';
import { stopForUnknownEditors } from './stop-for-unknown-editors.js';
import type { RepositoryRef } from '../events/task-event.js';
import type { TaskOutcome } from '../task/task-outcome.js';

/**
 * Holds a request for a maintainer's `/approve` (DESIGN §5a): the status comment shows the exact
 * request text (`heldRequestText`, secrets redacted) and its marker records that text's sha256, so
 * `/approve` can release only what was shown. `why` says why it is held: a requester without write
 * access, or a held request that changed (`changedFrom`: the request as held, when it can still be
 * read, to list what changed).
 */
export async function holdRequest(params: {
  client: CommentClient;
  repository: RepositoryRef;
  issueNumber: number;
  taskId: string;
  board: StatusBoard;
  from: TaskState | undefined;
  /** Who asked: their login (named in the hold) and account id, recorded on the marker. */
  requester: Requester;
  payload: RequestPayload;
  /** The `/implement` comment holding the request; undefined when it is the issue body. */
  requestCommentId: number | undefined;
  why: { kind: 'no-write-access' } | { kind: 'changed'; changedFrom: unknown };
}): Promise<TaskOutcome> {
  const { board, requester, repository, issueNumber, taskId } = params;
  // Nobody who asked or wrote the request is dropped to fit the marker: past its bounds nothing is held.
  const pastBound = requesterPastBound(requester);
  if (pastBound !== undefined) {
    const { from: state } = params;
    return stopForUnknownEditors({
      board,
      state,
      statusBody: undefined,
      taskId,
      issueNumber,
      why: pastBound,
    });
  }
  const refused = await refuseIllegalMove({ ...params, requester: requester.login, to: 'held' });
  if (refused) return { ...refused, taskId, issueNumber };
  const text = heldRequestText(params.payload);
  const digest = heldTextDigest(text);
  const message = heldMessage({
    why: params.why,
    payload: params.payload,
    requester: requester.login,
    repository,
  });
  const recorded = requesterPatch(requester);
  const shown = [
    message,
    `**The request held** (sha256 \`${digest}\`); \`/approve\` runs exactly this text, and a request changed after this is held again:`,
    codeBlock({ text: await redactSecrets(text), language: 'json' }),
  ].join('\n\n');
  const outcome: TaskOutcome = {
    status: 'held',
    reasonCode: params.why.kind === 'changed' ? 'held_request_changed' : 'requester_lacks_write_access',
    taskId,
    issueNumber,
    message,
  };
  await board.move('held', {
    request: params.payload,
    outcome,
    patch: {
      request_digest: digest,
      // The outsider who asked stays the requester once a maintainer's `/approve` releases it.
      ...recorded.patch,
      ...(params.requestCommentId === undefined ? {} : { request_comment_id: params.requestCommentId }),
    },
    clear: [
      ...recorded.clear,
      ...(params.requestCommentId === undefined ? ['request_comment_id' as const] : []),
    ],
    details: shown,
  });
  return outcome;
}

function heldMessage(params: {
  why: Parameters<typeof holdRequest>[0]['why'];
  payload: RequestPayload;
  requester: string;
  repository: RepositoryRef;
}): string {
  const { owner, repo } = params.repository;
  if (params.why.kind === 'no-write-access') {
    return (
      `@${params.requester} does not have write access to ${owner}/${repo}, so this request was not run yet. ` +
      'A maintainer (write, maintain or admin) can comment `/approve` to run this request.'
    );
  }
  const { changedFrom } = params.why;
  const changes =
    changedFrom === undefined ? '' : describeRequestChanges({ before: changedFrom, after: params.payload });
  const what =
    changedFrom === undefined
      ? 'The request held before can no longer be shown, so the change cannot be listed; the request as it is now is below.'
      : changes === ''
        ? 'No field changed, but the text that was held did.'
        : `What changed:\n\n${changes}`;
  return (
    `The request changed after it was held, so \`/approve\` did not run it; nothing was generated. ${what}\n\n` +
    'It is held again as it is now: a maintainer (write, maintain or admin) can comment `/approve` to run this version.'
  );
}
