import { renderStatusComment } from '../../../../src/core/render/status-comment.js';
import { parseStateMarker, type TaskMarker } from '../../../../src/core/state/state-marker.js';
import type { fakeGitHub } from './deploy-run-harness.js';

/**
 * Gives the harness's GitHub issue 1's status comment (the task of the harness payload, signed by
 * `bot` with `key`), edited in place; returns a reader of its marker as it now stands.
 */
export function withStatusComment(
  github: ReturnType<typeof fakeGitHub>,
  signer: { bot: string; key: Buffer },
): () => TaskMarker {
  const marker: TaskMarker = {
    task_id: 'acme/shop#1',
    state: 'merged',
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-24T08:00:00.000Z',
    version: 9,
  };
  const status = {
    id: 900,
    user: { login: signer.bot, type: 'Bot' },
    body: renderStatusComment({ marker, signingKey: signer.key }),
  };
  const issues = github.client.issues;
  github.client.issues = {
    ...issues,
    listComments: async (p) => ({ data: p.issue_number === 1 && p.page === 1 ? [status] : [] }),
    updateComment: async (p) => {
      if (p.comment_id === 900) status.body = p.body;
      return {};
    },
    getComment: async () => ({ data: { body: status.body, user: status.user } }),
  };
  return () => {
    const now = parseStateMarker(status.body);
    if (now === undefined) throw new Error('the status comment lost its marker');
    return now;
  };
}
