import { execFile } from 'node:child_process';
import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli } from './run-cli.js';

/**
 * A new-user pass over the CLI's `--repo` checks (review 11g, issue #11 item 7): a bare repository
 * (a remote kept on a laptop or a server, `git init --bare`) given as `--repo`. The CLI writes with
 * git's plumbing, so it could commit there; what it must never do is call it "not a git repository"
 * and, with the `--init` it suggests, create a second repository inside it. Each FAULT test asserts
 * the right answer and is `it.failing` while the fault exists.
 */
const exec = promisify(execFile);
const EXAMPLE = 'examples/orders-api.request.json';

async function bareRepository(): Promise<{ bare: string; out: string }> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'cli-bare-'));
  const bare = path.join(work, 'shop.git');
  await exec('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  return { bare, out: path.join(work, 'out') };
}

describe('review 11g: a bare repository as --repo', () => {
  it.failing(
    'FAULT: a bare repository is refused as "not a git repository. Pass --init to create one there" (a bare repository taken for a plain folder)',
    async () => {
      const { bare, out } = await bareRepository();
      const result = await runCli(['run', EXAMPLE, '--repo', bare, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/bare/);
      expect(result.stderr).not.toContain('is not a git repository');
    },
  );

  it.failing(
    'FAULT: `--init` on a bare repository creates a second repository (`.git`) inside it and commits there, so git in that folder no longer sees the bare repository (--init writing into an existing repository)',
    async () => {
      const { bare, out } = await bareRepository();
      const result = await runCli(['run', EXAMPLE, '--repo', bare, '--out', out, '--init']);
      expect(result.code).toBe(2);
      await expect(stat(path.join(bare, '.git'))).rejects.toThrow();
      const isBare = (await exec('git', ['-C', bare, 'rev-parse', '--is-bare-repository'])).stdout.trim();
      expect(isBare).toBe('true');
    },
  );
});
