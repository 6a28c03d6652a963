import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ACTION_ENTRY = new URL('../../../dist/index.js', import.meta.url).pathname;

/** Runs the committed bundle as a runner does: INPUT_* and GITHUB_* variables, the event as a file. */
export async function runAction(params: {
  apiUrl: string;
  eventName: string;
  payload: unknown;
  inputs: Record<string, string>;
  /** Extra environment, e.g. AWS settings pointing the SDK at a stand-in. */
  env?: Record<string, string>;
}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'action-run-'));
  const files = {
    event: path.join(dir, 'event.json'),
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary.md'),
  };
  await writeFile(files.event, JSON.stringify(params.payload));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: params.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_API_URL: params.apiUrl,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    ...params.env,
    // The fake GitHub answers at once: a run need not wait a second before its last read-back.
    ...Object.fromEntries(
      Object.entries({ 'poll-interval-ms': '5', ...params.inputs }).map(([name, value]) => [
        `INPUT_${name.toUpperCase()}`,
        value,
      ]),
    ),
  };
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(process.execPath, [ACTION_ENTRY], { env, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    },
  );
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
  };
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks as a record. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}
