import { SQSClient } from '@aws-sdk/client-sqs';
import { createAwsClient } from '../../src/aws/create-aws-client.js';
import { agentConfigSchema } from '../../src/core/config/agent-config.js';
import { parseStateMarker } from '../../src/core/state/state-marker.js';
import type { StatusCommentClient, StatusCommentRef } from '../../src/github/status-comment.js';
import { mirrorStoresForConfig } from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { openTaskJournal } from '../../src/pipeline/mirror/task-journal.js';
import { createStatusBoard } from '../../src/pipeline/task/status-board.js';
import { busToQueue, drainQueue } from './helpers/bus-to-queue.js';
import { createMotoMirror, motoOverrides, motoSettings } from './helpers/moto.js';

const TASK_ID = 'acme/shop#7';

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
  return { client, bodies };
}

describe('review10d on moto: lifecycle events a consumer can tell apart', () => {
  it("a deploy run's steps kept in the tasks table and the display-only comment's next step reach the bus with distinct event ids", async () => {
    const sqs = createAwsClient(SQSClient, motoSettings());
    const { bus, queueUrl } = await busToQueue(sqs);
    const moto = await createMotoMirror();
    const config = agentConfigSchema.parse({ mirrors: { ...moto.config.mirrors, event_bus: bus } });
    const mirror = mirrorStoresForConfig({ config, aws: motoOverrides() });
    try {
      const issue = fakeIssue();
      const boardFrom = (existing: StatusCommentRef | undefined) =>
        createStatusBoard({
          client: issue.client,
          owner: 'acme',
          repo: 'shop',
          issueNumber: 7,
          taskId: TASK_ID,
          existing,
          signingKey: undefined,
          mirrors: mirror,
        });
      const first = boardFrom(undefined);
      first.pass('generating');
      first.pass('validating');
      await first.move('pr_open', { patch: { pull_number: 8 } });
      const afterPr: StatusCommentRef = {
        commentId: 900,
        marker: parseStateMarker(issue.bodies.at(-1) ?? '')!,
        trust: 'display-only',
        reason: 'was written as github-actions[bot]',
        body: issue.bodies.at(-1) ?? '',
      };
      await openTaskJournal({
        taskId: TASK_ID,
        log: { tasks: mirror.tasks!, events: mirror.events! },
        mirror: { publisher: mirror.publisher! },
      }).record([
        {
          type: 'deploy_started',
          task_id: TASK_ID,
          at: '2026-11-24T11:00:00.000Z',
          environment: 'staging',
          deployment_id: 55,
          sha: 'a'.repeat(40),
        },
      ]);
      await boardFrom(afterPr).move('approved');

      const received = await drainQueue(sqs, queueUrl);
      const types = received.map((envelope) => envelope['detail-type']);
      expect(types).toEqual(
        expect.arrayContaining(['Pull Request Opened', 'Deploy Started', 'Task Approved']),
      );
      const ids = received.map((envelope) => (envelope.detail as { event_id?: string }).event_id);
      expect(ids.every((id) => id !== undefined && /^[0-9a-f]{32}$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(received.length);
    } finally {
      mirror.close();
      sqs.destroy();
    }
  });
});
