/**
 * Attacker pass (review #10n) on artifact path redaction (src/core/stores/redact-artifact-path.ts,
 * used by both artifact stores). A token-bearing path is stored under its redacted form plus a hash
 * of the original; the redacted form is itself a valid path that maps to the same key ("a
 * redacted path is a stable key"). The model chooses its files' paths and can compute that hash,
 * so a second generated file named as the first one's redacted path overwrites the first's stored
 * artifact (the audit copy of what was generated) with other content. A fault is `it.failing`
 * asserting the right answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFilesystemArtifactStore } from '../../src/filesystem/filesystem-artifact-store.js';
import { redactArtifactPath } from '../../src/core/stores/redact-artifact-path.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

describe('review10n attacker: a generated path equal to another’s redacted path', () => {
  it('fixed FAULT: two distinct generated files keep two distinct stored artifacts', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'review10n-collide-'));
    try {
      const store = createFilesystemArtifactStore(root);
      const ref = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };
      const first = `files/docs/${TOKEN}.md`;
      const second = await redactArtifactPath(first);
      expect(second).not.toBe(first);
      await store.put({ ...ref, path: first, body: 'what was generated\n' });
      await store.put({ ...ref, path: second, body: 'something else\n' });
      const kept = await store.get({ ...ref, path: first });
      expect(Buffer.from(kept?.body ?? []).toString()).toBe('what was generated\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
