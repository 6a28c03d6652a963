import { openRevertPullRequest, type RevertClient } from '../../src/github/open-revert-pull-request.js';

const GOOD = '1'.repeat(40);
const BAD = '2'.repeat(40);

function fakeRepository(
  options: { onDefault?: string; branchExists?: boolean; changedFiles?: number; truncated?: boolean } = {},
) {
  const calls: Array<{ method: string; params: Record<string, unknown> }> = [];
  const record =
    <T>(method: string, result: T | (() => T)) =>
    async (params: Record<string, unknown>) => {
      calls.push({ method, params });
      return typeof result === 'function' ? (result as () => T)() : result;
    };
  const client: RevertClient = {
    repos: {
      compareCommitsWithBasehead: async (params) => {
        calls.push({ method: 'repos.compare', params });
        return params.basehead.endsWith('...main')
          ? { data: { status: options.onDefault ?? 'ahead' } }
          : options.changedFiles !== undefined
            ? {
                data: {
                  status: 'ahead',
                  files: Array.from({ length: options.changedFiles }, (_, index) => ({
                    filename: `src/file-${index}.ts`,
                    status: 'modified',
                  })),
                },
              }
            : {
                data: {
                  status: 'ahead',
                  files: [
                    { filename: 'services/orders/handler.ts', status: 'modified' },
                    { filename: 'services/orders/new-feature.ts', status: 'added' },
                    {
                      filename: 'services/orders/renamed.ts',
                      status: 'renamed',
                      previous_filename: 'services/orders/old.ts',
                    },
                  ],
                },
              };
      },
    },
    git: {
      getRef: record('git.getRef', { data: { object: { sha: 'main-head' } } }),
      getCommit: record('git.getCommit', { data: { tree: { sha: 'main-tree' } } }),
      getTree: async (params) => {
        calls.push({ method: 'git.getTree', params });
        if (options.truncated) return { data: directoryListing(params.tree_sha, params.recursive) };
        return {
          data: {
            truncated: false,
            tree: [
              { path: 'services/orders/handler.ts', mode: '100644', type: 'blob', sha: 'blob-handler-good' },
              { path: 'services/orders/old.ts', mode: '100755', type: 'blob', sha: 'blob-old-good' },
              { path: 'services/orders', mode: '040000', type: 'tree', sha: 'tree-dir' },
            ],
          },
        };
      },
      createTree: record('git.createTree', { data: { sha: 'revert-tree' } }),
      createCommit: record('git.createCommit', { data: { sha: 'revert-commit' } }),
      createRef: async (params) => {
        calls.push({ method: 'git.createRef', params });
        if (options.branchExists) throw Object.assign(new Error('Reference already exists'), { status: 422 });
        return {};
      },
      updateRef: record('git.updateRef', {}),
    },
    pulls: {
      create: record('pulls.create', {
        data: { number: 77, html_url: 'https://github.com/acme/shop/pull/77' },
      }),
    },
  };
  return { client, calls, body: (method: string) => calls.find((call) => call.method === method)?.params };
}

/**
 * A repository too large for one recursive listing: GitHub answers that one cut short, and each
 * directory on its own.
 */
function directoryListing(treeSha: string, recursive: string | undefined) {
  if (recursive === 'true') {
    return {
      truncated: true,
      tree: [{ path: 'a-first-file.txt', mode: '100644', type: 'blob', sha: 'blob-a' }],
    };
  }
  const trees: Record<string, Array<{ path: string; mode: string; type: string; sha: string }>> = {
    [GOOD]: [{ path: 'services', mode: '040000', type: 'tree', sha: 'tree-services' }],
    'tree-services': [{ path: 'orders', mode: '040000', type: 'tree', sha: 'tree-orders' }],
    'tree-orders': [
      { path: 'handler.ts', mode: '100644', type: 'blob', sha: 'blob-handler-good' },
      { path: 'old.ts', mode: '100755', type: 'blob', sha: 'blob-old-good' },
    ],
  };
  return { truncated: false, tree: trees[treeSha] ?? [] };
}

const revert = (repository: ReturnType<typeof fakeRepository>) =>
  openRevertPullRequest({
    client: repository.client,
    owner: 'acme',
    repo: 'shop',
    defaultBranch: 'main',
    environment: 'production',
    goodSha: GOOD,
    badSha: BAD,
    rollbackDeploymentId: 501,
  });

describe('openRevertPullRequest', () => {
  it('restores the changed files as they were at the good sha and removes the files the change added', async () => {
    const repository = fakeRepository();

    expect(await revert(repository)).toEqual({ number: 77, url: 'https://github.com/acme/shop/pull/77' });

    expect(repository.body('git.createTree')).toEqual({
      owner: 'acme',
      repo: 'shop',
      base_tree: 'main-tree',
      tree: [
        { path: 'services/orders/handler.ts', mode: '100644', type: 'blob', sha: 'blob-handler-good' },
        { path: 'services/orders/new-feature.ts', mode: '100644', type: 'blob', sha: null },
        { path: 'services/orders/renamed.ts', mode: '100644', type: 'blob', sha: null },
        { path: 'services/orders/old.ts', mode: '100755', type: 'blob', sha: 'blob-old-good' },
      ],
    });
    expect(repository.body('git.createCommit')).toMatchObject({
      parents: ['main-head'],
      tree: 'revert-tree',
    });
    expect(repository.body('git.createRef')).toMatchObject({
      ref: 'refs/heads/revert/production-2222222',
      sha: 'revert-commit',
    });
    expect(repository.body('pulls.create')).toMatchObject({
      head: 'revert/production-2222222',
      base: 'main',
    });
    expect(repository.calls).toHaveLength(9);
  });

  it('opens nothing when the rolled-back sha never reached the default branch', async () => {
    const repository = fakeRepository({ onDefault: 'diverged' });

    expect(await revert(repository)).toBeUndefined();
    expect(repository.calls.map((call) => call.method)).toEqual(['repos.compare']);
  });

  it('reuses the revert branch when the same sha was rolled back before', async () => {
    const repository = fakeRepository({ branchExists: true });

    await revert(repository);

    expect(repository.body('git.updateRef')).toMatchObject({
      ref: 'heads/revert/production-2222222',
      force: true,
    });
  });

  it('reads only the directories it needs when GitHub cuts the whole tree short, never taking part for all', async () => {
    const repository = fakeRepository({ truncated: true });

    await revert(repository);

    expect(repository.body('git.createTree')).toMatchObject({
      tree: [
        { path: 'services/orders/handler.ts', sha: 'blob-handler-good' },
        { path: 'services/orders/new-feature.ts', sha: null },
        { path: 'services/orders/renamed.ts', sha: null },
        { path: 'services/orders/old.ts', mode: '100755', sha: 'blob-old-good' },
      ],
    });
    const listed = repository.calls
      .filter((call) => call.method === 'git.getTree')
      .map((call) => call.params);
    expect(listed.map((params) => [params['tree_sha'], params['recursive']])).toEqual([
      [GOOD, 'true'],
      [GOOD, undefined],
      ['tree-services', undefined],
      ['tree-orders', undefined],
    ]);
  });

  it('opens no partial revert when the change touches more files than GitHub’s compare lists', async () => {
    const repository = fakeRepository({ changedFiles: 300 });

    const result = await revert(repository);

    expect(result).toEqual({ problem: expect.stringContaining('300 files or more') });
    expect(repository.calls.some((call) => call.method === 'git.createTree')).toBe(false);
  });
});
