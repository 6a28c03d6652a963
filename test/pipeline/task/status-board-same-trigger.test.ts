/**
 * Three deliveries of one trigger at once (GitHub redelivers; the app on several instances, or the
 * app and the Action, each take one): each finds no status comment and creates one. The younger
 * runs keep the oldest board; it already records their trigger as handled, so they stop there
 * instead of applying their move on it and going on to generate.
 */
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { answerOnCrash } from '../../../src/pipeline/task/answer-on-crash.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import { TriggerCarriedOutElsewhereError } from '../../../src/pipeline/task/trigger-carried-out-elsewhere-error.js';
import type { StatusCommentClient, StatusCommentRef } from '../../../src/github/status-comment.js';

const TASK_ID = 'acme/shop#7';

/** One issue's comments: created in id order, each call answered after the others queued theirs. */
function issueComments() {
  const comments = new Map<number, string>();
  let nextId = 100;
  const posted: string[] = [];
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => ({ data: [] }),
      createComment: async ({ body }) => {
        await tick();
        const id = nextId++;
        comments.set(id, body);
        if (parseStateMarker(body) === undefined) posted.push(body);
        return { data: { id } };
      },
      updateComment: async ({ comment_id, body }) => {
        await tick();
        comments.set(comment_id, body);
        return {};
      },
    },
  };
  const boards = async (): Promise<StatusCommentRef[]> => {
    await tick();
    return [...comments.entries()].flatMap(([commentId, body]) => {
      const marker = parseStateMarker(body);
      return marker === undefined
        ? []
        : [{ commentId, marker, trust: 'trusted' as const, reason: 'written by the agent', body }];
    });
  };
  return { client, comments, boards, posted };
}

function runOn(issue: ReturnType<typeof issueComments>, logs: string[]) {
  return createStatusBoard({
    client: issue.client,
    owner: 'acme',
    repo: 'shop',
    issueNumber: 7,
    taskId: TASK_ID,
    existing: undefined,
    signingKey: undefined,
    repositoryId: 4242,
    trigger: 'opened',
    reread: async () => 'unchanged' as const,
    listBoards: issue.boards,
    retire: async ({ commentId }) => issue.comments.delete(commentId),
    settle: async () => undefined,
    log: (line) => logs.push(line),
  });
}

describe('three deliveries of one trigger at once', () => {
  it('only the run whose board is kept goes on; the others stop without a write on it', async () => {
    const issue = issueComments();
    const logs: string[] = [];
    const runs = [runOn(issue, logs), runOn(issue, logs), runOn(issue, logs)];
    const generated: number[] = [];
    const outcomes = await Promise.allSettled(
      runs.map((run, index) =>
        answerOnCrash(
          { client: issue.client, owner: 'acme', repo: 'shop', issueNumber: 7, request: 'this request' },
          async () => {
            await run.move('generating', { patch: { attempt: 1 } });
            generated.push(index);
          },
        ),
      ),
    );

    expect(generated).toHaveLength(1);
    const stopped = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(stopped).toHaveLength(2);
    for (const outcome of stopped)
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(TriggerCarriedOutElsewhereError);
    // One board stays, the kept run's move on it once; nobody was told of an internal error.
    expect(issue.comments.size).toBe(1);
    const [kept] = [...issue.comments.values()];
    const marker = parseStateMarker(kept!);
    expect(marker).toMatchObject({ state: 'generating', handled_triggers: ['opened'] });
    expect(marker?.writes).toHaveLength(1);
    expect(issue.posted).toEqual([]);
    expect(logs.filter((line) => line.includes('carries out the same trigger'))).toHaveLength(2);
  });

  it('a stopped board writes nothing more: its failure move throws too, and a deploy step is refused', async () => {
    const issue = issueComments();
    const logs: string[] = [];
    const [first, second] = [runOn(issue, logs), runOn(issue, logs)];
    await Promise.allSettled([first.move('generating'), second.move('generating')]);
    const late = [first, second].find((run) => run.current?.handled_triggers === undefined) ?? second;
    const before = new Map(issue.comments);
    await expect(late.move('failed', { unhandled: true })).rejects.toBeInstanceOf(
      TriggerCarriedOutElsewhereError,
    );
    await expect(late.recordSteps([])).resolves.toMatchObject({
      refused: expect.stringContaining('same trigger'),
    });
    expect(issue.comments).toEqual(before);
  });
});
