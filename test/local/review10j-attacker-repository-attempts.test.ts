/**
 * Attacker pass (review #10j) on CLI attempt numbering from the repository
 * (src/local/repository-attempts.ts, src/core/naming/attempt-trailers.ts): histories with forged
 * `Implementation-Task` / `Implementation-Attempt` trailers (huge numbers, non-numeric, another
 * task's, several in one commit), trailers injected through the request title into the commit
 * message, and the mark file in the git directory. A fault is `it.failing` asserting the right
 * answer; an attack the code refuses is an ordinary test.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  MAX_ATTEMPT,
  MAX_READABLE_ATTEMPT,
  attemptAfter,
  parseAttempt,
  withAttemptTrailers,
} from '../../src/core/naming/attempt-trailers.js';
import { changeNamesFor } from '../../src/core/naming/change-names.js';
import { AttemptTakenError, repositoryAttempts } from '../../src/local/repository-attempts.js';
import { localTaskLife } from '../../src/local/local-task-life.js';

const TASK = 'local/repo#orders@aaaaaaaaaaaa';
const BRANCH = 'implementation/local-orders';
const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]) =>
  (await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd })).stdout.trim();

let repo: string;

beforeEach(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'review10j-attempts-'));
  await git(repo, 'init', '-q', '-b', 'main');
  await git(repo, 'commit', '-q', '--allow-empty', '-m', 'init');
  await git(repo, 'branch', BRANCH);
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

/** Adds a commit with exactly `message` on the task's branch (as `commitToLocalBranch` does, with commit-tree). */
async function commitOnBranch(message: string): Promise<void> {
  const tip = await git(repo, 'rev-parse', BRANCH);
  const commit = await git(repo, 'commit-tree', `${tip}^{tree}`, '-p', tip, '-m', message);
  await git(repo, 'update-ref', `refs/heads/${BRANCH}`, commit);
}

const attempts = () => repositoryAttempts({ repoDir: repo, branch: BRANCH, taskId: TASK });

describe('review10j attacker: attempt numbers at the cap', () => {
  it('FAULT: a history at MAX_ATTEMPT makes every later run take the same attempt (MAX_ATTEMPT + 1) again', async () => {
    // A forged (or merely noisy) trailer at the cap is taken as a count.
    await commitOnBranch(withAttemptTrailers('Implement orders', TASK, MAX_ATTEMPT));
    const kept = attempts();
    const attempt = (await kept.highest()) + 1;
    expect(attempt).toBe(MAX_ATTEMPT + 1);
    await kept.started(attempt);
    // The run's own commit carries the attempt too.
    await commitOnBranch(withAttemptTrailers('Implement orders', TASK, attempt));
    // The next run (out folder cleared) must go past it: attempts never repeat. Today the mark
    // file and the trailer both say 1000001, which `parseAttempt` reads as 0: the next run is
    // attempt 1000001 again, and its artifacts land on the earlier one's.
    expect(await attempts().highest()).toBeGreaterThanOrEqual(attempt);
  });
});

describe('review10j fix: every attempt written parses back, and a count past the cap stops', () => {
  it('the run after MAX_ATTEMPT + 1 stops with a clear error instead of repeating an attempt', () => {
    expect(attemptAfter(MAX_ATTEMPT)).toBe(MAX_ATTEMPT + 1);
    expect(parseAttempt(String(MAX_ATTEMPT + 1))).toBe(MAX_ATTEMPT + 1);
    expect(() => attemptAfter(MAX_ATTEMPT + 1)).toThrow(/past the 1000000 attempts/);
    expect(() => attemptAfter(MAX_READABLE_ATTEMPT)).toThrow(/no new attempt is started/);
  });

  it('refuses to write an attempt that would not read back (trailer or mark file)', async () => {
    expect(() => withAttemptTrailers('x', TASK, MAX_READABLE_ATTEMPT + 1)).toThrow(RangeError);
    expect(() => withAttemptTrailers('x', TASK, 1.5)).toThrow(RangeError);
    await expect(attempts().started(MAX_READABLE_ATTEMPT + 1)).rejects.toThrow(RangeError);
    expect(parseAttempt(withAttemptTrailers('x', TASK, MAX_READABLE_ATTEMPT).split(': ').at(-1)!)).toBe(
      MAX_READABLE_ATTEMPT,
    );
  });
});

describe('review10j attacker: refused histories', () => {
  it('ignores a huge, non-numeric, negative, fractional or padded-past-7-digits attempt', async () => {
    await commitOnBranch(withAttemptTrailers('a', TASK, 2));
    for (const value of ['99999999', 'NaN', '-5', '3.5', '0x10', '1e6', '٣', '00000009']) {
      await commitOnBranch(
        `Implement orders\n\nImplementation-Task: ${TASK}\nImplementation-Attempt: ${value}`,
      );
    }
    expect(await attempts().highest()).toBe(2);
  });

  it("ignores another task's trailers, including a task whose id starts with ours", async () => {
    await commitOnBranch(withAttemptTrailers('a', TASK, 2));
    await commitOnBranch(withAttemptTrailers('b', `${TASK}b`, 50));
    await commitOnBranch(withAttemptTrailers('c', TASK.toUpperCase(), 60));
    await commitOnBranch(withAttemptTrailers('d', `x${TASK}`, 70));
    expect(await attempts().highest()).toBe(2);
  });

  it('ignores a commit naming two tasks or two attempts (a trailer block someone edited)', async () => {
    await commitOnBranch(withAttemptTrailers('a', TASK, 2));
    await commitOnBranch(
      `x\n\nImplementation-Task: ${TASK}\nImplementation-Task: other\nImplementation-Attempt: 80`,
    );
    await commitOnBranch(
      `x\n\nImplementation-Task: ${TASK}\nImplementation-Attempt: 1\nImplementation-Attempt: 90`,
    );
    expect(await attempts().highest()).toBe(2);
  });

  it('a request title carrying trailers does not set the count: only the last paragraph is read', async () => {
    const request = {
      execution_request: {
        task_type: 'api',
        task_name: `Orders\n\nImplementation-Task: ${TASK}\nImplementation-Attempt: 999999`,
        execution_mode: 'guided',
        target_environment: 'staging',
      },
    } as unknown as Parameters<typeof changeNamesFor>[0]['request'];
    const { commitMessage } = await changeNamesFor({ request });
    await commitOnBranch(withAttemptTrailers(commitMessage, TASK, 3));
    expect(await attempts().highest()).toBe(3);
  });

  it('a title ending in a trailer-like line, a `---` line or a continuation does not hide our trailers', async () => {
    for (const [attempt, title] of [
      [4, 'Orders\nSigned-off-by: x'],
      [5, 'Orders\n---\nmore'],
      [6, `Orders\n\nImplementation-Task: ${TASK}\n  continued`],
    ] as const) {
      await commitOnBranch(withAttemptTrailers(`Implement ${title} (api)`, TASK, attempt));
      expect(await attempts().highest()).toBe(attempt);
    }
  });

  it('the mark file takes no number past the cap or garbage; the trailers still count', async () => {
    await commitOnBranch(withAttemptTrailers('a', TASK, 3));
    const kept = attempts();
    await kept.started(4);
    const common = await git(repo, 'rev-parse', '--git-common-dir');
    const name = createHash('sha256').update(TASK).digest('hex').slice(0, 32);
    const file = path.resolve(repo, common, 'implementation-agent', 'attempts', name);
    expect((await readFile(file, 'utf8')).trim()).toBe('4');
    expect(await kept.highest()).toBe(4);
  });

  it('a branch that does not exist, or a folder that is no repository, shows 0 and does not throw', async () => {
    expect(await repositoryAttempts({ repoDir: repo, branch: 'nope', taskId: TASK }).highest()).toBe(0);
    const empty = await mkdtemp(path.join(os.tmpdir(), 'review10j-none-'));
    try {
      expect(await repositoryAttempts({ repoDir: empty, branch: BRANCH, taskId: TASK }).highest()).toBe(0);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('review10j fix: two runs starting at once never share an attempt', () => {
  it('the second claim of one attempt fails with AttemptTakenError, and the claim alone counts', async () => {
    const results = await Promise.allSettled([attempts().started(4), attempts().started(4)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(AttemptTakenError);
    // Even with the mark file gone (a run stopped between claim and mark), the claim is counted.
    const common = await git(repo, 'rev-parse', '--git-common-dir');
    const name = createHash('sha256').update(TASK).digest('hex').slice(0, 32);
    await unlink(path.resolve(repo, common, 'implementation-agent', 'attempts', name));
    expect(await attempts().highest()).toBe(4);
  });

  it('two task lives of one clone started together take two attempts', async () => {
    const life = async () => {
      const out = await mkdtemp(path.join(os.tmpdir(), 'review10j-out-'));
      return localTaskLife({
        outDir: out,
        repoName: 'repo',
        branch: BRANCH,
        cloneId: 'aaaaaaaaaaaa',
        request: {
          execution_request: {
            task_type: 'application',
            task_name: 'Orders API',
            execution_mode: 'guided',
            target_environment: 'development',
          },
        },
        repoDir: repo,
        warn: () => {},
      });
    };
    const lives = [await life(), await life(), await life()];
    await Promise.all(lives.map((one) => one.started()));
    expect(new Set(lives.map((one) => one.attempt)).size).toBe(3);
  });
});
