import type { GeneratedFile } from '../../src/core/bundle/artifact-bundle.js';
import { publishPullRequest, type PullRequestClient } from '../../src/github/publish-pull-request.js';

/** An in-memory GitHub repository that records every call, so tests can count and inspect them. */
function fakeRepository(options: {
  branchExists: boolean;
  openPull?: number;
  sameTree?: boolean;
  /** The open pull request's base, as GitHub lists it. */
  openBase?: string;
}) {
  const calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  const record =
    <T>(method: string, result: T) =>
    async (params: Record<string, unknown>) => {
      calls.push({ method, params });
      return result;
    };
  const client: PullRequestClient = {
    git: {
      getRef: async (params) => {
        calls.push({ method: 'git.getRef', params });
        if (params.ref === 'heads/main') return { data: { object: { sha: 'main-sha' } } };
        if (options.branchExists) return { data: { object: { sha: 'branch-sha' } } };
        throw Object.assign(new Error('Not Found'), { status: 404 });
      },
      getCommit: record('git.getCommit', { data: { tree: { sha: 'base-tree' } } }),
      createTree: record('git.createTree', { data: { sha: options.sameTree ? 'base-tree' : 'new-tree' } }),
      createCommit: record('git.createCommit', { data: { sha: 'new-commit' } }),
      createRef: record('git.createRef', {}),
      updateRef: record('git.updateRef', {}),
      getTree: record('git.getTree', { data: { tree: [], truncated: false } }),
    },
    pulls: {
      list: record('pulls.list', {
        data: options.openPull
          ? [
              {
                number: options.openPull,
                html_url: `https://github.com/acme/shop/pull/${options.openPull}`,
                ...(options.openBase === undefined ? {} : { base: { ref: options.openBase } }),
              },
            ]
          : [],
      }),
      create: record('pulls.create', {
        data: { number: 12, html_url: 'https://github.com/acme/shop/pull/12' },
      }),
      update: record('pulls.update', {}),
    },
    issues: { addLabels: record('issues.addLabels', {}) },
  };
  return { client, calls, methods: () => calls.map((call) => call.method) };
}

const filesOf = (count: number): GeneratedFile[] =>
  Array.from({ length: count }, (_, index) => ({
    path: `services/orders/src/file-${index}.ts`,
    content: `export const n = ${index};\n`,
    role: 'source',
  }));

const publish = (client: PullRequestClient, files: GeneratedFile[]) =>
  publishPullRequest({
    client,
    owner: 'acme',
    repo: 'shop',
    baseBranch: 'main',
    branch: 'implementation/7-orders-api',
    files,
    commitMessage: 'Implement Orders API (attempt 1)',
    title: 'Orders API',
    body: 'Closes #7',
    labels: ['implementation', 'type:application'],
  });

describe('publishPullRequest', () => {
  it('opens a PR from a new branch with one tree, one commit and one ref', async () => {
    const repo = fakeRepository({ branchExists: false });
    const result = await publish(repo.client, filesOf(3));
    expect(result).toEqual({
      number: 12,
      url: 'https://github.com/acme/shop/pull/12',
      commitSha: 'new-commit',
      created: true,
      pushed: true,
      branchCreated: true,
      base: 'main',
      retired: [],
      keptEdited: [],
    });
    expect(repo.methods()).toEqual([
      'git.getRef',
      'git.getRef',
      'git.getCommit',
      'git.createTree',
      'git.createCommit',
      'git.createRef',
      'pulls.list',
      'pulls.create',
      'issues.addLabels',
    ]);
    const tree = repo.calls.find((call) => call.method === 'git.createTree')?.params;
    expect(tree).toMatchObject({ base_tree: 'base-tree' });
    expect((tree?.tree as unknown[]).length).toBe(3);
    expect(repo.calls.find((call) => call.method === 'git.createCommit')?.params).toMatchObject({
      parents: ['main-sha'],
      tree: 'new-tree',
    });
    expect(repo.calls.find((call) => call.method === 'git.createRef')?.params).toMatchObject({
      ref: 'refs/heads/implementation/7-orders-api',
    });
  });

  it('takes the same number of calls for 3, 30 and 100 files', async () => {
    const counts = await Promise.all(
      [3, 30, 100].map(async (count) => {
        const repo = fakeRepository({ branchExists: false });
        await publish(repo.client, filesOf(count));
        return repo.calls.length;
      }),
    );
    expect(new Set(counts).size).toBe(1);
  });

  it('re-running adds a commit to the same branch and updates the open PR', async () => {
    const repo = fakeRepository({ branchExists: true, openPull: 12 });
    const result = await publish(repo.client, filesOf(3));
    expect(result.created).toBe(false);
    // A commit on top of the branch: whatever anyone pushed to it stays under the new head.
    expect(result.branchCreated).toBe(false);
    expect(repo.methods()).not.toContain('pulls.create');
    expect(repo.methods()).not.toContain('git.createRef');
    expect(repo.calls.find((call) => call.method === 'git.createCommit')?.params).toMatchObject({
      parents: ['branch-sha'],
    });
    expect(repo.calls.find((call) => call.method === 'git.updateRef')?.params).toMatchObject({
      sha: 'new-commit',
      force: false,
    });
    expect(repo.calls.find((call) => call.method === 'pulls.update')?.params).toMatchObject({
      pull_number: 12,
      body: 'Closes #7',
    });
  });

  // Review #9e: whose head the commit was built on, and where the pull request merges, are the
  // caller's to judge (an unseen push, a retargeted pull request): both are reported as GitHub has them.
  it('names the head it built on and the open pull request’s base as GitHub has it', async () => {
    const repo = fakeRepository({ branchExists: true, openPull: 12, openBase: 'release' });
    const result = await publish(repo.client, filesOf(3));
    expect(result).toMatchObject({
      builtOn: 'branch-sha',
      base: 'release',
      pushed: true,
      branchCreated: false,
    });
    const unchanged = await publish(
      fakeRepository({ branchExists: true, openPull: 12, sameTree: true }).client,
      filesOf(3),
    );
    expect(unchanged).toMatchObject({ builtOn: 'branch-sha', commitSha: 'branch-sha', pushed: false });
  });

  it('adds no empty commit when a re-run generated the same files, and still updates the PR', async () => {
    const repo = fakeRepository({ branchExists: true, openPull: 12, sameTree: true });
    const result = await publish(repo.client, filesOf(3));
    expect(result).toMatchObject({ commitSha: 'branch-sha', created: false });
    expect(repo.methods()).not.toContain('git.createCommit');
    expect(repo.methods()).not.toContain('git.updateRef');
    expect(repo.methods()).toContain('pulls.update');
  });

  it('still creates a new branch whose files equal the base branch', async () => {
    const repo = fakeRepository({ branchExists: false, sameTree: true });
    const result = await publish(repo.client, filesOf(1));
    expect(result.commitSha).toBe('new-commit');
    expect(repo.methods()).toContain('git.createRef');
  });

  it('lets errors other than a missing branch through', async () => {
    const repo = fakeRepository({ branchExists: false });
    repo.client.git.getRef = async () => {
      throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    };
    await expect(publish(repo.client, filesOf(1))).rejects.toThrow('Resource not accessible');
  });
});
