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
  it.failing(
    'FAULT: the artifact store keeps the token in the artifact key, its file name and its metadata',
    async () => {
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
    },
  );

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
