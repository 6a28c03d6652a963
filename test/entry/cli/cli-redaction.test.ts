import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactingReporter } from '../../../src/core/secrets/redacting-reporter.js';
import { main } from '../../../src/entry/cli/main.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { runCli, workspaceWithRepository } from './run-cli.js';

/**
 * Issue #10: the CLI printed its progress lines, summary and errors as written, and wrote its out
 * folder's files unredacted, so a request's value or an error quoting a token reached the user's
 * terminal and files. Everything it prints or writes goes through the shared redaction.
 */
async function runWithRequest(request: unknown, as: 'process' | 'in-process') {
  const { work, repo, out } = await workspaceWithRepository();
  const requestFile = path.join(work, 'request.json');
  await writeFile(requestFile, JSON.stringify(request));
  const args = ['run', requestFile, '--repo', repo, '--out', out];
  const printed: string[] = [];
  let code: number;
  if (as === 'process') {
    const run = await runCli(args);
    printed.push(...run.stdout.split('\n').map((line) => `out: ${line}`), `err: ${run.stderr}`);
    code = run.code;
  } else {
    const reporter = redactingReporter({
      info: (line) => printed.push(`out: ${line}`),
      setFailed: (line) => printed.push(`err: ${line}`),
    });
    code = await main(args, reporter);
    await reporter.flush();
  }
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const written = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return { code, printed, written };
}

const request = (fields: Record<string, string>) => ({
  execution_request: {
    task_type: 'application',
    task_name: 'Orders API',
    execution_mode: 'guided',
    target_environment: 'development',
    ...fields,
  },
});

describe('the CLI prints and writes nothing unredacted (#10)', () => {
  it('redacts a token in the progress lines, the summary and the out folder, run as a process', async () => {
    const { printed, written } = await runWithRequest(request({ task_name: `Orders ${TOKEN}` }), 'process');
    expect(printed.some((line) => line.includes('[2/5] Request valid'))).toBe(true);
    expect(printed.some((line) => line.includes('[REDACTED:'))).toBe(true);
    expect(printed.join('\n')).not.toContain(TOKEN);
    expect(written.length).toBeGreaterThan(0);
    for (const text of written) expect(text).not.toContain(TOKEN);
  });

  it('redacts a token quoted by a request error, on standard error and in request-errors.md', async () => {
    const { code, printed, written } = await runWithRequest(
      request({ execution_mode: TOKEN, description: `token ${TOKEN}` }),
      'in-process',
    );
    expect(code).toBe(1);
    expect(printed.some((line) => line.startsWith('err: implementation-agent:'))).toBe(true);
    expect(printed.join('\n')).not.toContain(TOKEN);
    for (const text of written) expect(text).not.toContain(TOKEN);
  });
});
