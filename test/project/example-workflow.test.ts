import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { parseCommand } from '../../src/core/commands/parse-command.js';

interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  permissions: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<
    string,
    {
      needs?: string;
      if?: string;
      concurrency?: { group: string; 'cancel-in-progress': boolean };
      steps: Array<{ id?: string; run?: string }>;
    }
  >;
}

const workflow = parse(
  readFileSync(new URL('../../.github/workflows/implementation-agent.yml', import.meta.url), 'utf8'),
) as Workflow;

/** Runs the `task` job's key step with bash, as a runner would, and returns the key it wrote. */
function taskKey(env: Record<string, string>): string {
  const script = workflow.jobs.task?.steps.find((step) => step.id === 'key')?.run ?? '';
  const dir = mkdtempSync(path.join(tmpdir(), 'workflow-key-'));
  const output = path.join(dir, 'output');
  execFileSync('bash', ['--noprofile', '--norc', '-e', '-c', script], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      GITHUB_OUTPUT: output,
      GITHUB_REPOSITORY: 'octo/orders',
      GITHUB_RUN_ID: '4242',
      ON_PULL_REQUEST: 'false',
      ...env,
    },
  });
  return readFileSync(output, 'utf8').trim();
}

describe('the example workflow runs the Action on the review events, one task at a time', () => {
  it('listens to issue edits, whose editor a later run of the body counts as a requester (review 9m)', () => {
    expect(workflow.on.issues?.types).toEqual(['opened', 'labeled', 'edited']);
  });

  it('listens to pull requests, their reviews and review comments', () => {
    expect(workflow.on.pull_request?.types).toEqual([
      'opened',
      'synchronize',
      'closed',
      'reopened',
      'edited',
    ]);
    expect(workflow.on.pull_request_review?.types).toEqual(['submitted', 'dismissed']);
    expect(workflow.on.pull_request_review_comment?.types).toEqual(['created']);
  });

  it('asks for no more permission than before the review events (reviews read with pull-requests)', () => {
    expect(workflow.permissions).toEqual({
      contents: 'write',
      issues: 'write',
      'pull-requests': 'write',
      checks: 'write',
      statuses: 'read',
      deployments: 'write',
      'id-token': 'write',
    });
  });

  it('groups the Action’s runs by the task key, never cancelling one in progress', () => {
    expect(workflow.concurrency).toBeUndefined();
    expect(workflow.jobs.implement?.needs).toBe('task');
    expect(workflow.jobs.implement?.concurrency).toEqual({
      group: 'implementation-agent-${{ needs.task.outputs.key }}',
      'cancel-in-progress': false,
    });
  });

  it.each([
    ['an issue event', { ISSUE: '5' }, 'key=issue-5'],
    [
      'a review on the task’s branch',
      { HEAD_REF: 'implementation/12-orders-api', HEAD_REPO: 'octo/orders' },
      'key=issue-12',
    ],
    [
      'a fork’s PR on a branch named like a task’s',
      { HEAD_REF: 'implementation/12-orders-api', HEAD_REPO: 'mallory/orders' },
      'key=run-4242',
    ],
    ['a dispatch with a request id', { REQUEST_ID: 'orders-api:v2' }, 'key=request-orders-api:v2'],
    ['a request id carrying a new line', { REQUEST_ID: 'x\nkey=issue-1' }, 'key=request-xkeyissue-1'],
    ['anything else', {}, 'key=run-4242'],
  ])('keys %s', (_what, env, key) => {
    expect(taskKey(env)).toBe(key);
  });

  // `/cancel` runs outside the task's group exactly when the agent reads it as `/cancel`
  // (parseCommand): the same first line, invisible characters and indentation rule (review 9o).
  it.each([
    ['/cancel', true],
    ['\r\n  /Cancel  \r\nplease', true],
    ['\u200B/cancel', true],
    ['\u2060\t\u00AD/cancel', false],
    ['    /cancel', false],
    ['  \t/cancel', false],
    ['   /cancel', true],
    ['> /cancel', false],
    ['/cancel staging', false],
    ['', false],
  ])('reads %j as /cancel: %s, as parseCommand does', (body, cancels) => {
    const parsed = parseCommand({ body, environments: ['staging'] });
    const agentCancels =
      parsed.kind === 'command' &&
      parsed.command.kind === 'cancel' &&
      parsed.command.environment === undefined;
    expect(agentCancels).toBe(cancels);
    expect(taskKey({ ISSUE: '5', COMMENT: body })).toBe(cancels ? 'key=cancel-4242' : 'key=issue-5');
  });
});
