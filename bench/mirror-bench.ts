import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eventStep } from '../src/core/task/event-sort-key.js';
import type { TaskEventBody } from '../src/core/task/task-event.js';
import { filesystemStores } from '../src/filesystem/filesystem-stores.js';
import type { ModelProvider } from '../src/generation/model-provider.js';
import { mirrorStoresForConfig } from '../src/pipeline/mirror/mirror-stores-for-config.js';
import { recordAndMirror } from '../src/pipeline/mirror/record-and-mirror.js';
import { recordTaskEvent } from '../src/pipeline/mirror/record-task-event.js';
import { syncArtifactMirror } from '../src/pipeline/mirror/sync-artifact-mirror.js';
import { fullLife } from '../test/core/task/task-life.js';
import { createMotoMirror, motoOverrides } from '../test/moto/helpers/moto.js';
import { hasMotoServer, startMotoServer, stopMotoServer } from '../test/moto/global-setup.js';

export interface MirrorBench {
  readonly steps: number;
  readonly perStep: readonly { step: string; writes: number; bytes: number }[];
  readonly mirroredMs: number;
  readonly localOnlyMs: number;
  readonly artifacts: { objects: number; bytes: number; ms: number };
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

    return { steps: perStep.length, perStep, mirroredMs, localOnlyMs, artifacts };
  } finally {
    mirror.close();
    await rm(work, { recursive: true, force: true });
    await stopMotoServer(server);
  }
}
