import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { parseStateMarker, type TaskMarker } from '../../src/core/state/state-marker.js';
import type { StatusCommentClient } from '../../src/github/status-comment.js';
import { createStatusBoard } from '../../src/pipeline/task/status-board.js';
import { startLoopbackProxy, type LoopbackProxy } from '../support/loopback-proxy.js';
import { createMotoMirror, motoEndpoint, motoOverrides, type MotoMirror } from './helpers/moto.js';

let moto: MotoMirror;
let proxy: LoopbackProxy;
let throughProxy: MirrorStores;
let direct: MirrorStores;

beforeAll(async () => {
  moto = await createMotoMirror();
  proxy = await startLoopbackProxy({ targetPort: Number(new URL(motoEndpoint()).port) });
  throughProxy = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides(proxy.url) });
  direct = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides() });
});
afterAll(async () => {
  throughProxy.close();
  direct.close();
  await proxy.close();
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

const usage = {
  model: 'au.anthropic.claude-sonnet-4-5-20250929-v1:0',
  usage: { inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.001 },
};

describe('review10: a long mirror outage seen through the status board', () => {
  it('an outage spanning more than 40 events drops the oldest from the marker only by name: the comment says which, and an events_lost event in the results table records the gap', async () => {
    const taskId = 'acme/long-outage#3';
    const issue = fakeIssue();
    const board = (existing?: TaskMarker) =>
      createStatusBoard({
        client: issue.client,
        owner: 'acme',
        repo: 'long-outage',
        issueNumber: 3,
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

    const first = board();
    await first.move('generating', { patch: { attempt: 1 } });
    const before = (await direct.tasks!.get(taskId))?.version ?? 0;
    expect(before).toBeGreaterThan(0);

    // The mirror goes away for 45 model calls (each one usage event on the record).
    proxy.refuse();
    for (let call = 0; call < 45; call += 1) await first.move('generating', { usage });
    proxy.forward();

    // A later stateless run, from the status comment alone.
    await board(issue.marker()).move('validating');
    const version = issue.marker().version!;
    const sequences = (await direct.events!.list(taskId)).map((event) => event.sequence);
    const lost = Array.from({ length: version }, (_, index) => index + 1).filter(
      (sequence) => !sequences.includes(sequence),
    );
    // The marker cannot carry an outage without end: what it dropped is named on the comment, and
    // the results table records the gap (the newest events_lost event names every lost sequence).
    expect(lost.length).toBeGreaterThan(0);
    const events = await direct.events!.list(taskId);
    const recorded = events.flatMap((event) =>
      event.type === 'events_lost'
        ? event.sequences.flatMap(([first, last]) =>
            Array.from({ length: last - first + 1 }, (_, index) => first + index),
          )
        : [],
    );
    expect(lost.filter((sequence) => !recorded.includes(sequence))).toEqual([]);
    expect(events.findLast((event) => event.type === 'events_lost')).toMatchObject({ count: lost.length });
    expect(
      issue.bodies.some(
        (body) =>
          /dropped unmirrored \(4 usage_recorded, 5 usage_recorded\)/.test(body) &&
          /results table will lack them/.test(body),
      ),
    ).toBe(true);
  });
});
