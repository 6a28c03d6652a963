import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import type { TaskEventDependencies } from '../../../src/pipeline/events/task-event-dependencies.js';
import { pushFeedbackCommit } from '../../../src/pipeline/review/push-feedback-commit.js';

// Review #9 fourth attacker pass: the classifier judges ingress over the union of every template of
// a change (`ingressBreadthRisks`), but a feedback commit is judged over the files it changes only
// (`pushFeedbackCommit` → `judgeAgentCommit`). A pull request whose first template lets in one
// public /8 (low) gets a suggestion adding another /8 to a second template (low alone): together
// more than a /8 of the internet, and the automated task stayed automated.

const HEAD = 'a'.repeat(40);
const COMMIT = 'b'.repeat(40);
const group = (cidr: string) =>
  [
    'Resources:',
    '  Web:',
    '    Type: AWS::EC2::SecurityGroup',
    '    Properties:',
    '      GroupDescription: web',
    '      SecurityGroupIngress:',
    `        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: ${cidr} }`,
    '',
  ].join('\n');

const marker: TaskMarker = {
  task_id: 'o/r#1',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00Z',
  environment: 'staging',
  template_path: 'stacks/a.yaml',
  execution_mode: 'automated',
  effective_mode: 'automated',
  risk_level: 'low',
  last_push: { sha: HEAD, by: { kind: 'agent' } },
};

/** The pull request holds stacks/a.yaml (11.0.0.0/8) at every head; the commit adds stacks/b.yaml. */
function client() {
  const ok = <T>(data: T) => Promise.resolve({ data });
  const blobs: Record<string, string> = { 'blob-a': group('11.0.0.0/8'), 'blob-b': group('12.0.0.0/8') };
  return {
    git: {
      getCommit: () => ok({ sha: HEAD, tree: { sha: 'tree-0' } }),
      createTree: () => ok({ sha: 'tree-1' }),
      createCommit: () => ok({ sha: COMMIT }),
      updateRef: () => ok({}),
      getTree: () =>
        ok({
          truncated: false,
          tree: [
            { path: 'stacks/a.yaml', type: 'blob', sha: 'blob-a', size: 200, mode: '100644' },
            { path: 'stacks/b.yaml', type: 'blob', sha: 'blob-b', size: 200, mode: '100644' },
          ],
        }),
      getBlob: (p: { file_sha: string }) =>
        ok({ content: Buffer.from(blobs[p.file_sha] ?? '').toString('base64'), encoding: 'base64' }),
    },
    pulls: {
      listFiles: () =>
        ok([
          { filename: 'stacks/a.yaml', status: 'added' },
          { filename: 'stacks/b.yaml', status: 'added' },
        ]),
    },
    checks: { create: () => ok({ id: 7 }) },
    issues: { createComment: () => ok({ id: 8 }) },
  };
}

describe('review #9d attacks: ingress opened across the templates of a pull request, one commit at a time', () => {
  // Was `it.failing` until a commit that writes a template is judged with the pull request's other
  // templates (`filesToJudge`).
  it('FAULT: a suggestion adding a second public /8 in another template falls back to guided', async () => {
    const result = await pushFeedbackCommit({
      deps: { client: client(), log: () => undefined } as unknown as TaskEventDependencies,
      owner: 'o',
      repo: 'r',
      branch: 'implementation/1-x',
      headSha: HEAD,
      pullNumber: 2,
      pullRequestId: undefined,
      plan: {
        files: new Map([['stacks/b.yaml', group('12.0.0.0/8')]]),
        replies: [],
        unanswered: [],
        freeText: [],
      },
      config: DEFAULT_CONFIG,
      marker,
    });

    expect(result).toMatchObject({
      ok: true,
      judgement: { fellBack: true, patch: { risk_level: 'high' } },
    });
  });

  it('a template too large to read counts as high', async () => {
    const big = client();
    big.git.getTree = () =>
      Promise.resolve({
        data: {
          truncated: false,
          tree: [
            { path: 'stacks/a.yaml', type: 'blob', sha: 'blob-a', size: 10_000_000, mode: '100644' },
            { path: 'stacks/b.yaml', type: 'blob', sha: 'blob-b', size: 200, mode: '100644' },
          ],
        },
      });
    const result = await pushFeedbackCommit({
      deps: { client: big, log: () => undefined } as unknown as TaskEventDependencies,
      owner: 'o',
      repo: 'r',
      branch: 'implementation/1-x',
      headSha: HEAD,
      pullNumber: 2,
      pullRequestId: undefined,
      plan: {
        files: new Map([['stacks/b.yaml', group('10.0.0.0/8')]]),
        replies: [],
        unanswered: [],
        freeText: [],
      },
      config: DEFAULT_CONFIG,
      marker,
    });

    expect(result).toMatchObject({ ok: true, judgement: { fellBack: true, patch: { risk_level: 'high' } } });
  });

  it('control: a commit writing no template reads no other file and stays automated', async () => {
    const quiet = client();
    quiet.pulls.listFiles = () => {
      throw new Error('no pull request file is read for a commit that writes no template');
    };
    const result = await pushFeedbackCommit({
      deps: { client: quiet, log: () => undefined } as unknown as TaskEventDependencies,
      owner: 'o',
      repo: 'r',
      branch: 'implementation/1-x',
      headSha: HEAD,
      pullNumber: 2,
      pullRequestId: undefined,
      plan: {
        files: new Map([['src/handler.ts', 'export const x = 1;\n']]),
        replies: [],
        unanswered: [],
        freeText: [],
      },
      config: DEFAULT_CONFIG,
      marker,
    });

    expect(result).toMatchObject({ ok: true, judgement: { fellBack: false, patch: { risk_level: 'low' } } });
  });

  it('control: the same two /8s in one commit’s files are high', async () => {
    const result = await pushFeedbackCommit({
      deps: { client: client(), log: () => undefined } as unknown as TaskEventDependencies,
      owner: 'o',
      repo: 'r',
      branch: 'implementation/1-x',
      headSha: HEAD,
      pullNumber: 2,
      pullRequestId: undefined,
      plan: {
        files: new Map([
          ['stacks/a.yaml', group('11.0.0.0/8')],
          ['stacks/b.yaml', group('12.0.0.0/8')],
        ]),
        replies: [],
        unanswered: [],
        freeText: [],
      },
      config: DEFAULT_CONFIG,
      marker,
    });

    expect(result).toMatchObject({ ok: true, judgement: { fellBack: true, patch: { risk_level: 'high' } } });
  });
});
