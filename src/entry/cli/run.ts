#!/usr/bin/env node
import { redactingReporter } from '../../core/secrets/redacting-reporter.js';
import { invocationFolder } from './invocation-folder.js';
import { main } from './main.js';

// Standard output and standard error, both behind the shared redaction.
const reporter = redactingReporter({
  info: (line) => console.log(line),
  setFailed: (line) => console.error(line),
});

Promise.resolve()
  .then(() => {
    process.chdir(invocationFolder({ env: process.env, cwd: process.cwd() }));
    return main(process.argv.slice(2), reporter);
  })
  .catch(async (error: unknown) => {
    await reporter.fail(`implementation-agent: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await reporter.flush();
    process.exitCode = code;
  });
