import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import type { RepositoryPermission } from '../../../src/core/deploy/repository-permission.js';
import { reasonCodeOf } from '../../../src/core/outcome/outcome-reason-code.js';
import { readStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { StatusCommentRef } from '../../../src/github/status-comment.js';
import type { TaskClient } from '../../../src/github/task-client.js';
import type { TaskEventDependencies } from '../../../src/pipeline/events/task-event-dependencies.js';
import { approveHeldRequest } from '../../../src/pipeline/implement/approve-held-request.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { heldDigestOf, TEST_MARKER_KEYS } from '../../entry/app/agent-status.js';
import { readExample } from '../../fixtures/webhook-payloads.js';

/*
 * The approve use case called directly, as a REST channel or a review would: plain inputs (the
 * approver's login and permission), no comment event and nothing to answer with. Each test is one
 * reason code of its outcome; what it writes is only the task's own status comment.
 */

const REQUEST_COMMENT_ID = 555;
const REQUEST = readExample('orders-api.request.json').trim();
const implement = (request: string) => ['/implement', '', '```json', request, '```'].join('\n');

const heldMarker = {
  task_id: 'acme/shop#7',
  state: 'held',
  attempt: 0,
  cost_usd: 0,
  updated_at: '2026-11-24T10:00:00.000Z',
  request_digest: heldDigestOf(implement(REQUEST)),
  request_comment_id: REQUEST_COMMENT_ID,
  requester: 'outsider',
} as TaskMarker;

function statusOf(marker: TaskMarker, trust: StatusCommentRef['trust'] = 'trusted'): StatusCommentRef {
  return {
    commentId: 900,
    marker,
    trust,
    reason: trust === 'trusted' ? 'is signed' : 'is not signed',
    body: '',
  };
}

/**
 * GitHub as the use case may see it: the held `/implement` comment (`404`: deleted) and the task's
 * status comment, whose writes are recorded. Any other call fails the test.
 */
function github(heldComment: string | 404) {
  const written: string[] = [];
  const issues = {
    getComment: async () => {
      if (heldComment === 404) throw Object.assign(new Error('Not Found'), { status: 404 });
      return { data: { body: heldComment } };
    },
    listComments: async () => ({ data: [] }),
    createComment: async ({ body }: { body: string }) => {
      written.push(body);
      return { data: { id: 900 } };
    },
    updateComment: async ({ body }: { body: string }) => {
      written.push(body);
      return {};
    },
  };
  const client = new Proxy(
    { issues },
    {
      get: (target, name) => {
        if (name === 'issues') return target.issues;
        throw new Error(`unexpected GitHub call: ${String(name)}`);
      },
    },
  ) as unknown as TaskClient;
  return { client, written, lastState: () => readStateMarker(written.at(-1) ?? '')?.marker.state };
}

async function approve(params: {
  status: StatusCommentRef | undefined;
  permission?: RepositoryPermission;
  heldComment?: string | 404;
}) {
  const gh = github(params.heldComment ?? implement(REQUEST));
  const deps: TaskEventDependencies = {
    client: gh.client,
    trust: { identity: async () => 'implementation-agent[bot]', keys: TEST_MARKER_KEYS },
    providerFor: () => {
      throw new Error('no refusal generates anything');
    },
    log: () => undefined,
    repositoryId: 4242,
  };
  const board = createStatusBoard({
    client: gh.client,
    owner: 'acme',
    repo: 'shop',
    repositoryId: 4242,
    issueNumber: 7,
    taskId: 'acme/shop#7',
    existing: params.status,
    signingKey: TEST_MARKER_KEYS.current,
  });
  const outcome = await approveHeldRequest({
    deps,
    approval: {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      issueNumber: 7,
      issueBody: 'We need an orders API.',
      approver: { login: 'maintainer', permission: params.permission ?? 'maintain' },
    },
    status: params.status,
    state: params.status?.marker.state,
    board,
    config: DEFAULT_CONFIG,
    taskId: 'acme/shop#7',
  });
  return { outcome, reasonCode: reasonCodeOf(outcome), written: gh.written, lastState: gh.lastState };
}

describe('approveHeldRequest, with plain inputs', () => {
  it('approver_lacks_write_access: a reader releases nothing, and nothing is read or written', async () => {
    const { outcome, written } = await approve({ status: statusOf(heldMarker), permission: 'read' });

    expect(outcome).toEqual({
      status: 'refused',
      reasonCode: 'approver_lacks_write_access',
      taskId: 'acme/shop#7',
      issueNumber: 7,
      message:
        '@maintainer, `/approve` needs write, maintain or admin permission on acme/shop; you have read.',
    });
    expect(written).toEqual([]);
  });

  it('nothing_held: a task that is not held has nothing to release', async () => {
    const { outcome, written } = await approve({ status: statusOf({ ...heldMarker, state: 'pr_open' }) });

    expect(outcome).toMatchObject({
      status: 'refused',
      reasonCode: 'nothing_held',
      message: '@maintainer, nothing on this issue is waiting for approval (the task is pr open).',
    });
    expect(written).toEqual([]);
  });

  it('nothing_held: no task tracked on the issue', async () => {
    const { reasonCode } = await approve({ status: undefined });

    expect(reasonCode).toBe('nothing_held');
  });

  it('hold_not_trusted: a hold whose marker is not proven the agent’s is not released', async () => {
    const { outcome, written } = await approve({ status: statusOf(heldMarker, 'display-only') });

    expect(outcome).toMatchObject({
      status: 'refused',
      reasonCode: 'hold_not_trusted',
      message: expect.stringContaining('its status is not signed'),
    });
    expect(written).toEqual([]);
  });

  it('request_deleted: the held comment is gone, so the task fails on its status comment', async () => {
    const { outcome, lastState, written } = await approve({ status: statusOf(heldMarker), heldComment: 404 });

    expect(outcome).toMatchObject({
      status: 'refused',
      reasonCode: 'request_deleted',
      message: expect.stringContaining(`The comment holding the request (${REQUEST_COMMENT_ID}) was deleted`),
    });
    expect(lastState()).toBe('failed');
    expect(written.at(-1)).toContain('was deleted');
  });

  it('held_request_changed: a request changed since it was held is held again, showing the new text', async () => {
    const edited = REQUEST.replace('"task_name": "Orders API"', '"task_name": "Orders Admin API"');

    const { outcome, lastState, written } = await approve({
      status: statusOf(heldMarker),
      heldComment: implement(edited),
    });

    expect(outcome).toMatchObject({
      status: 'held',
      reasonCode: 'held_request_changed',
      taskId: 'acme/shop#7',
      issueNumber: 7,
    });
    expect(lastState()).toBe('held');
    expect(written.at(-1)).toContain('Orders Admin API');
  });

  it('invalid_request: a held request that no longer validates fails the task', async () => {
    const { outcome, lastState } = await approve({
      status: statusOf(heldMarker),
      heldComment: implement('{"task_name": 5}'),
    });

    expect(outcome).toMatchObject({ status: 'invalid_request', issueNumber: 7 });
    expect(lastState()).toBe('failed');
  });
});
