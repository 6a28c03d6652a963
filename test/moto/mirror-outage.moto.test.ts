import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../src/filesystem/filesystem-stores.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { recordAndMirror } from '../../src/pipeline/mirror/record-and-mirror.js';
import { syncArtifactMirror } from '../../src/pipeline/mirror/sync-artifact-mirror.js';
import { parseStateMarker } from '../../src/core/state/state-marker.js';
import { recordFromMarker } from '../../src/core/task/record-from-marker.js';
import type { StatusCommentClient } from '../../src/github/status-comment.js';
import { createStatusBoard } from '../../src/pipeline/task/status-board.js';
import { fullLife, TASK_ID } from '../core/task/task-life.js';
import { startLoopbackProxy, type LoopbackProxy } from '../support/loopback-proxy.js';
import { withoutPendingEvents } from '../../src/core/task/task-record.js';
import { createMotoMirror, motoEndpoint, motoOverrides, type MotoMirror } from './helpers/moto.js';

let moto: MotoMirror;
let proxy: LoopbackProxy;
let throughProxy: MirrorStores;
let direct: MirrorStores;

beforeAll(async () => {
  moto = await createMotoMirror();
  proxy = await startLoopbackProxy({ targetPort: Number(new URL(motoEndpoint()).port) });
  // The writer reaches moto through the proxy; the test reads moto directly, outage or not.
  throughProxy = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides(proxy.url) });
  direct = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides() });
});
afterAll(async () => {
  throughProxy.close();
  direct.close();
  await proxy.close();
});

describe('a mirror outage in the middle of a task', () => {
  it('warns while the mirror is unreachable, the task goes on, and the next event catches the mirror up', async () => {
    const log = filesystemStores(await mkdtemp(path.join(tmpdir(), 'outage-')));
    const life = fullLife();
    const artifact = { repo: 'acme/shop', taskId: TASK_ID, attempt: 1 };

    // 1. Received and generating reach the mirror.
    for (const event of life.slice(0, 2)) {
      expect((await recordAndMirror({ log, mirror: throughProxy, event })).mirror?.status).toBe('caught-up');
    }

    // 2. The mirror goes away mid-task: every step still lands in the task's own log, with a warning.
    proxy.refuse();
    const before = proxy.connections();
    const during = [];
    for (const event of life.slice(2, 6))
      during.push(await recordAndMirror({ log, mirror: throughProxy, event }));
    await log.artifacts.put({ ...artifact, path: 'files/src/app.ts', body: 'export const app = 1;\n' });
    const artifactsDuring = await syncArtifactMirror({
      source: log.artifacts,
      mirror: throughProxy.artifacts!,
      ...artifact,
    });

    expect(during.map((result) => result.mirror?.status)).toEqual(['behind', 'behind', 'behind', 'behind']);
    expect(during[0]?.mirror).toMatchObject({
      warning: expect.stringMatching(/task mirror could not be written .*next event catches the mirror up/),
    });
    expect(artifactsDuring.status).toBe('behind');
    // The SDK retried before giving up: more connections than calls.
    expect(proxy.connections() - before).toBeGreaterThan(during.length);
    expect((await log.tasks.get(TASK_ID))?.status).toBe('pr_open');
    expect((await direct.tasks!.get(TASK_ID))?.version).toBe(2);
    expect(await direct.events!.list(TASK_ID)).toHaveLength(2);

    // 3. The mirror is back: the next event writes everything missed, and nothing is lost.
    proxy.forward();
    const back = await recordAndMirror({ log, mirror: throughProxy, event: life[6]! });
    expect(back.mirror).toMatchObject({ status: 'caught-up', writes: 6 });
    expect(
      await syncArtifactMirror({ source: log.artifacts, mirror: throughProxy.artifacts!, ...artifact }),
    ).toMatchObject({
      status: 'caught-up',
      writes: 1,
    });

    expect(await direct.tasks!.get(TASK_ID)).toEqual(withoutPendingEvents((await log.tasks.get(TASK_ID))!));
    expect(await direct.events!.list(TASK_ID)).toEqual(await log.events.list(TASK_ID));
    expect((await direct.events!.list(TASK_ID)).map((event) => event.sequence)).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(await direct.artifacts!.list(artifact)).toEqual(await log.artifacts.list(artifact));
  });
});

/** An issue holding one status comment: each write replaces its body. */
function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => {
        throw new Error('the board must not list comments');
      },
      createComment: async (params) => {
        bodies.push(params.body);
        return { data: { id: 900 } };
      },
      updateComment: async (params) => {
        bodies.push(params.body);
        return {};
      },
    },
  };
  return { client, bodies, marker: () => parseStateMarker(bodies.at(-1) ?? '')! };
}

describe('a mirror outage through the wired pipeline (the status board, as the app and the Action run it)', () => {
  it('warns on the status comment while down, and a later stateless run catches DynamoDB up from the marker', async () => {
    const taskId = 'acme/outage#9';
    const issue = fakeIssue();
    const board = (existing?: ReturnType<typeof issue.marker>) =>
      createStatusBoard({
        client: issue.client,
        owner: 'acme',
        repo: 'outage',
        issueNumber: 9,
        taskId,
        existing: existing && {
          commentId: 900,
          marker: existing,
          trust: 'trusted',
          reason: 'is signed',
          body: '',
        },
        signingKey: undefined,
        mirrors: throughProxy,
      });

    // 1. The first run: generating reaches the mirror; then the mirror goes away.
    const first = board();
    await first.move('generating', { patch: { attempt: 1 } });
    expect((await direct.tasks!.get(taskId))?.version).toBe(3);
    proxy.refuse();
    first.pass('validating');
    await first.move('pr_open', { patch: { pull_number: 12, branch: 'implementation/9-outage' } });
    expect(issue.bodies.at(-1)).toContain('task mirror could not be written');
    expect(issue.marker()).toMatchObject({ state: 'pr_open', version: 5 });
    expect(issue.marker().unmirrored?.map((event) => event.sequence)).toEqual([4, 5]);
    expect((await direct.tasks!.get(taskId))?.version).toBe(3);

    // 2. A later run, from the status comment alone, with the mirror back: nothing is lost.
    proxy.forward();
    await board(issue.marker()).move('approved');
    const shown = recordFromMarker({ marker: issue.marker(), repo: 'acme/outage', issueNumber: 9 });
    expect(await direct.tasks!.get(taskId)).toEqual(shown);
    expect((await direct.events!.list(taskId)).map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(issue.bodies.at(-1)).not.toContain('could not be written');
  });
});
