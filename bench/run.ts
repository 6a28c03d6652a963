/**
 * `npm run bench`: what DESIGN §13 budgets, measured rather than asserted.
 * - GitHub API calls to open a PR with 1, 10 and 100 files (must be equal);
 * - the CLI's wall time on the demo request (median of 5, built bundle);
 * - the Action's cold start on an event it ignores (median of 5, built bundle);
 * - one deploy against the CloudFormation stand-in: API calls and wall time;
 * - the paths gate over 5,000 and 10,000 files: linear in the file count (ratio ≈ 2).
 * - the secret gate over a typical bundle, and its growth on near-miss input;
 * - every reader of untrusted text on issue #7's worst-case inputs at 16 KB and 32 KB (ratio ≈ 2).
 * - the JSON-in-text redaction (deploy log lines, artifacts) on issue #10's adversarial inputs at
 *   80,000 and 160,000 characters (ratio ≈ 2), against ordinary JSON events of the same length.
 * - the artifact store's readers on bodies that are not UTF-8 text (archives found anywhere, UTF-16
 *   runs) at 4 and 8 MiB, candidate headers that do not read included (ratio ≈ 2).
 * - the task mirror's cost per state change against moto (skipped without moto_server), also on
 *   the product's path (status board, deploy runs): writes, reads and bytes per state change, and
 *   the time it adds per task against the same life without a mirror.
 * - the status board's GitHub calls per task with the read-back of each write and without it (the
 *   reference), and how many of them count against the rate limit (a conditional read-back's 304
 *   does not).
 * - a task record write against dynalite as the journal writes it (no parked-steps query while
 *   `parked_count` is 0), with the query on every write (as before), and without it (the
 *   reference): DynamoDB requests and time per write.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NO_USAGE, type ModelProvider } from '../src/generation/model-provider.js';
import { createOfflineProvider } from '../src/generation/offline/offline-provider.js';
import { handleTaskEvent } from '../src/pipeline/events/handle-task-event.js';
import { benchArtifactBody } from './artifact-body-bench.js';
import { countingGitHub } from './counting-github.js';
import { benchDeploy } from './deploy-bench.js';
import { benchEscapedJson } from './escaped-json-bench.js';
import { benchMirror } from './mirror-bench.js';
import { benchBoardWrites, type BoardCalls } from './board-writes-bench.js';
import { benchParkedQuery, type RecordWriteCost } from './parked-query-bench.js';
import { benchPaths } from './paths-bench.js';
import { benchSecretScan } from './secret-scan-bench.js';
import { benchUntrustedInput } from './untrusted-input-bench.js';
import { statusTrust } from '../src/github/status-trust.js';

const root = path.resolve(import.meta.dirname, '..');
const demoRequest = path.join(root, 'examples/orders-api.request.json');

/** The offline bundle for the demo request, cut or padded to exactly `count` files. */
function providerWithFiles(count: number): ModelProvider {
  const offline = createOfflineProvider();
  return {
    name: `offline-${count}-files`,
    async generate(input) {
      const { bundle } = await offline.generate(input);
      const template = bundle.files.find((file) => file.path === bundle.templatePath) ?? bundle.files[0]!;
      const padding = Array.from({ length: count - 1 }, (_, i) => ({
        path: `src/generated/module-${i + 1}.ts`,
        content: `export const value${i + 1} = ${i + 1};\n`,
        role: 'source' as const,
      }));
      return { bundle: { ...bundle, files: [template, ...padding] }, usage: NO_USAGE, model: this.name };
    },
  };
}

async function githubCallsFor(fileCount: number): Promise<number> {
  const { client, calls } = countingGitHub();
  const outcome = await handleTaskEvent(
    {
      client,
      providerFor: () => providerWithFiles(fileCount),
      // A dispatch reads no status; the agent's identity is never asked for.
      trust: statusTrust({ identity: async () => 'implementation-agent[bot]', keys: undefined }),
      log: () => undefined,
    },
    {
      name: 'workflow_dispatch',
      payload: {
        inputs: { request: readFileSync(demoRequest, 'utf8') },
        repository: { name: 'shop', owner: { login: 'acme' }, default_branch: 'main' },
        sender: { login: 'alice', type: 'User' },
      },
    },
  );
  if (outcome.status !== 'pr_open') throw new Error(`bench run ended ${outcome.status}`);
  return calls.length;
}

function medianMs(runs: number, action: () => void): number {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    action();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const counts = await Promise.all(
  [1, 10, 100].map(async (files) => [files, await githubCallsFor(files)] as const),
);
console.log('GitHub API calls to open a PR (dispatch → issue, status, commit, PR, check run):');
for (const [files, calls] of counts) console.log(`  ${String(files).padStart(3)} files: ${calls} calls`);
const constant = new Set(counts.map(([, calls]) => calls)).size === 1;
console.log(`  constant in the number of files: ${constant ? 'yes' : 'NO'}`);

const work = mkdtempSync(path.join(tmpdir(), 'bench-'));
const cli = path.join(root, 'dist/cli/index.js');
const cliMs = medianMs(5, () => {
  rmSync(path.join(work, 'repo'), { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [cli, 'run', demoRequest, '--repo', path.join(work, 'repo'), '--out', path.join(work, 'out'), '--init'],
    {
      stdio: 'ignore',
    },
  );
});
console.log(`CLI wall time, demo request (median of 5): ${cliMs.toFixed(0)} ms`);

const eventPath = path.join(work, 'event.json');
writeFileSync(eventPath, '{}');
const actionMs = medianMs(5, () => {
  execFileSync(process.execPath, [path.join(root, 'dist/index.js')], {
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventPath,
      INPUT_TOKEN: 'bench',
    },
  });
});
console.log(`Action cold start on an ignored event (median of 5): ${actionMs.toFixed(0)} ms`);
rmSync(work, { recursive: true, force: true });

const deploy = await benchDeploy();
console.log('One deploy (stack create) against the CloudFormation stand-in, real polling backoff:');
console.log(
  `  CloudFormation API calls: ${deploy.cloudFormationCalls}; GitHub API calls: ${deploy.githubCalls}`,
);
console.log(`  wall time: ${deploy.wallMs.toFixed(0)} ms (mostly the backoff between polls)`);
console.log(
  '  reported after the stack reaches a final state: within one poll, at most 5 s (the backoff cap)',
);

const paths = benchPaths();
const pathTimes = paths.runs.map(
  (run) => `${run.files.toLocaleString('en-US')} files ${run.medianMs.toFixed(1)} ms`,
);
console.log(
  `Paths gate (median of 9): ${pathTimes.join(', ')}; ratio ${paths.ratio.toFixed(2)} (≈ 2 when linear)`,
);
const scan = await benchSecretScan(demoRequest);
const pair = (a: number, b: number) =>
  `16 KB ${a.toFixed(1)} ms, 32 KB ${b.toFixed(1)} ms (ratio ${(b / a).toFixed(2)})`;
console.log('Secret gate (secretlint, recommended rules), median of 9:');
console.log(
  `  typical bundle, ${scan.files} files, ${scan.bytes.toLocaleString('en-US')} bytes: ${scan.bundleMs.toFixed(1)} ms`,
);
console.log(`  redacting a request-sized text: ${scan.redactMs.toFixed(1)} ms`);
console.log(`  near misses of every pattern: ${pair(scan.nearMiss16Ms, scan.nearMiss32Ms)}`);
console.log(`  a flood of short Slack tokens: ${pair(scan.flood16Ms, scan.flood32Ms)}`);
console.log(`  one list of split tokens (joined pieces): ${pair(scan.splitRun16Ms, scan.splitRun32Ms)}`);
console.log(`  one list of split tokens back to back: ${pair(scan.backToBack16Ms, scan.backToBack32Ms)}`);
console.log(`  a template of nested literal intrinsics: ${pair(scan.intrinsics16Ms, scan.intrinsics32Ms)}`);

const boardCalls = await benchBoardWrites();
{
  const total = (calls: BoardCalls) =>
    calls.writes + calls.listings + calls.readBacks200 + calls.readBacks304;
  const counted = (calls: BoardCalls) => calls.writes + calls.listings + calls.readBacks200;
  const reference = boardCalls.reference;
  const line = (name: string, calls: BoardCalls) =>
    `  ${name}: ${calls.writes} writes, ${calls.listings} listings, ${calls.readBacks200 + calls.readBacks304} read-backs (${calls.readBacks304} answered 304) → ${total(calls)} calls (ratio ${(total(calls) / total(reference)).toFixed(2)}), ${counted(calls)} counted against the rate limit (ratio ${(counted(calls) / counted(reference)).toFixed(2)})`;
  console.log(
    "Status board, one task's life (5 runs: implement, approval, merge, deploy started, deploy finished), GitHub calls on its status comment:",
  );
  console.log(line('without read-back (reference)', reference));
  console.log(line("with read-back, conditional on the write's ETag", boardCalls.readBack));
  console.log(line("with read-back, if GitHub's ETags never matched", boardCalls.readBackNoEtag));
}

const mirror = await benchMirror({
  bundleProvider: createOfflineProvider(),
  request: JSON.parse(readFileSync(demoRequest, 'utf8')),
});
if (mirror === undefined) {
  console.log('Task mirror: skipped, moto_server is not installed (pip install "moto[server]").');
} else {
  const writes = mirror.perStep.map((step) => step.writes);
  const bytes = mirror.perStep.map((step) => step.bytes);
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  console.log(`Task mirror against moto, one whole life (${mirror.steps} state changes, issue → rollback):`);
  console.log(
    `  DynamoDB writes: ${total(writes)} (${Math.min(...writes)}–${Math.max(...writes)} per state change: the event, then the record)`,
  );
  console.log(
    `  bytes written: ${total(bytes).toLocaleString('en-US')} (${Math.round(total(bytes) / mirror.steps).toLocaleString('en-US')} per state change on average, at most ${Math.max(...bytes).toLocaleString('en-US')})`,
  );
  const added = (mirror.mirroredMs - mirror.localOnlyMs) / mirror.steps;
  console.log(
    `  time: ${mirror.mirroredMs.toFixed(0)} ms mirrored vs ${mirror.localOnlyMs.toFixed(0)} ms local folder only; mirroring adds ${added.toFixed(1)} ms per state change (loopback, so real AWS adds its round trips)`,
  );
  console.log(
    `  one attempt's artifacts (demo bundle) to S3: ${mirror.artifacts.objects} objects, ${mirror.artifacts.bytes.toLocaleString('en-US')} bytes, ${mirror.artifacts.ms.toFixed(0)} ms`,
  );
  const board = mirror.board;
  const per = (value: number) => (value / board.stateChanges).toFixed(2);
  console.log(
    `Task mirror on the product's path (status board moves and deploy runs, ${board.stateChanges} state changes, issue → approval → merge → deploy → rollback), median of 3:`,
  );
  console.log(
    `  DynamoDB per task: ${board.writes} writes (${per(board.writes)} per state change), ${board.reads} reads (${per(board.reads)}), ${Math.round(board.bytes).toLocaleString('en-US')} bytes (${Math.round(board.bytes / board.stateChanges).toLocaleString('en-US')} per state change)`,
  );
  console.log(
    `  time per task: ${board.mirroredMs.toFixed(0)} ms mirrored vs ${board.referenceMs.toFixed(0)} ms without a mirror (ratio ${(board.mirroredMs / Math.max(board.referenceMs, 0.01)).toFixed(2)}); mirroring adds ${(board.mirroredMs - board.referenceMs).toFixed(0)} ms per task`,
  );
}
process.exitCode = constant ? 0 : 1;

console.log('Untrusted input (command, fenced payload and issue readers together), median of 5:');
for (const row of benchUntrustedInput()) {
  console.log(
    `  ${row.name.padEnd(20)} 16 KB ${row.ms16.toFixed(1)} ms, 32 KB ${row.ms32.toFixed(1)} ms (ratio ${(row.ms32 / Math.max(row.ms16, 0.01)).toFixed(2)})`,
  );
}

console.log(
  'JSON-in-text redaction (a deploy log line, an artifact string), median of 5; ratio: the larger against the smaller (≈ 2 when linear), then against the reference:',
);
for (const row of await benchEscapedJson()) {
  const [small, large] = row.redactMs;
  console.log(
    `  ${row.name.padEnd(28)} search ${row.searchMs[0].toFixed(1)} / ${row.searchMs[1].toFixed(1)} ms; redaction ${(row.characters / 1000).toFixed(0)}k ${small.toFixed(1)} ms, ${((row.characters * 2) / 1000).toFixed(0)}k ${large.toFixed(1)} ms (ratio ${(large / Math.max(small, 0.01)).toFixed(2)}; ${row.ratioToReference.toFixed(2)} × reference)`,
  );
}

console.log(
  'Artifact bodies that are not UTF-8 text (archives found anywhere, UTF-16 runs), median of 5; ratio ≈ 2 when linear:',
);
for (const row of await benchArtifactBody()) {
  const [small, large] = row.ms;
  const mib = row.bytes / (1024 * 1024);
  console.log(
    `  ${row.name.padEnd(28)} ${mib} MiB ${small.toFixed(1)} ms, ${mib * 2} MiB ${large.toFixed(1)} ms (ratio ${(large / Math.max(small, 0.01)).toFixed(2)})`,
  );
}

const parked = await benchParkedQuery();
{
  const line = (name: string, cost: RecordWriteCost) =>
    `  ${name}: ${cost.requestsPerWrite.toFixed(2)} DynamoDB requests, ${cost.msPerWrite.toFixed(1)} ms per write (median of rounds)`;
  console.log(
    `Record writes against dynalite (in-process DynamoDB, loopback), ${parked.writes} per variant, nothing parked:`,
  );
  const ratio = (cost: RecordWriteCost) =>
    `requests ${(cost.requestsPerWrite / parked.withoutQuery.requestsPerWrite).toFixed(2)}, time ${(cost.msPerWrite / Math.max(parked.withoutQuery.msPerWrite, 0.01)).toFixed(2)}`;
  console.log(line('without the parked-steps query (reference)', parked.withoutQuery));
  console.log(line('as the journal writes (parked_count 0: no query)', parked.journal));
  console.log(line('with the query on every write (before parked_count)', parked.alwaysQuery));
  console.log(
    `  ratio to the reference: journal ${ratio(parked.journal)}; query on every write ${ratio(parked.alwaysQuery)} (loopback: against AWS each request is a round trip)`,
  );
}
