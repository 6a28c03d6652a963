import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelProvider } from '../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import { runLocalTask } from '../../src/local/run-local-task.js';
import { SECRET_CASES } from '../fixtures/adversarial/secrets/secret-cases.js';
import { secretFragmentsIn } from '../fixtures/adversarial/secrets/secret-fragments.js';

const requestFile = new URL('../../examples/orders-api.request.json', import.meta.url).pathname;

/** The offline blueprint's answer with every adversarial secret file added, every time. */
const leakingProvider: ModelProvider = {
  name: 'leaking',
  async generate(input) {
    const result = await createOfflineProvider().generate(input);
    const files = [...result.bundle.files, ...SECRET_CASES.map((secretCase) => secretCase.file)];
    return { ...result, bundle: { ...result.bundle, files } };
  },
};

describe('runLocalTask with a model that writes credentials', () => {
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'secrets-local-'));
  });
  afterEach(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('commits nothing and writes a validation report that names every secret without its value', async () => {
    const repoDir = path.join(workDir, 'repo');
    const outDir = path.join(workDir, 'out');

    const result = await runLocalTask({
      requestFile,
      repoDir,
      outDir,
      init: true,
      provider: leakingProvider,
      progress: () => undefined,
    });

    expect(result.status).toBe('failed');
    expect(existsSync(path.join(repoDir, '.git'))).toBe(false);
    const report = readFileSync(path.join(outDir, 'validation-report.md'), 'utf8');
    for (const secretCase of SECRET_CASES)
      expect(report).toContain(`[secrets] ${secretCase.file.path}: ${secretCase.location}`);
    const values = SECRET_CASES.flatMap((secretCase) => secretCase.values);
    expect(
      secretFragmentsIn(report + readFileSync(path.join(outDir, 'status.json'), 'utf8'), values),
    ).toEqual([]);
  });
});
