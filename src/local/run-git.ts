import { spawn } from 'node:child_process';

/** A git command that exited non-zero (or could not start); `stderr` holds git's own explanation. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim() || `exit code ${exitCode}`}`);
    this.name = 'GitError';
  }
}

/**
 * Runs `git <args>` in `cwd` and resolves with its trimmed stdout; rejects with `GitError`.
 * `input` is written to stdin. A missing git binary rejects with a `GitError` that says so.
 * Commits get a fallback identity on machines without one configured (CI, fresh containers).
 */
export function runGit(params: {
  cwd: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  input?: string;
}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...params.args], {
      cwd: params.cwd,
      env: { ...withIdentity(process.env), ...params.env },
      stdio: [params.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new GitError(
          params.args,
          error.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : error.message,
          null,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(stdout.trim()) : reject(new GitError(params.args, stderr, code)),
    );
    // A git that exits before reading all of stdin reports its own error through `close`.
    child.stdin?.on('error', () => {});
    child.stdin?.end(params.input);
  });
}

function withIdentity(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    GIT_AUTHOR_NAME: env.GIT_AUTHOR_NAME ?? 'implementation-agent',
    GIT_AUTHOR_EMAIL: env.GIT_AUTHOR_EMAIL ?? 'implementation-agent@users.noreply.local',
    GIT_COMMITTER_NAME: env.GIT_COMMITTER_NAME ?? 'implementation-agent',
    GIT_COMMITTER_EMAIL: env.GIT_COMMITTER_EMAIL ?? 'implementation-agent@users.noreply.local',
  };
}
