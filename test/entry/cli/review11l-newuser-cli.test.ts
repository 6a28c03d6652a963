import { readFile, writeFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import path from 'node:path';
import { git, runCli, workspaceWithRepository } from './run-cli.js';

/**
 * Review 11l, a new-user pass over issue #11 items 6–8 (the CLI as a platform team uses it on its
 * own requests): a YAML request with `--repo=`/`--out=` options, teams that name tasks in Japanese
 * ("注文 API", "在庫 API") or with long names that differ only at the end, and a request edited
 * between runs (webhooks asked, then not). The README promises a branch per task
 * (`implementation/local-<task>`) and that a re-run commits what was generated. The FAULT tests
 * found here were fixed (fix11d) and are ordinary tests with the same assertions.
 */
interface Shape {
  readonly taskType: string;
  readonly taskName: string;
  readonly description?: string;
  readonly stories?: readonly string[];
}
const requestJson = (shape: Shape) =>
  JSON.stringify({
    execution_request: {
      task_type: shape.taskType,
      task_name: shape.taskName,
      execution_mode: 'guided',
      target_environment: 'staging',
      ...(shape.description === undefined ? {} : { description: shape.description }),
    },
    ...(shape.stories === undefined ? {} : { support_artifacts: { user_stories: shape.stories } }),
  });
const implementationBranches = async (repo: string) =>
  (await git(repo, 'branch', '--format=%(refname:short)'))
    .split('\n')
    .filter((name) => name.startsWith('implementation/'));

/** Each CLI run generates and type-checks a service (10–20 s on a shared 2-core machine). */
jest.setTimeout(180_000);

describe("review 11l: the CLI on a team's own requests", () => {
  it('two different tasks whose names slug alike, "注文 API" (an application) and "在庫 API" (a bucket), get a branch and a folder each (the slug ends with a digest of the name when letters were lost), so the second never lays its template over the first\'s service', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const orders = path.join(work, 'orders.json');
    const stock = path.join(work, 'stock.json');
    await writeFile(
      orders,
      requestJson({
        taskType: 'application',
        taskName: '注文 API',
        stories: ['As a customer I can place an order'],
      }),
    );
    await writeFile(
      stock,
      requestJson({
        taskType: 'infrastructure',
        taskName: '在庫 API',
        description: 'A bucket for stock reports.',
      }),
    );
    expect((await runCli(['run', orders, '--repo', repo, '--out', out])).code).toBe(0);
    const second = await runCli(['run', stock, '--repo', repo, '--out', out]);
    const branches = await implementationBranches(repo);
    expect(second.code !== 0 || branches.length === 2).toBe(true);
  });

  it('a re-run after the request stops asking for webhooks removes the receiver files the first run generated (src/receive-webhook.ts, src/signature.ts, test/receive-webhook.test.ts): the service folder on the branch holds exactly what status.json lists', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const request = path.join(work, 'request.json');
    const intake = { taskType: 'integration', taskName: 'Payments intake' };
    await writeFile(
      request,
      requestJson({
        ...intake,
        description: 'Receive Stripe webhooks when a payment succeeds and queue them.',
      }),
    );
    expect((await runCli(['run', request, '--repo', repo, '--out', out])).code).toBe(0);
    await writeFile(
      request,
      requestJson({ ...intake, description: 'Queue PaymentSettled messages for the ledger worker.' }),
    );
    expect((await runCli(['run', request, '--repo', repo, '--out', out])).code).toBe(0);
    const status = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8')) as { files: string[] };
    const committed = (
      await git(repo, 'ls-tree', '-r', '--name-only', 'implementation/local-payments-intake')
    ).split('\n');
    expect(committed.filter((file) => file.startsWith('services/')).sort()).toEqual([...status.files].sort());
  });

  it('runs a YAML request given with --repo= and --out=, prints a line per step, says committed with branch and commit, and leaves the checkout alone; a re-run with no change is unchanged with no new commit', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const request = path.join(work, 'request.yaml');
    await writeFile(
      request,
      [
        'execution_request:',
        '  task_type: application',
        '  task_name: Support tickets',
        '  execution_mode: guided',
        '  target_environment: staging',
        '  description: A ticketing API. Tickets are open or closed.',
        'support_artifacts:',
        '  user_stories:',
        '    - As a customer I can open a ticket with a subject',
        '    - As an agent I can close a ticket',
        '',
      ].join('\n'),
    );
    const first = await runCli(['run', request, `--repo=${repo}`, `--out=${out}`]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\[1\/5\][\s\S]*\[5\/5\] Committed/);
    const status = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(status).toMatchObject({ status: 'committed', branch: 'implementation/local-support-tickets' });
    expect(await git(repo, 'rev-parse', 'implementation/local-support-tickets')).toBe(status['commit']);
    expect(await git(repo, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(await git(repo, 'status', '--porcelain')).toBe('');
    const again = await runCli(['run', request, `--repo=${repo}`, `--out=${out}`]);
    expect(again.code).toBe(0);
    const second = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(second['status']).toBe('unchanged');
    expect(await git(repo, 'rev-list', '--count', 'implementation/local-support-tickets')).toBe('2');
  });
});
