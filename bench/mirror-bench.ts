import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eventStep } from '../src/core/task/event-sort-key.js';
import type { TaskEvent, TaskEventBody } from '../src/core/task/task-event.js';
import type { TaskRecord } from '../src/core/task/task-record.js';
import { filesystemStores } from '../src/filesystem/filesystem-stores.js';
import type { ModelProvider } from '../src/generation/model-provider.js';
import { mirrorStoresForConfig, type MirrorStores } from '../src/pipeline/mirror/mirror-stores-for-config.js';
import { recordAndMirror } from '../src/pipeline/mirror/record-and-mirror.js';
import { recordTaskEvent } from '../src/pipeline/mirror/record-task-event.js';
import { syncArtifactMirror } from '../src/pipeline/mirror/sync-artifact-mirror.js';
import { fullLife } from '../test/core/task/task-life.js';
import { createMotoMirror, motoOverrides } from '../test/moto/helpers/moto.js';
import { runFullLife } from '../test/pipeline/helpers/full-life-scenario.js';
import { hasMotoServer, startMotoServer, stopMotoServer } from '../test/moto/global-setup.js';

export interface MirrorBench {
  readonly steps: number;
  readonly perStep: readonly { step: string; writes: number; bytes: number }[];
  readonly mirroredMs: number;
  readonly localOnlyMs: number;
  readonly artifacts: { objects: number; bytes: number; ms: number };
  /** The product's own path (status board, deploy runs) for one whole life, with and without the mirror. */
  readonly board: BoardPathBench;
}

export interface BoardPathBench {
  /** State changes the life made (events in the record). */
  readonly stateChanges: number;
  /** DynamoDB calls the mirror made: item writes (record puts, event appends) and reads (record gets). */
  readonly writes: number;
  readonly reads: number;
  /** JSON bytes of the items written. */
  readonly bytes: number;
  /** Median wall time of the life (of 3) with the mirror on moto, and without any mirror (the reference). */
  readonly mirroredMs: number;
  readonly referenceMs: number;
}

/**
 * The mirror's cost for one whole task life (issue → PR → merge → deploy → rollback) against
 * moto: DynamoDB writes and bytes per state change, the time mirroring adds over the local folder
 * alone, and one attempt's artifacts (the demo bundle) copied to S3. `undefined` without moto.
 */
export async function benchMirror(params: {
  bundleProvider: ModelProvider;
  request: unknown;
}): Promise<MirrorBench | undefined> {
  if (!hasMotoServer()) return undefined;
  const server = await startMotoServer();
  process.env['MOTO_ENDPOINT'] = server.endpoint;
  const work = await mkdtemp(path.join(tmpdir(), 'mirror-bench-'));
  const mirror = mirrorStoresForConfig({ config: (await createMotoMirror()).config, aws: motoOverrides() });
  try {
    const life = (taskId: string): TaskEventBody[] => fullLife(taskId);

    const local = filesystemStores(path.join(work, 'local-only'));
    const localStart = performance.now();
    for (const event of life('acme/bench#1')) await recordTaskEvent({ log: local, event });
    const localOnlyMs = performance.now() - localStart;

    const log = filesystemStores(path.join(work, 'mirrored'));
    const perStep: { step: string; writes: number; bytes: number }[] = [];
    const mirroredStart = performance.now();
    for (const event of life('acme/bench#2')) {
      const result = await recordAndMirror({ log, mirror, event });
      if (result.mirror?.status === 'behind') throw new Error(result.mirror.warning);
      perStep.push({
        step: eventStep(result.event),
        writes: result.mirror?.writes ?? 0,
        bytes: result.mirror?.bytes ?? 0,
      });
    }
    const mirroredMs = performance.now() - mirroredStart;

    const generated = await params.bundleProvider.generate({
      request: params.request as never,
      context: { owner: 'acme', repo: 'bench', issueNumber: 2 },
    });
    const where = { repo: 'acme/bench', taskId: 'acme/bench#2', attempt: 1 };
    for (const file of generated.bundle.files)
      await log.artifacts.put({ ...where, path: `files/${file.path}`, body: file.content });
    const artifactsStart = performance.now();
    const copied = await syncArtifactMirror({ source: log.artifacts, mirror: mirror.artifacts!, ...where });
    const artifacts = { objects: copied.writes, bytes: copied.bytes, ms: performance.now() - artifactsStart };

    const board = await benchBoardPath(mirror);
    return { steps: perStep.length, perStep, mirroredMs, localOnlyMs, artifacts, board };
  } finally {
    mirror.close();
    await rm(work, { recursive: true, force: true });
    await stopMotoServer(server);
  }
}

/**
 * One whole life through the status board and the deploy runs (`runFullLife`), three times with
 * the moto mirror (each store call counted) and three times with no mirror, the reference of the
 * same run: the writes, reads and bytes per state change, and the time the mirror adds per task.
 */
async function benchBoardPath(mirror: Pick<MirrorStores, 'tasks' | 'events'>): Promise<BoardPathBench> {
  const tasks = mirror.tasks!;
  const events = mirror.events!;
  let writes = 0;
  let reads = 0;
  let bytes = 0;
  const counted = {
    tasks: {
      ...tasks,
      get: (taskId: string) => {
        reads += 1;
        return tasks.get(taskId);
      },
      put: (record: TaskRecord, expected: number) => {
        writes += 1;
        bytes += Buffer.byteLength(JSON.stringify(record));
        return tasks.put(record, expected);
      },
    },
    events: {
      ...events,
      append: (event: TaskEvent) => {
        writes += 1;
        bytes += Buffer.byteLength(JSON.stringify(event));
        return events.append(event);
      },
    },
  };
  const runs = 3;
  const mirroredMs: number[] = [];
  const referenceMs: number[] = [];
  let stateChanges = 0;
  for (let run = 0; run < runs; run++) {
    const repo = `bench-${randomUUID().slice(0, 6)}`;
    const started = performance.now();
    const life = await runFullLife({ owner: 'acme', repo, issueNumber: 7, mirrors: counted });
    mirroredMs.push(performance.now() - started);
    if (life.warnings.length > 0) throw new Error(life.warnings.join('; '));
    stateChanges = life.marker.version ?? 0;
    const referenceStart = performance.now();
    await runFullLife({ owner: 'acme', repo: `${repo}-ref`, issueNumber: 7, mirrors: {} });
    referenceMs.push(performance.now() - referenceStart);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    stateChanges,
    writes: writes / runs,
    reads: reads / runs,
    bytes: bytes / runs,
    mirroredMs: median(mirroredMs),
    referenceMs: median(referenceMs),
  };
}
