import { createOfflineProvider } from '../../generation/offline/offline-provider.js';
import { formatConfigProblems } from '../../core/config/parse-agent-config.js';
import type { RedactingReporter } from '../../core/secrets/redacting-reporter.js';
import { readLocalConfig } from '../../local/read-local-config.js';
import { runLocalTask, type LocalTaskResult } from '../../local/run-local-task.js';
import { parseCliArguments, USAGE } from './parse-cli-arguments.js';

/** 0 the change is on its branch, 1 the request or its validation failed, 2 a wrong invocation. */
const EXIT_CODES: Readonly<Record<LocalTaskResult['status'], number>> = {
  committed: 0,
  unchanged: 0,
  invalid_request: 1,
  failed: 1,
  refused: 2,
};

/**
 * The CLI's run, from the working folder: every line it prints (usage, progress per step, the
 * summary, the error) goes through `reporter`, the shared redaction (issue #10: a request's task
 * name or an error quoting a token never reaches the terminal as written). Returns the exit code;
 * throws what the run throws, for the entry's one catch.
 */
export async function main(argv: string[], reporter: RedactingReporter): Promise<number> {
  const invocation = parseCliArguments(argv);
  if (invocation.kind === 'help') {
    reporter.log(USAGE);
    return 0;
  }
  if (invocation.kind === 'wrong') {
    await reporter.fail(`implementation-agent: ${invocation.problem}\n\n${USAGE}`);
    return 2;
  }
  const config = await readLocalConfig(invocation.repo);
  if (!config.ok) {
    await reporter.fail(`implementation-agent: ${formatConfigProblems(config.problems)}`);
    return 2;
  }
  // The out folder always keeps the task record; the mirrors the config names get it too. The AWS
  // SDK is loaded only then: most local runs have no mirror and should not pay for it.
  const named = Object.entries(config.config.mirrors).some(([key, value]) => key !== 'region' && value);
  const mirror = named
    ? (await import('../../pipeline/mirror/mirror-stores-for-config.js')).mirrorStoresForConfig({
        config: config.config,
      })
    : undefined;
  const result = await runLocalTask({
    requestFile: invocation.requestFile,
    repoDir: invocation.repo,
    outDir: invocation.out,
    init: invocation.init,
    provider: createOfflineProvider(),
    config: config.config,
    ...(mirror === undefined ? {} : { mirror }),
    progress: reporter.log,
  }).finally(() => mirror?.close());
  if ('branch' in result) {
    reporter.log(
      `✔ Branch ${result.branch} is ready (git -C ${result.repoDir} log ${result.branch}); the PR body is ${result.outDir}/pr-body.md`,
    );
  } else {
    await reporter.fail(`implementation-agent: ${result.message}`);
  }
  return EXIT_CODES[result.status];
}
