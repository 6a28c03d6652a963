/**
 * Attacker pass (review #10m) on a secret in a generated file's *path* (model output controls the
 * paths it writes). The secrets gate and the artifact stores' redaction (`redactArtifactBody`)
 * read a file's content; the path becomes the artifact's key (`artifactKey`: letters, digits and
 * `_` kept as they are), its metadata (`path`) and the committed tree. A fault is `it.failing`
 * asserting the right answer; an attack the code refuses is an ordinary test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelProvider } from '../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import { runLocalTask } from '../../src/local/run-local-task.js';
import { createFilesystemArtifactStore } from '../../src/filesystem/filesystem-artifact-store.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const requestFile = new URL('../../examples/orders-api.request.json', import.meta.url).pathname;

/** The offline answer plus one harmless file whose name is a token. */
const namingProvider: ModelProvider = {
  name: 'naming',
  async generate(input) {
    const result = await createOfflineProvider().generate(input);
    const files = [
      ...result.bundle.files,
      { path: `docs/${TOKEN}.md`, content: '# Notes\n', role: 'doc' as const },
    ];
    return { ...result, bundle: { ...result.bundle, files } };
  },
};

/** Every name and text under `folder` that holds the token. */
function leaksUnder(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    if (name.includes(TOKEN)) found.push(`name: ${name}`);
    const file = path.join(folder, name);
    try {
      if (readFileSync(file, 'latin1').includes(TOKEN)) found.push(`content: ${name}`);
    } catch {
      // a folder
    }
  }
  return found;
}

describe('review10m attacker: a generated file named with a token', () => {
  it('the artifact store keeps the token in neither the artifact key, its file name nor its metadata', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'review10m-path-'));
    try {
      const stored = await createFilesystemArtifactStore(root).put({
        repo: 'acme/shop',
        taskId: 'acme/shop#7',
        attempt: 1,
        path: `files/docs/${TOKEN}.md`,
        body: '# Notes\n',
      });
      expect(JSON.stringify(stored)).not.toContain(TOKEN);
      expect(leaksUnder(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a redacted path is a stable, distinct key: get finds it, another token gives another key', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'review10m-path-'));
    try {
      const store = createFilesystemArtifactStore(root);
      const ref = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 1 };
      const other = TOKEN.replace('0123', '9876');
      const first = await store.put({ ...ref, path: `files/docs/${TOKEN}.md`, body: 'one\n' });
      const second = await store.put({ ...ref, path: `files/docs/${other}.md`, body: 'two\n' });
      const plain = await store.put({ ...ref, path: 'files/docs/notes.md', body: 'three\n' });
      expect(first.key).not.toBe(second.key);
      expect(first.path).toMatch(/^files\/docs\/.*~[0-9a-f]{16}\.md$/);
      expect(plain.path).toBe('files/docs/notes.md');
      const again = await store.get({ ...ref, path: `files/docs/${TOKEN}.md` });
      expect(Buffer.from(again?.body ?? []).toString()).toBe('one\n');
      // A path a store gave back is copied under the same key; the same text as a new file's name is not (fix13i).
      expect((await store.put({ ...first, body: 'one\n' })).key).toBe(first.key);
      expect((await store.put({ ...ref, path: first.path, body: 'other\n' })).key).not.toBe(first.key);
      expect(JSON.stringify(await store.list(ref))).not.toContain(TOKEN);
      expect(leaksUnder(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a token in a folder name is redacted too', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'review10m-path-'));
    try {
      const stored = await createFilesystemArtifactStore(root).put({
        repo: 'acme/shop',
        taskId: 'acme/shop#7',
        attempt: 1,
        path: `files/${TOKEN}/config.json`,
        body: '{}\n',
      });
      expect(stored.path.startsWith('files/')).toBe(true);
      expect(leaksUnder(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a CLI run: the token-named file reaches neither the branch nor the out folder', async () => {
    const workDir = mkdtempSync(path.join(tmpdir(), 'review10m-path-run-'));
    try {
      const repoDir = path.join(workDir, 'repo');
      const outDir = path.join(workDir, 'out');
      await runLocalTask({
        requestFile,
        repoDir,
        outDir,
        init: true,
        provider: namingProvider,
        progress: () => undefined,
      });
      const tree = existsSync(path.join(repoDir, '.git'))
        ? execFileSync('git', ['-C', repoDir, 'log', '--all', '--name-only', '--format=%B'], {
            encoding: 'utf8',
          })
        : '';
      expect({ tree: tree.includes(TOKEN), out: leaksUnder(outDir) }).toEqual({ tree: false, out: [] });
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
