/**
 * Attacker pass (review #10m) on the CLI's local sink for the task's name
 * (src/local/commit-to-local-branch.ts, run-local-task.ts). On GitHub the pull request's title and
 * body and the commit message are redacted at the sink (publishPullRequest, commitToBranch); the
 * CLI writes the same commit message (`Implement <task_name> (…)`) into the local branch's commit
 * and its reflog as written, so a token pasted into the request's task name lands in git history
 * the user then pushes. The out folder's files (pr-body.md, status.json) are redacted and are the
 * refused attacks here. The model is one that does not repeat the name in the files and summary
 * it writes (the secrets gate refuses those). A fault is `it.failing` asserting the right answer; an attack refused is an
 * ordinary test.
 *
 * Fixed (fix10e): commitToLocalBranch redacts the message (commit and reflog) with `redactSecrets`,
 * as commitToBranch does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelProvider } from '../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import { runLocalTask } from '../../src/local/run-local-task.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
/**
 * A model that does not repeat the task's name in what it writes (the offline blueprint answers
 * for the request as if it were named plainly): nothing it generates holds the token.
 */
const discreetProvider: ModelProvider = {
  name: 'discreet',
  generate: (input) =>
    createOfflineProvider().generate({
      ...input,
      request: {
        ...input.request,
        execution_request: { ...input.request.execution_request, task_name: 'Orders API' },
      },
    }),
};

const example = new URL('../../examples/orders-api.request.json', import.meta.url).pathname;

describe('review10m attacker: a token in the request’s task name, run by the CLI', () => {
  let workDir: string;
  let repoDir: string;
  let outDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'review10m-local-'));
    repoDir = path.join(workDir, 'repo');
    outDir = path.join(workDir, 'out');
    const request = JSON.parse(readFileSync(example, 'utf8')) as { execution_request: { task_name: string } };
    request.execution_request.task_name = `Orders API ${TOKEN}`;
    const requestFile = path.join(workDir, 'request.json');
    writeFileSync(requestFile, JSON.stringify(request));
    const result = await runLocalTask({
      requestFile,
      repoDir,
      outDir,
      init: true,
      provider: discreetProvider,
      progress: () => undefined,
    });
    expect(result.status).toBe('committed');
  }, 60_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  const git = (...args: string[]) => execFileSync('git', ['-C', repoDir, ...args], { encoding: 'utf8' });

  it('the local commit message does not hold the token (redacted at the sink)', () => {
    expect(git('log', '--all', '--format=%B')).not.toContain(TOKEN);
  });

  it('nor does the local branch’s reflog', () => {
    expect(git('reflog', 'show', '--all', '--format=%gs')).not.toContain(TOKEN);
  });

  it('the commit names the redaction marker where the token was', () => {
    expect(git('log', '--all', '--format=%B')).toMatch(/\[REDACTED:/);
  });

  it('the out folder’s files (pr-body.md, status.json, every other) do not hold it', () => {
    for (const name of readdirSync(outDir, { recursive: true }) as string[]) {
      const file = path.join(outDir, name);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // a folder
      }
      expect({ name, leaked: text.includes(TOKEN) }).toEqual({ name, leaked: false });
    }
  });
});
