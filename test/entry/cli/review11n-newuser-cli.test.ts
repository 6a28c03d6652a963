import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { parseCliArguments } from '../../../src/entry/cli/parse-cli-arguments.js';
import { git, runCli, workspaceWithRepository } from './run-cli.js';

/**
 * Review 11n, a new-user pass over issue #11 items 7–8 (the CLI as a platform engineer first tries
 * it): the words people type first (`help`, `version`, `--version`), a request file cut short while
 * editing, an `--out` that is a file, and an infrastructure request (a VPC endpoint for a private
 * API) sent with `deployment_strategy: canary`. The README promises exit 2 for a wrong invocation
 * detected before anything is generated, exit 1 for a bad request, and that a setting with no
 * effect is not shown as if it had one. Everything here behaved as promised: no FAULT test.
 */
jest.setTimeout(180_000);

const privateApiNetwork = {
  execution_request: {
    task_type: 'infrastructure',
    task_name: 'Private reports API network',
    execution_mode: 'guided',
    target_environment: 'staging',
    deployment_strategy: 'canary',
    description:
      'A VPC interface endpoint for API Gateway so our private reports API is reachable only from inside the VPC. Enable private DNS for the endpoint.',
  },
};

describe('review 11n: the first words a new user types', () => {
  it.each([[['help']], [['version']], [['--version']], [['run', 'r.json', '--dry-run']]])(
    '%j is a wrong invocation (exit 2 with the usage), not a run',
    (argv) => {
      expect(parseCliArguments(argv)).toMatchObject({ kind: 'wrong' });
    },
  );
});

describe('review 11n: the CLI on a platform team’s first requests', () => {
  it('a request file cut short while editing exits 1 naming the line and column, writes request-errors.md and status invalid_request, and generates nothing', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const request = path.join(work, 'request.json');
    await writeFile(request, '{"execution_request":\n');
    const run = await runCli(['run', request, '--repo', repo, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not valid JSON at line 2, column 1/);
    expect(run.stdout).not.toContain('[3/5]');
    expect(await readFile(path.join(out, 'request-errors.md'), 'utf8')).toContain('A minimal valid request');
    expect(JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8'))).toMatchObject({
      status: 'invalid_request',
    });
    expect(await git(repo, 'branch', '--list', 'implementation/*')).toBe('');
  });

  it('an --out that is a file exits 2 before generating, and the file is left as it was', async () => {
    const { work, repo } = await workspaceWithRepository();
    const request = path.join(work, 'request.json');
    await writeFile(request, JSON.stringify(privateApiNetwork));
    const file = path.join(work, 'notes.txt');
    await writeFile(file, 'mine');
    const run = await runCli(['run', request, '--repo', repo, '--out', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a file, not a folder');
    expect(run.stdout).not.toContain('[3/5]');
    expect(await readFile(file, 'utf8')).toBe('mine');
  });

  it('an infrastructure request with deployment_strategy canary commits, and its PR body shows no Strategy in the header but a not-covered row saying the setting had no effect', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const request = path.join(work, 'request.json');
    await writeFile(request, JSON.stringify(privateApiNetwork));
    const run = await runCli(['run', request, '--repo', repo, '--out', out]);
    expect(run.code).toBe(0);
    for (const step of ['[1/5]', '[2/5]', '[3/5]', '[4/5]', '[5/5]']) expect(run.stdout).toContain(step);
    const body = await readFile(path.join(out, 'pr-body.md'), 'utf8');
    expect(body).not.toMatch(/\*\*Strategy\*\*/);
    expect(body).toMatch(/\| deployment_strategy: canary \| ❌ not covered \|/);
    expect(body).toMatch(/no effect: the foundation has no Lambda function/);
    const status = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(status['status']).toBe('committed');
    expect(await git(repo, 'rev-parse', 'implementation/local-private-reports-api-network')).toBe(
      status['commit'],
    );
    expect(existsSync(path.join(out, 'request-errors.md'))).toBe(false);
    expect(await git(repo, 'status', '--porcelain')).toBe('');
  });
});
