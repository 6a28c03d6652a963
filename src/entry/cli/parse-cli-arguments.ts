import { parseArgs } from 'node:util';

export const USAGE = `Usage: implementation-agent run <request.json|request.yaml|issue.md> [--repo DIR] [--out DIR] [--init]

Runs the whole pipeline locally with the offline provider: validates the request, generates,
runs the validation gates, commits the files on branch implementation/local-<task> of the git
repository DIR (default: the current folder; it must be a repository's top level, or pass --init
to create one there) without touching your checkout, and writes the PR body, validation report
and status to the out folder (default: .implementation-agent).

Exit codes: 0 committed (or nothing changed), 1 bad request or failed validation or an error,
2 wrong invocation (nothing was generated).`;

export type CliInvocation =
  | {
      readonly kind: 'run';
      readonly requestFile: string;
      readonly repo: string;
      readonly out: string;
      readonly init: boolean;
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'wrong'; readonly problem: string };

/** Reads the command line (without `node` and the script); never throws, a mistake is `wrong`. */
export function parseCliArguments(argv: readonly string[]): CliInvocation {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        repo: { type: 'string', default: '.' },
        out: { type: 'string', default: '.implementation-agent' },
        init: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'wrong', problem: describeParseError(error) };
  }
  const { positionals, values } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, requestFile, ...extra] = positionals;
  if (command === undefined) return { kind: 'wrong', problem: 'no command given' };
  if (command !== 'run') return { kind: 'wrong', problem: `unknown command ${command}` };
  if (requestFile === undefined) return { kind: 'wrong', problem: 'run needs a request file' };
  if (extra.length > 0) return { kind: 'wrong', problem: `unexpected argument ${extra[0]}` };
  // An empty value would be the current folder to some calls and no path to others.
  if (values.out.trim() === '') return { kind: 'wrong', problem: '--out needs a folder, not an empty value' };
  if (values.repo.trim() === '')
    return { kind: 'wrong', problem: '--repo needs a folder, not an empty value' };
  return { kind: 'run', requestFile, repo: values.repo, out: values.out, init: values.init };
}

/** Node's messages carry a long hint about `--`; the option's name is what the user needs. */
function describeParseError(error: unknown): string {
  // Node's own errors: not always `instanceof Error` of this realm (jest runs modules in a vm).
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message;
}
