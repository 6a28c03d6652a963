import { mkdir, mkdtemp, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import type { ModelProvider } from '../../src/generation/model-provider.js';
import { runLocalTask } from '../../src/local/run-local-task.js';
import { fixedBundleProvider } from '../entry/app/fixed-bundle-provider.js';
import { git, workspaceWithRepository } from '../entry/cli/run-cli.js';

const EXAMPLE = 'examples/orders-api.request.json';
const BRANCH = 'implementation/local-orders-api';

/** Runs in-process, collecting progress; every case starts from a fresh repository. */
async function run(overrides: Partial<Parameters<typeof runLocalTask>[0]> = {}) {
  const { work, repo, out } = await workspaceWithRepository();
  const progress: string[] = [];
  const result = await runLocalTask({
    requestFile: EXAMPLE,
    repoDir: repo,
    outDir: out,
    init: false,
    provider: createOfflineProvider(),
    progress: (line) => progress.push(line),
    ...overrides,
  });
  return { result, progress, work, repo, out };
}

describe('runLocalTask refuses what it cannot do, before generating', () => {
  it('refuses a branch checked out in a linked work tree', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    await git(repo, 'branch', BRANCH);
    await git(repo, 'worktree', 'add', '-q', path.join(work, 'linked'), BRANCH);
    const provider = fixedBundleProvider(2);
    const result = await runLocalTask({
      requestFile: EXAMPLE,
      repoDir: repo,
      outDir: out,
      init: false,
      provider,
      progress: () => {},
    });
    expect(result).toMatchObject({ status: 'refused', message: expect.stringContaining('linked') });
    expect(provider.calls).toBe(0);
    expect(await git(repo, 'rev-list', '--count', BRANCH)).toBe('1');
  });

  it('refuses an --out that is a file, a missing --repo without --init, and a request that is a folder', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'local-'));
    const file = path.join(work, 'file.txt');
    await writeFile(file, 'x');
    expect((await run({ outDir: file })).result).toMatchObject({
      status: 'refused',
      message: `--out ${file} is a file, not a folder.`,
    });
    const missing = path.join(work, 'missing');
    expect((await run({ repoDir: missing })).result).toMatchObject({
      status: 'refused',
      message: expect.stringContaining('does not exist. Pass --init'),
    });
    await expect(readdir(missing)).rejects.toThrow();
    expect((await run({ requestFile: work })).result).toMatchObject({
      status: 'refused',
      message: `Cannot read the request file ${work}: it is a folder, not a file.`,
    });
  });

  it('replaces the previous run’s status with "refused" and removes its outputs, so nothing stale describes the run (#11)', async () => {
    const { repo, out } = await workspaceWithRepository();
    const first = await runLocalTask({
      requestFile: EXAMPLE,
      repoDir: repo,
      outDir: out,
      init: false,
      provider: createOfflineProvider(),
      progress: () => {},
    });
    expect(first.status).toBe('committed');
    expect(await runOutputs(out)).toEqual(['pr-body.md', 'status.json', 'validation-report.json']);
    const missing = path.join(repo, 'no-such-request.json');
    const second = await runLocalTask({
      requestFile: missing,
      repoDir: repo,
      outDir: out,
      init: false,
      provider: createOfflineProvider(),
      progress: () => {},
    });
    expect(second.status).toBe('refused');
    expect(await runOutputs(out)).toEqual(['status.json']);
    const status = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(status).toMatchObject({
      status: 'refused',
      message: second.status === 'refused' ? second.message : '',
    });
    expect(JSON.stringify(status)).not.toContain('committed');
  });

  it('points a sub-folder of a repository at its top level, and nests a repository there only with --init', async () => {
    const { repo } = await workspaceWithRepository();
    const sub = path.join(repo, 'services');
    await mkdir(sub);
    expect((await run({ repoDir: sub })).result).toMatchObject({
      status: 'refused',
      message: expect.stringContaining(
        `is a sub-folder of the git repository ${await git(repo, 'rev-parse', '--show-toplevel')}`,
      ),
    });
    expect(await readdir(sub)).toEqual([]);
    // An absolute --repo gets an absolute fix, not a climb of ../ from wherever the CLI ran.
    const topLevel = await git(repo, 'rev-parse', '--show-toplevel');
    expect((await run({ repoDir: sub })).result).toMatchObject({
      message: expect.stringContaining(`Pass --repo ${topLevel} to commit there`),
    });
    const nested = await run({ repoDir: sub, init: true });
    expect(nested.result).toMatchObject({ status: 'committed', branch: BRANCH });
    expect(await git(sub, 'rev-parse', '--show-toplevel')).toBe(await realpath(sub));
    expect(await git(repo, 'branch', '--list', BRANCH)).toBe('');
  });
});

describe('runLocalTask says what happened, and only about this run', () => {
  it('tells a markdown request to fix the file, not to comment /retry', async () => {
    const { work } = await workspaceWithRepository();
    const issue = path.join(work, 'issue.md');
    await writeFile(issue, '```json\n{ "execution_request": { "task_type": "application" } }\n```\n');
    const { result, out } = await run({ requestFile: issue });
    expect(result.status).toBe('invalid_request');
    const errors = await readFile(path.join(out, 'request-errors.md'), 'utf8');
    expect(errors).toContain('Fix the request file and run again.');
    expect(errors).not.toMatch(/\/retry|comment/i);
  });

  it('writes a failed status and the findings, without a PR body, when validation fails after repair', async () => {
    const { result, out } = await run({ provider: fixedBundleProvider(2, ['../escape.ts']) });
    expect(result.status).toBe('failed');
    expect(await runOutputs(out)).toEqual(['status.json', 'validation-report.md']);
    const status = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8'));
    expect(status).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await readFile(path.join(out, 'validation-report.md'), 'utf8')).toContain('escape.ts');
  });

  it('records a crash in status.json instead of leaving the previous run’s status', async () => {
    const first = await run();
    expect(first.result.status).toBe('committed');
    const crashing: ModelProvider = {
      name: 'crashing',
      generate: async () => {
        throw new Error('connection reset');
      },
    };
    await expect(
      runLocalTask({
        requestFile: EXAMPLE,
        repoDir: first.repo,
        outDir: first.out,
        init: false,
        provider: crashing,
        progress: () => {},
      }),
    ).rejects.toThrow('connection reset');
    expect(await runOutputs(first.out)).toEqual(['status.json']);
    const status = JSON.parse(await readFile(path.join(first.out, 'status.json'), 'utf8'));
    expect(status).toMatchObject({
      status: 'failed',
      message: 'The run stopped on an error: connection reset',
    });
  });

  it('reports each step once, numbered, and the attempts of a repaired generation', async () => {
    const { progress } = await run();
    expect(progress.map((line) => /^\[(\d)\/5\]/.exec(line)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(progress[4]).toMatch(new RegExp(`^\\[5/5\\] Committed [0-9a-f]{7} on branch ${BRANCH}`));
  });

  it('words the pr-body.md checklist for a local commit: no check or review exists until a pull request does (#11)', async () => {
    const { repo, out } = await workspaceWithRepository();
    const result = await runLocalTask({
      requestFile: EXAMPLE,
      repoDir: repo,
      outDir: out,
      init: false,
      provider: createOfflineProvider(),
      progress: () => {},
    });
    expect(result.status).toBe('committed');
    const body = await readFile(path.join(out, 'pr-body.md'), 'utf8');
    const checklist = body.slice(body.indexOf('### Checklist'));
    expect(checklist).not.toContain('Approve this PR');
    expect(checklist).toContain('- [ ] Push the branch and open a pull request');
    expect(checklist).toContain('- [ ] Review the source and its tests');
  });
});

/** The out folder's files from the run; the task record's stores (`tasks/`, `artifacts/`) are kept across runs. */
async function runOutputs(out: string): Promise<string[]> {
  const kept = new Set(['tasks', 'artifacts', 'artifact-metadata']);
  return (await readdir(out)).filter((name) => !kept.has(name)).sort();
}
