import { planFeedbackChanges } from '../../../src/core/feedback/plan-feedback-changes.js';
import { FREE_TEXT_OFFLINE } from '../../../src/core/feedback/plan-feedback-changes.js';
import { readReviewFeedback, type ReviewFeedbackClient } from '../../../src/github/read-review-feedback.js';
import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import { pushFeedbackCommit } from '../../../src/pipeline/review/push-feedback-commit.js';
import type { TaskEventDependencies } from '../../../src/pipeline/events/task-event-dependencies.js';

// Review #9 attacker pass on review feedback: its reproductions, now fixed, with sibling cases.

const HEAD = 'a'.repeat(40);
const FILE = 'src/handler.ts';
// Head text: line 2 was added by the PR; the base had `const old = 1;` there instead.
const HEAD_TEXT = 'line one\nconst added = 2;\nline three\nline four\n';

/** A client that lists one changes-requested review holding `comment`. */
function clientWith(comment: Record<string, unknown>): ReviewFeedbackClient {
  const page = <T>(data: T[]) => Promise.resolve({ data });
  return {
    pulls: {
      listReviews: () =>
        page([
          {
            id: 10,
            user: { login: 'maintainer', type: 'User' },
            body: '',
            state: 'CHANGES_REQUESTED',
            commit_id: HEAD,
            submitted_at: '2026-11-29T11:00:00Z',
          },
        ]),
      listReviewComments: () =>
        page([
          {
            id: 20,
            pull_request_review_id: 10,
            user: { login: 'maintainer', type: 'User' },
            path: FILE,
            diff_hunk: '@@ -1,3 +1,3 @@',
            commit_id: HEAD,
            ...comment,
          } as never,
        ]),
    },
    issues: { listComments: () => page([]) },
  };
}

async function planFor(comment: Record<string, unknown>) {
  const feedback = await readReviewFeedback({
    client: clientWith(comment),
    owner: 'o',
    repo: 'r',
    pullNumber: 2,
    agentLogin: 'implementation-agent[bot]',
  });
  return planFeedbackChanges({
    feedback: feedback.items.map((item) => item.feedback),
    files: new Map([[FILE, HEAD_TEXT]]),
    headSha: HEAD,
    freeTextAnswer: FREE_TEXT_OFFLINE,
  });
}

describe('review #9 attacks: suggestion ranges', () => {
  // GitHub's multi-line comment gives `start_line` on `start_side`: a range that starts on the
  // base (LEFT, a deleted line) numbers its start in the BASE file. `toInline` drops
  // `start_side` and `applySuggestion` checks only `side`, so the base's line number is used as a
  // head line number: the suggestion replaces head lines the reviewer never selected.
  it('a multi-line suggestion whose range starts on the base side (start_side LEFT) is refused, not applied to head lines', async () => {
    const plan = await planFor({
      body: '```suggestion\nconst replaced = 3;\n```',
      start_line: 1,
      start_side: 'LEFT',
      line: 2,
      side: 'RIGHT',
    });

    expect(plan.files.size).toBe(0);
    expect(plan.replies).toEqual([expect.objectContaining({ fixed: false })]);
    expect(plan.replies[0]?.body).toContain('old side of the diff');
  });

  it('a range that starts on the head and ends on the base (side LEFT) is refused too', async () => {
    const plan = await planFor({
      body: '```suggestion\nconst replaced = 3;\n```',
      start_line: 1,
      start_side: 'RIGHT',
      line: 2,
      side: 'LEFT',
    });

    expect(plan.files.size).toBe(0);
    expect(plan.replies).toEqual([expect.objectContaining({ fixed: false })]);
  });

  it('a side GitHub does not name (neither RIGHT nor LEFT) is not read as the head', async () => {
    const plan = await planFor({
      body: '```suggestion\nconst replaced = 3;\n```',
      start_line: 1,
      start_side: 'UNKNOWN',
      line: 2,
      side: 'RIGHT',
    });

    expect(plan.files.size).toBe(0);
  });

  it('control: the same range with both ends on the head is applied to exactly those lines', async () => {
    const plan = await planFor({
      body: '```suggestion\nconst replaced = 3;\n```',
      start_line: 1,
      start_side: 'RIGHT',
      line: 2,
      side: 'RIGHT',
    });

    expect(plan.files.get(FILE)).toBe('const replaced = 3;\nline three\nline four\n');
  });

  it('a suggestion past the end of the file is refused and changes nothing', async () => {
    const plan = await planFor({ body: '```suggestion\nx\n```', start_line: 4, line: 9, side: 'RIGHT' });

    expect(plan.files.size).toBe(0);
    expect(plan.replies[0]?.body).toContain('not in the file');
  });

  it('a suggestion on the base side is refused', async () => {
    const plan = await planFor({ body: '```suggestion\nx\n```', start_line: null, line: 2, side: 'LEFT' });

    expect(plan.files.size).toBe(0);
  });
});

describe('review #9 attacks: where a suggestion may write', () => {
  /** A client that fails the test if anything is written: the gates must refuse first. */
  const deps = {
    client: new Proxy(
      {},
      {
        get: () => {
          throw new Error('nothing may be written');
        },
      },
    ),
  } as unknown as TaskEventDependencies;

  it.each([
    '.github/workflows/ci.yml',
    '.GitHub/workflows/ci.yml',
    '.github/implementation-agent.yml',
    '../outside.ts',
    'src/../../outside.ts',
    '.git/hooks/post-checkout',
  ])('a suggestion that would write %s is refused by the gates and pushes nothing', async (path) => {
    const result = await pushFeedbackCommit({
      deps,
      owner: 'o',
      repo: 'r',
      branch: 'implementation/1-x',
      headSha: HEAD,
      pullNumber: 2,
      pullRequestId: undefined,
      plan: { files: new Map([[path, 'on: push\n']]), replies: [], unanswered: [], freeText: [] },
      config: DEFAULT_CONFIG,
      marker: {
        task_id: 'o/r#1',
        state: 'pr_open',
        attempt: 1,
        cost_usd: 0,
        updated_at: '2026-11-29T10:00:00Z',
      },
    });

    expect(result.ok).toBe(false);
  });
});

describe('review #9: the check on the commit the feedback pushes', () => {
  const marker = {
    task_id: 'o/r#1',
    state: 'pr_open' as const,
    attempt: 1,
    cost_usd: 0,
    updated_at: '2026-11-29T10:00:00Z',
  };

  /** A client recording the order of the writes: the commit's three, then the check. */
  function recordingClient() {
    const writes: { call: string; body: Record<string, unknown> }[] = [];
    const record = (call: string, data: Record<string, unknown>) => (body: Record<string, unknown>) => {
      writes.push({ call, body });
      return Promise.resolve({ data });
    };
    const client = {
      git: {
        getCommit: record('getCommit', { sha: HEAD, tree: { sha: 'tree-0' } }),
        createTree: record('createTree', { sha: 'tree-1' }),
        createCommit: record('createCommit', { sha: 'b'.repeat(40) }),
        updateRef: record('updateRef', {}),
      },
      checks: { create: record('checks.create', { id: 7 }) },
    };
    return { deps: { client } as unknown as TaskEventDependencies, writes };
  }

  it('the check goes on the pushed commit, after its ref moved, with the gate results that passed', async () => {
    const { deps, writes } = recordingClient();
    const result = await pushFeedbackCommit({
      deps,
      owner: 'o',
      repo: 'r',
      branch: 'implementation/1-x',
      headSha: HEAD,
      pullNumber: 2,
      pullRequestId: undefined,
      plan: { files: new Map([[FILE, 'export const x = 1;\n']]), replies: [], unanswered: [], freeText: [] },
      config: DEFAULT_CONFIG,
      marker,
    });

    // A guided task's commit is judged too: its mode stays guided, nothing more is written.
    expect(result).toEqual({
      ok: true,
      commitSha: 'b'.repeat(40),
      judgement: expect.objectContaining({
        fellBack: false,
        patch: { effective_mode: 'guided', risk_level: 'low' },
      }),
    });
    expect(writes.map((write) => write.call)).toEqual([
      'getCommit',
      'createTree',
      'createCommit',
      'updateRef',
      'checks.create',
    ]);
    expect(writes[4]?.body).toEqual(
      expect.objectContaining({
        name: 'implementation-agent',
        head_sha: 'b'.repeat(40),
        conclusion: 'success',
        output: expect.objectContaining({ title: expect.stringMatching(/validation gates passed/) }),
      }),
    );
  });

  it('files the gates refuse push nothing and publish no check', async () => {
    const { deps, writes } = recordingClient();
    const result = await pushFeedbackCommit({
      deps,
      owner: 'o',
      repo: 'r',
      branch: 'implementation/1-x',
      headSha: HEAD,
      pullNumber: 2,
      pullRequestId: undefined,
      plan: {
        files: new Map([['.github/workflows/x.yml', 'on: push\n']]),
        replies: [],
        unanswered: [],
        freeText: [],
      },
      config: DEFAULT_CONFIG,
      marker,
    });

    expect(result.ok).toBe(false);
    expect(writes).toEqual([]);
  });
});
