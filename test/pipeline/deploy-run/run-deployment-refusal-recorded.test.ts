import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { toOutcomeResult } from '../../../src/core/outcome/outcome-result.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { statusTrust } from '../../../src/github/status-trust.js';
import { recordTaskEvent } from '../../../src/pipeline/mirror/record-task-event.js';
import { cfnMock, fakeGitHub, fakeLocks, resetDeployMocks, run } from './helpers/deploy-run-harness.js';
import { withStatusComment } from './helpers/task-status-comment.js';

/**
 * Issue #10: a deploy refused before any stack operation (the environment locked by another run,
 * a template missing at the sha) recorded no outcome on its task: the Action's `result` said one
 * thing, the status comment and the mirrors still their last. Now the refusal is the task's last
 * outcome everywhere, with the same reason code, and its deploy state does not move.
 */
const BOT = 'github-actions[bot]';
const KEY = Buffer.alloc(32, 6);
const trust = statusTrust({ identity: async () => BOT, keys: { current: KEY } });
const at = '2026-11-24T08:00:00.000Z';

beforeEach(resetDeployMocks);

const heldByBob = () =>
  fakeLocks({
    environment: 'staging',
    repository: 'acme/shop',
    holder: 'bob',
    ref: '#41',
    sha: 'e'.repeat(40),
    acquiredAt: '2026-11-24T09:50:00Z',
    expiresAt: 1_900_000_000,
    token: 'bobs',
  });

/** The task mirror as the implement run left it. */
async function mirrorOfTask() {
  const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'refused-deploy-')));
  await recordTaskEvent({
    log: mirror,
    event: { type: 'task_received', task_id: 'acme/shop#1', at, repo: 'acme/shop', issue_number: 1 },
  });
  return mirror;
}

describe('runDeployment: a refused deployment is recorded on its task', () => {
  it('locked by another run: deploy_locked in the result, the status comment and the mirror', async () => {
    const github = fakeGitHub();
    const markerNow = withStatusComment(github, { bot: BOT, key: KEY });
    const mirror = await mirrorOfTask();

    const outcome = await run(github, {
      lockStore: heldByBob().store,
      recording: { trust, mirrors: { tasks: mirror.tasks, events: mirror.events } },
    });

    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
    expect(toOutcomeResult(outcome)).toMatchObject({ status: 'deploy_failed', reasonCode: 'deploy_locked' });
    expect(markerNow().last_outcome).toMatchObject({
      status: 'deploy_failed',
      reasonCode: 'deploy_locked',
      message: expect.stringContaining('bob'),
    });
    // Nothing ran: the environment's deploy state is not moved.
    expect(markerNow().environments?.['staging']).toBeUndefined();
    expect((await mirror.tasks.get('acme/shop#1'))?.last_outcome).toEqual(markerNow().last_outcome);
  });

  it('a template missing at the sha: deploy_refused, recorded the same way', async () => {
    const github = fakeGitHub({ template: null });
    const markerNow = withStatusComment(github, { bot: BOT, key: KEY });

    const outcome = await run(github, { recording: { trust } });

    expect(toOutcomeResult(outcome)).toMatchObject({ reasonCode: 'deploy_refused' });
    expect(markerNow().last_outcome).toMatchObject({
      reasonCode: 'deploy_refused',
      message: expect.stringContaining('does not exist'),
    });
  });

  it('records nothing for a payload that cannot be read: it names no task to trust', async () => {
    const github = fakeGitHub();
    const markerNow = withStatusComment(github, { bot: BOT, key: KEY });

    const outcome = await run(github, { payload: { version: 1 }, recording: { trust } });

    expect(outcome.status).toBe('deploy_failed');
    expect(markerNow().last_outcome).toBeUndefined();
  });
});
