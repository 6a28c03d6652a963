import { execFile } from 'node:child_process';

export interface CommandResult {
  readonly code: number;
  /** stdout and stderr together, the end kept when long. */
  readonly output: string;
  /** True when the output was longer than the runner keeps (`maxOutput`) and only its end is here. */
  readonly truncated?: boolean;
}

/** Runs one program to its end; never rejects, so callers decide what a non-zero exit means. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  options: {
    cwd: string;
    /** Characters of output to keep (its end); `MAX_OUTPUT` when absent. Bounded by the runner's buffer. */
    maxOutput?: number;
  },
) => Promise<CommandResult>;

const MAX_OUTPUT = 20_000;
/** Bytes of stdout (and of stderr) execFile takes before it stops the program. */
const MAX_BUFFER = 64 * 1024 * 1024;

/** The real runner: no shell, a deadline, output capped (the tail is what explains a failure). */
export function createCommandRunner(timeoutMs = 15 * 60_000): CommandRunner {
  return (command, args, options) =>
    new Promise((resolve) => {
      execFile(
        command,
        [...args],
        { cwd: options.cwd, timeout: timeoutMs, maxBuffer: MAX_BUFFER },
        (error, stdout, stderr) => {
          const output = `${stdout}${stderr}`;
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
          const keep = options.maxOutput ?? MAX_OUTPUT;
          // Past `maxBuffer` execFile kills the program: its output is cut, so say so.
          const cut = error !== null && error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
          resolve({
            code,
            output: output.length > keep ? output.slice(-keep) : output,
            ...(output.length > keep || cut ? { truncated: true } : {}),
          });
        },
      );
    });
}
