import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli, workspaceWithRepository } from './run-cli.js';

const EXAMPLE = 'examples/orders-api.request.json';

/** Exit code 2 and a message naming the fix, with nothing generated, written or initialised. */
async function expectRefusedBeforeGenerating(args: string[], message: RegExp | string) {
  const result = await runCli(args);
  expect(result.code).toBe(2);
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(result.stdout).not.toContain('Generating');
  expect(result.stderr).not.toMatch(/ENOENT|EISDIR|at .*\.ts:\d+/);
  return result;
}

describe('implementation-agent run: a wrong invocation exits 2 before anything is generated', () => {
  it('names an unknown option and shows the usage', async () => {
    const result = await expectRefusedBeforeGenerating(['run', EXAMPLE, '--bogus'], 'unknown option --bogus');
    expect(result.stderr).toContain('Usage: implementation-agent run');
  });

  it('says plainly that the request file does not exist', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    await expectRefusedBeforeGenerating(
      ['run', path.join(work, 'missing.json'), '--repo', repo, '--out', out],
      `Cannot read the request file ${path.join(work, 'missing.json')}: there is no such file.`,
    );
    await expect(stat(out)).rejects.toThrow();
  });

  it('refuses a --repo that is a file', async () => {
    const { work, out } = await workspaceWithRepository();
    const file = path.join(work, 'file.txt');
    await writeFile(file, 'not a folder');
    await expectRefusedBeforeGenerating(
      ['run', EXAMPLE, '--repo', file, '--out', out],
      `--repo ${file} is a file`,
    );
  });

  it('asks for --init instead of initialising a folder that is not a git repository', async () => {
    const { work, out } = await workspaceWithRepository();
    const plain = path.join(work, 'plain');
    await mkdir(plain);
    await expectRefusedBeforeGenerating(
      ['run', EXAMPLE, '--repo', plain, '--out', out],
      /not a git repository\. Pass --init/,
    );
    expect(await readdir(plain)).toEqual([]);
  });

  it('prints the usage with exit code 0 when asked for help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Exit codes: 0');
  });
});
