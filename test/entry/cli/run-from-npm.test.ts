import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { invocationFolder } from '../../../src/entry/cli/invocation-folder.js';
import { git, runCli, workspaceWithRepository } from './run-cli.js';

describe('npm run cli: paths mean what they mean where the user typed them', () => {
  it('reads the request, commits and writes the out folder relative to where npm was run (INIT_CWD)', async () => {
    const { work, repo } = await workspaceWithRepository();
    await copyFile('examples/orders-api.request.json', path.join(work, 'request.json'));
    // The process runs in the package folder, as npm runs every script; the user typed the command in `work`.
    const result = await runCli(['run', 'request.json', '--repo', 'repo', '--out', 'out'], {
      npm_lifecycle_event: 'cli',
      INIT_CWD: work,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await git(repo, 'branch', '--list', 'implementation/local-orders-api')).toContain(
      'implementation/local-orders-api',
    );
    const status = JSON.parse(await readFile(path.join(work, 'out', 'status.json'), 'utf8')) as {
      status: string;
    };
    expect(status.status).toBe('committed');
  });

  it('keeps the current folder for other scripts (npm run demo’s paths are the package’s own) and outside npm', () => {
    const cwd = '/pkg';
    expect(invocationFolder({ env: { npm_lifecycle_event: 'cli', INIT_CWD: '/home/me/shop' }, cwd })).toBe(
      '/home/me/shop',
    );
    expect(invocationFolder({ env: { npm_lifecycle_event: 'demo', INIT_CWD: '/home/me/shop' }, cwd })).toBe(
      cwd,
    );
    expect(invocationFolder({ env: { INIT_CWD: '/home/me/shop' }, cwd })).toBe(cwd);
    expect(invocationFolder({ env: { npm_lifecycle_event: 'cli', INIT_CWD: '' }, cwd })).toBe(cwd);
  });
});
