import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFilesystemArtifactStore } from '../../../src/filesystem/filesystem-artifact-store.js';
import type { BlobClient } from '../../../src/github/read-branch-texts.js';
import { resendUnsentArtifacts } from '../../../src/pipeline/mirror/resend-unsent-artifacts.js';

/** A repository nobody reads here: the attempt's files were never published (no commit sha). */
const client = {
  git: {
    getTree: async () => {
      throw new Error('no tree is read without a commit');
    },
    getBlob: async () => {
      throw new Error('no blob is read without a commit');
    },
  },
} as unknown as BlobClient;

describe('review10d: re-sending artifacts a flaky store did take after all', () => {
  it('FAULT: an artifact the store holds (its put timed out after S3 stored it) is not named lost', async () => {
    const store = createFilesystemArtifactStore(await mkdtemp(path.join(tmpdir(), 'review10d-artifacts-')));
    const where = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };
    await store.put({ ...where, path: 'prompt.json', body: '{"provider":"offline"}\n' });

    const resent = await resendUnsentArtifacts({
      store,
      client,
      owner: 'acme',
      repo: 'shop',
      taskId: 'acme/shop#7',
      unsent: { attempt: 1, paths: ['prompt.json', 'answer.json'] },
    });

    expect(resent.sent).toEqual(['prompt.json']);
    expect(resent.lost).toEqual(['answer.json (kept nowhere else)']);
  });
});
