import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';

/**
 * Loads what a generated service's modules export, bundled by esbuild from the bundle written to a
 * temporary folder (the AWS SDK left out: the adapters take their clients as arguments). Node's
 * built-ins (`node:crypto` for a webhook's signature) are the real ones; anything else left
 * external (the AWS SDK) is an empty object.
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
    const nodeRequire = createRequire(join(process.cwd(), 'package.json'));
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', built.outputFiles[0]?.text ?? '')(
      module,
      module.exports,
      (name: string) => (isBuiltin(name) ? nodeRequire(name) : {}),
    );
    return module.exports;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function isBuiltin(name: string): boolean {
  return name.startsWith('node:') || builtinModules.includes(name);
}
