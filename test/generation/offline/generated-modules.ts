import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';

/**
 * Loads what a generated service's modules export, bundled by esbuild from the bundle written to a
 * temporary folder (the AWS SDK left out: the adapters take their clients as arguments).
 * `exports` lists `[module path ending, names]`, e.g. `['src/app.ts', ['createApp']]`.
 */
export function loadGenerated(
  bundle: ArtifactBundle,
  exports: readonly (readonly [string, readonly string[]])[],
): Record<string, unknown> {
  const folder = mkdtempSync(join(tmpdir(), 'generated-'));
  try {
    for (const file of bundle.files) {
      const path = join(folder, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    const lines = exports.map(([suffix, names]) => {
      const path = bundle.files.find((file) => file.path.endsWith(suffix))?.path;
      if (path === undefined) throw new Error(`bundle has no file ending ${suffix}`);
      return `export { ${names.join(', ')} } from ${JSON.stringify(join(folder, path))};`;
    });
    const built = buildSync({
      stdin: { contents: lines.join('\n'), resolveDir: folder, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      external: ['@aws-sdk/*'],
    });
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', built.outputFiles[0]?.text ?? '')(
      module,
      module.exports,
      () => ({}),
    );
    return module.exports;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
