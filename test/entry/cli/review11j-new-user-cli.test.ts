import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runCli, workspaceWithRepository, type CliRun } from './run-cli.js';

/**
 * Review 11j, a fresh new-user pass over issue #11 items 7–8 (the CLI's exit codes and messages):
 * odd values a user types in the first hour — an empty `--out ""`, an `--out` inside the
 * repository's `.git`, an empty request file, a folder given as the request file. The README
 * promises exit 2 for a `--out` that cannot be used, detected before anything is generated, and
 * plain messages. Each FAULT test asserts the right answer and is `it.failing` while the fault exists.
 */
const EXAMPLE = 'examples/orders-api.request.json';

/** The CLI run from another current folder (as a user runs it from theirs), paths made absolute. */
async function runCliIn(cwd: string, args: string[]): Promise<CliRun> {
  const tsx = pathToFileURL(createRequire(path.join(process.cwd(), 'package.json')).resolve('tsx')).href;
  const cli = path.join(process.cwd(), 'src/entry/cli/run.ts');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', tsx, cli, ...args], {
      cwd,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('review 11j: odd CLI inputs', () => {
  it('fixed FAULT: `--out ""` generates, runs the gates, writes tasks/, artifacts/ and artifact-metadata/ into the current folder, then fails with the raw "ENOENT: no such file or directory, mkdir \'\'" and exit 1 (an unusable --out found after generating, not refused first with exit 2)', async () => {
    const { work, repo } = await workspaceWithRepository();
    const here = path.join(work, 'here');
    await mkdir(here);
    const result = await runCliIn(here, ['run', path.resolve(EXAMPLE), '--repo', repo, '--out', '']);
    expect(result.stderr).not.toContain('ENOENT');
    expect(result.stdout).not.toContain('Generating');
    expect(result.code).toBe(2);
    expect(await readdir(here)).toEqual([]);
  });

  it("fixed FAULT: `--out <repo>/.git` is accepted (exit 0): pr-body.md, status.json, tasks/ and artifacts/ are written into the repository's git directory (the README refuses a folder inside .git for --repo; --out there is no more usable)", async () => {
    const { repo } = await workspaceWithRepository();
    const gitDir = path.join(repo, '.git');
    const before = await readdir(gitDir);
    const result = await runCli(['run', EXAMPLE, '--repo', repo, '--out', gitDir]);
    expect(result.code).toBe(2);
    expect(await readdir(gitDir)).toEqual(before);
  });

  it('fixed FAULT: an empty request file is answered "`(request)` must be a JSON object, but is null" (an empty file not said to be empty)', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const empty = path.join(work, 'request.json');
    await writeFile(empty, '');
    const result = await runCli(['run', empty, '--repo', repo, '--out', out]);
    expect(result.stderr).not.toContain('but is null');
    expect(result.stderr).toMatch(/empty/i);
  });

  it('refuses the repository itself as --out (each run replaces status.json and pr-body.md there) with exit 2, writing nothing', async () => {
    const { repo } = await workspaceWithRepository();
    await writeFile(path.join(repo, 'status.json'), 'mine');
    const before = await readdir(repo);
    const result = await runCli(['run', EXAMPLE, '--repo', repo, '--out', repo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is the repository itself');
    expect(await readdir(repo)).toEqual(before);
    expect(await readFile(path.join(repo, 'status.json'), 'utf8')).toBe('mine');
  });

  it('refuses a folder given as the request file with exit 2 and a plain message, before generating', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const result = await runCli(['run', work, '--repo', repo, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot read the request file ${work}: it is a folder, not a file.`);
    expect(result.stdout).not.toContain('Generating');
  });
});
