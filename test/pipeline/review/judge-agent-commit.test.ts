import { DEFAULT_CONFIG } from '../../../src/core/config/agent-config.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';
import type { TaskEventDependencies } from '../../../src/pipeline/events/task-event-dependencies.js';
import { judgeAgentCommit } from '../../../src/pipeline/review/judge-agent-commit.js';

const COMMIT = 'c'.repeat(40);
const QUEUE = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
const ROLE =
  'Resources:\n  Admin:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n';

const marker = (patch: Partial<TaskMarker> = {}): TaskMarker => ({
  task_id: 'o/r#1',
  state: 'pr_open',
  attempt: 1,
  cost_usd: 0,
  updated_at: '2026-11-29T10:00:00Z',
  environment: 'staging',
  template_path: 'infra/queue.yaml',
  execution_mode: 'automated',
  effective_mode: 'automated',
  risk_level: 'low',
  ...patch,
});

/** A client that records the writes a fallback makes; `graphql` absent unless given. */
function deps(graphql?: TaskEventDependencies['graphql']) {
  const writes: string[] = [];
  const client = {
    checks: {
      create: async (p: { name: string; head_sha: string }) => {
        writes.push(`check ${p.name} ${p.head_sha}`);
        return { data: { id: 1 } };
      },
    },
    issues: {
      createComment: async (p: { issue_number: number; body: string }) => {
        writes.push(`comment #${p.issue_number}: ${p.body}`);
        return { data: { id: 2 } };
      },
    },
  };
  return {
    writes,
    deps: {
      client,
      log: () => undefined,
      ...(graphql === undefined ? {} : { graphql }),
    } as unknown as TaskEventDependencies,
  };
}

const judge = (params: { deps: TaskEventDependencies; marker: TaskMarker; content: string }) =>
  judgeAgentCommit({
    deps: params.deps,
    owner: 'o',
    repo: 'r',
    pullNumber: 2,
    pullRequestId: 'PR_1',
    marker: params.marker,
    config: DEFAULT_CONFIG,
    files: [{ path: 'infra/queue.yaml', content: params.content, role: 'source' }],
    commitSha: COMMIT,
  });

describe('judgeAgentCommit: the agent’s own commit is risk-classified like a generation', () => {
  it('a low-risk commit on an automated task writes nothing and keeps it automated', async () => {
    const { deps: d, writes } = deps();
    const judged = await judge({ deps: d, marker: marker(), content: QUEUE });
    expect(judged).toMatchObject({
      fellBack: false,
      patch: { effective_mode: 'automated', risk_level: 'low' },
    });
    expect(writes).toEqual([]);
  });

  it('without a GraphQL client, a fallback still shows the approval check, tells the PR and says to turn auto-merge off by hand', async () => {
    const { deps: d, writes } = deps();
    const judged = await judge({ deps: d, marker: marker(), content: ROLE });
    expect(judged).toMatchObject({ fellBack: true, patch: { effective_mode: 'guided', risk_level: 'high' } });
    expect(writes[0]).toBe(`check implementation-agent/approval ${COMMIT}`);
    expect(writes[1]).toMatch(/^comment #2: .*could not be turned off.*Disable auto-merge/s);
    expect(judged.details).toContain('`iam-resource`');
  });

  it('a turn-off GitHub did not confirm is recorded for a retry, and the PR is not told an approval is all that stands', async () => {
    const failing: TaskEventDependencies['graphql'] = async () => {
      throw Object.assign(new Error('GraphQL error'), {
        errors: [{ message: 'Something went wrong while executing your query.' }],
      });
    };
    const { deps: d, writes } = deps(failing);
    const judged = await judge({ deps: d, marker: marker(), content: ROLE });
    expect(judged.patch).toEqual({
      effective_mode: 'guided',
      risk_level: 'high',
      auto_merge_off_pending: true,
    });
    expect(judged.details).toContain('Auto-merge could not be turned off: GitHub: Something went wrong');
    expect(judged.details).toContain('GitHub may still merge this pull request by itself');
    expect(judged.details).not.toContain('It merges once someone with write access approves it');
    expect(writes[1]).toContain('could not be turned off');
  });

  it('a turn-off GitHub confirmed records no retry', async () => {
    const confirmed: TaskEventDependencies['graphql'] = async () => ({
      disablePullRequestAutoMerge: { pullRequest: { number: 2, autoMergeRequest: null } },
    });
    const { deps: d } = deps(confirmed);
    const judged = await judge({ deps: d, marker: marker(), content: ROLE });
    expect(judged.patch).toEqual({ effective_mode: 'guided', risk_level: 'high' });
    expect(judged.details).toContain('Auto-merge is off');
    expect(judged.details).toContain('It merges once someone with write access approves it');
  });

  it('a task targeting production is high risk whatever the commit holds', async () => {
    const { deps: d } = deps();
    const judged = await judge({
      deps: d,
      marker: marker({ environment: 'production', effective_mode: 'guided', risk_level: 'high' }),
      content: QUEUE,
    });
    expect(judged.patch).toEqual({ effective_mode: 'guided', risk_level: 'high' });
    expect(judged.details).toContain('`production-target`');
  });

  it.each([
    ['guided', 'guided'],
    ['manual', 'manual'],
  ] as const)('a %s task stays %s and records the risk, writing nothing', async (mode, effective) => {
    const { deps: d, writes } = deps();
    const judged = await judge({
      deps: d,
      marker: marker({ execution_mode: mode, effective_mode: effective }),
      content: ROLE,
    });
    expect(judged).toMatchObject({
      fellBack: false,
      patch: { effective_mode: effective, risk_level: 'high' },
    });
    expect(writes).toEqual([]);
  });
});

describe('judgeAgentCommit: a commit’s lockfile is compared with the one on the base branch', () => {
  const LOCK = 'services/api/package-lock.json';
  const lockfile = (withEsbuild: boolean) =>
    JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': {},
        ...(withEsbuild
          ? {
              'node_modules/esbuild': {
                version: '0.28.0',
                resolved: 'https://registry.npmjs.org/esbuild/-/esbuild-0.28.0.tgz',
                hasInstallScript: true,
              },
            }
          : {}),
      },
    });
  /** `deps()` whose contents API answers `answer` for the base lockfile and records each read. */
  const withBase = (answer: () => Promise<{ data: unknown }>) => {
    const made = deps();
    const reads: string[] = [];
    const client = made.deps.client as unknown as Record<string, unknown>;
    client['repos'] = {
      getContent: async (p: { path: string; ref?: string }) => {
        reads.push(`${p.path}@${p.ref}`);
        return answer();
      },
    };
    return { ...made, reads };
  };
  const file = (content: string) => ({
    data: { type: 'file', content: Buffer.from(content).toString('base64') },
  });
  const judgeLockfile = (d: TaskEventDependencies) =>
    judgeAgentCommit({
      deps: d,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      pullRequestId: 'PR_1',
      marker: marker(),
      config: DEFAULT_CONFIG,
      files: [{ path: LOCK, content: lockfile(true), role: 'source' }],
      commitSha: COMMIT,
      baseRef: 'main',
    });

  it('an install script the base lockfile has stays low, read at the base ref', async () => {
    const { deps: d, reads, writes } = withBase(async () => file(lockfile(true)));
    const judged = await judgeLockfile(d);
    expect(reads).toEqual([`${LOCK}@main`]);
    expect(judged).toMatchObject({ fellBack: false, patch: { risk_level: 'low' } });
    expect(writes).toEqual([]);
  });

  it('a new install script is high', async () => {
    const { deps: d } = withBase(async () => file(lockfile(false)));
    const judged = await judgeLockfile(d);
    expect(judged).toMatchObject({ fellBack: true, patch: { risk_level: 'high' } });
    expect(judged.details).toContain(`${LOCK}#packages.node_modules/esbuild`);
  });

  it('a base that cannot be read is no base: high, and the reason says why', async () => {
    const { deps: d } = withBase(async () => {
      throw Object.assign(new Error('Server Error'), { status: 502 });
    });
    const judged = await judgeLockfile(d);
    expect(judged).toMatchObject({ fellBack: true, patch: { risk_level: 'high' } });
    expect(judged.details).toContain(
      'the reviewed lockfile on the base branch could not be read: Server Error',
    );
  });
});

describe('judgeAgentCommit: the base files that name a file of the commit are read by what the file holds', () => {
  const PATCH = '--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-a\n+b\n';
  const CONFIG = '{"compilerOptions": {"outDir": "/home/runner/work/_actions/x"}}';
  const BASE: Record<string, string> = {
    'pnpm-workspace.yaml': 'patchedDependencies:\n  lodash@4.17.21: services/api/fixes/lodash.txt\n',
    'services/api/package.json': JSON.stringify({ name: 'api', scripts: { build: 'tsc -p src/x.ts' } }),
  };
  const judgeFiles = (files: Record<string, string>) => {
    const made = deps();
    const reads: string[] = [];
    (made.deps.client as unknown as Record<string, unknown>)['repos'] = {
      getContent: async (p: { path: string; ref?: string }) => {
        reads.push(p.path);
        const content = BASE[p.path];
        if (content === undefined) throw Object.assign(new Error('Not Found'), { status: 404 });
        return { data: { type: 'file', content: Buffer.from(content).toString('base64') } };
      },
    };
    return judgeAgentCommit({
      deps: made.deps,
      owner: 'o',
      repo: 'r',
      pullNumber: 2,
      pullRequestId: 'PR_1',
      marker: marker(),
      config: DEFAULT_CONFIG,
      files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'source' as const })),
      commitSha: COMMIT,
      baseRef: 'main',
    }).then((judged) => ({ judged, reads }));
  };

  it("a patch the base's pnpm-workspace.yaml names, whatever its name, is high", async () => {
    const { judged, reads } = await judgeFiles({ 'services/api/fixes/lodash.txt': PATCH });
    expect(reads).toContain('pnpm-workspace.yaml');
    expect(judged).toMatchObject({ fellBack: true, patch: { risk_level: 'high' } });
    expect(judged.details).toContain('services/api/fixes/lodash.txt');
  });

  it("a source file the base's script names as tsc's configuration is judged as one", async () => {
    const { judged } = await judgeFiles({ 'services/api/src/x.ts': CONFIG });
    expect(judged).toMatchObject({ fellBack: true, patch: { risk_level: 'high' } });
    expect(judged.details).toContain('services/api/src/x.ts#compilerOptions.outDir');
  });

  it('control: ordinary source reads nothing at the base and stays low', async () => {
    const { judged, reads } = await judgeFiles({ 'services/api/src/index.ts': 'export const a = 1;\n' });
    expect(reads).toEqual([]);
    expect(judged).toMatchObject({ fellBack: false, patch: { risk_level: 'low' } });
  });
});
