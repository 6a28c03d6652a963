import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import type { TaskEventStore } from '../../../src/core/stores/task-event-store.js';
import type { TaskStore } from '../../../src/core/stores/task-store.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';

const down = async (): Promise<never> => {
  throw new Error('connect ECONNREFUSED 127.0.0.1:443');
};
/** A task mirror that cannot be reached (after the SDK's retries). */
const unreachable: { tasks: TaskStore; events: TaskEventStore } = {
  tasks: { get: down, put: down, listByStatus: down },
  events: { append: down, list: down },
};

describe('review10: the status marker while the mirror is down and outcomes are long', () => {
  it('unmirrored outcome events (2,000-character messages, `-` escaped to 6 characters) are shortened in the marker, so 20 steps of an outage never outgrow the 65,536-character comment', async () => {
    const bodies: string[] = [];
    const client: StatusCommentClient = {
      issues: {
        listComments: async () => {
          throw new Error('unused');
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
    const board = createStatusBoard({
      client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: undefined,
      signingKey: undefined,
      mirrors: unreachable,
    });
    await board.move('generating', { patch: { attempt: 1 } });
    // An answer with a markdown table (the agent's reply to a review comment, say): dashes.
    const table = `| file | change |\n|------|--------|\n${'| src/a.ts | --- |\n'.repeat(200)}`;
    const errors: string[] = [];
    for (let step = 0; step < 20; step += 1) {
      await board
        .move('generating', { outcome: { status: 'answered', message: table } })
        .catch((error: unknown) => errors.push(String(error)));
    }
    // A mirror outage never fails a step (DESIGN §3), and the marker stays readable.
    expect(errors).toEqual([]);
    expect(parseStateMarker(bodies.at(-1)!)?.version).toBeGreaterThan(10);
  });
});
