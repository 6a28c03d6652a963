#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createOfflineProvider } from '../../generation/offline/offline-provider.js';
import { runLocalTask } from '../../local/run-local-task.js';

const USAGE = `Usage: implementation-agent run <request.json|request.yaml|issue.md> [--repo DIR] [--out DIR]

Runs the whole pipeline locally with the offline provider: validates the request, generates,
runs the validation gates, commits the files on a new branch of the git repository in DIR
(created when absent; default: the current folder) and writes the PR body, validation report
and status to the out folder (default: .implementation-agent).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      repo: { type: 'string', default: '.' },
      out: { type: 'string', default: '.implementation-agent' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, requestFile, ...extra] = positionals;
  if (values.help || command !== 'run' || !requestFile || extra.length > 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const result = await runLocalTask({
    requestFile,
    repoDir: values.repo,
    outDir: values.out,
    provider: createOfflineProvider(),
    progress: (line) => console.log(`• ${line}`),
  });
  if (result.status === 'pr_open') {
    console.log(`✔ Branch ${result.branch} is ready; review ${result.outDir}/pr-body.md`);
    return 0;
  }
  console.error(result.message);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`implementation-agent: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
