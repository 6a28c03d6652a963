import { execFile } from 'node:child_process';

/**
 * How long one tool run over the whole matrix may take, in milliseconds: a guard against a hang, not
 * a performance bound (the matrix grows with every blueprint case; a busy 2-core machine runs the
 * tools side by side several times slower than an idle one).
 */
export const MATRIX_TIMEOUT_MS = 900_000;

export interface ProcessResult {
  readonly code: number;
  readonly output: string;
}

/** Runs a command to its end (never rejects), with its combined output. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        maxBuffer: 50_000_000,
        timeout: MATRIX_TIMEOUT_MS,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
