// Attacker pass 9q (test-only) on runners that run a command in folders the text does not name
// (runner-folder-options.ts `FOLDER_OPTIONS` `elsewhere`: pnpm's `-r`/`--recursive`/`--filter`, npm's
// `--workspaces`, Yarn's `workspace(s)`, Bun's `--filter`): the same runs written another way are not
// known, and their `tsc -p build.json` is read from the manifest's folder only, so a changed
// `packages/a/build.json` (its outDir writing over the runner's checkout of an action) that tsc
// builds in packages/a is low: pnpm's `recursive` command and its alias `multi` (pnpm's
// getCommandFullName: `recursive`, `multi`, `m` → recursive; "pnpm recursive exec" in its CLI
// help) and Lerna's `lerna exec -- <command>` ("Execute an arbitrary command in each package").
// Refused: the flag forms the reader knows. A FAULT asks only that the change is not low.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const OUTSIDE = JSON.stringify({
  compilerOptions: { outDir: '/home/runner/work/_actions/actions/checkout' },
});
const manifest = (build: string) => JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build } });

/** The reasons' places when the change writes `packages/a/build.json` and the root manifest's build is `build`. */
const whereOf = (build: string) =>
  classifyRisk({
    files: [{ path: 'packages/a/build.json', content: OUTSIDE, role: 'config' as const }],
    targetEnvironment: 'staging',
    production: false,
    base: [
      { path: 'package.json', content: manifest(build) },
      { path: 'packages/a/package.json', content: manifest('echo built') },
    ],
  }).reasons.map((reason) => reason.where);

describe('a command run in each package, written in a form the reader does not know', () => {
  it.failing.each([
    'pnpm recursive exec tsc -p build.json',
    'pnpm multi exec tsc -p build.json',
    'lerna exec -- tsc -p build.json',
    'lerna exec --scope a -- tsc -p build.json',
  ])('FAULT: %j builds packages/a/build.json, read from the root only (changed file low)', (build) => {
    expect(whereOf(build)).not.toEqual([]);
  });
});

describe('runs in other folders the reader knows (refused attacks)', () => {
  it.each([
    'pnpm --recursive exec tsc -p build.json',
    'pnpm exec -r tsc -p build.json',
    'pnpm --filter=a exec tsc -p build.json',
    'npm exec -w packages/a -- tsc -p build.json',
    'npm --workspace=packages/a exec -- tsc -p build.json',
    'yarn workspaces foreach exec tsc -p build.json',
    'bun --filter a exec tsc -p build.json',
  ])('%j fails closed', (build) => {
    expect(whereOf(build)).toContain('package.json#scripts.build');
  });
});
