import { execFile } from 'node:child_process';

export interface CommandResult {
  readonly code: number;
  /** stdout and stderr together, the end kept when long. */
  readonly output: string;
}

/** Runs one program to its end; never rejects, so callers decide what a non-zero exit means. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  options: { cwd: string },
) => Promise<CommandResult>;

const MAX_OUTPUT = 20_000;

/** The real runner: no shell, a deadline, output capped (the tail is what explains a failure). */
export function createCommandRunner(timeoutMs = 15 * 60_000): CommandRunner {
  return (command, args, options) =>
    new Promise((resolve) => {
      execFile(
        command,
        [...args],
        { cwd: options.cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const output = `${stdout}${stderr}`;
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          resolve({ code, output: output.length > MAX_OUTPUT ? output.slice(-MAX_OUTPUT) : output });
        },
      );
    });
}
