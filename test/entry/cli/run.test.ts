import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const CLI = ['--import', 'tsx', 'src/entry/cli/run.ts'];

/** Runs the CLI the way a user does, as a process, and returns its exit code and output. */
async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [...CLI, ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const git = async (cwd: string, ...args: string[]) => (await exec('git', args, { cwd })).stdout.trim();

/** Writes a request file into a fresh folder and runs the CLI on it with repo and out beside it. */
async function runOnRequestText(fileName: string, text: string) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'cli-'));
  const requestFile = path.join(work, fileName);
  await writeFile(requestFile, text);
  const result = await runCli([
    'run',
    requestFile,
    '--repo',
    path.join(work, 'repo'),
    '--out',
    path.join(work, 'out'),
  ]);
  return { ...result, work };
}

describe('implementation-agent run', () => {
  it('turns the shipped example into a commit on a new branch plus PR body, report and status', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'cli-'));
    const repo = path.join(work, 'repo');
    const out = path.join(work, 'out');
    const result = await runCli(['run', 'examples/orders-api.request.json', '--repo', repo, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Validation gates passed');

    const status = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8'));
    expect(status).toMatchObject({ status: 'pr_open', branch: 'implementation/local-orders-api' });
    expect(await git(repo, 'rev-parse', status.branch)).toBe(status.commit);
    const committed = (await git(repo, 'ls-tree', '-r', '--name-only', status.branch)).split('\n');
    expect(committed).toEqual(expect.arrayContaining(status.files));
    expect(await git(repo, 'branch', '--show-current')).toBe('main');
    expect(await readFile(path.join(out, 'pr-body.md'), 'utf8')).toContain('### Validation');

    const again = await runCli(['run', 'examples/orders-api.request.json', '--repo', repo, '--out', out]);
    expect(again.code).toBe(0);
    expect(await git(repo, 'rev-list', '--count', status.branch)).toBe('3');
  });

  it('answers a bad request with every field error and writes nothing to the repository', async () => {
    const result = await runOnRequestText(
      'bad.json',
      JSON.stringify({ execution_request: { task_type: 'mainframe', task_name: '' } }),
    );
    expect(result.code).toBe(1);
    for (const field of ['task_type', 'task_name', 'execution_mode', 'target_environment'])
      expect(result.stderr).toContain(field);
    await expect(readFile(path.join(result.work, 'repo', '.git', 'HEAD'))).rejects.toThrow();
  });

  it('reports malformed JSON with where it broke', async () => {
    const result = await runOnRequestText(
      'broken.json',
      '{\n  "execution_request": {\n    "task_type": "application",,\n',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 3/i);
  });

  it('prints usage for a wrong invocation', async () => {
    const result = await runCli(['deploy']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: implementation-agent run');
  });
});
