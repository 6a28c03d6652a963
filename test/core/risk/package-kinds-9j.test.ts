// More cases of the kinds attacker pass 9j found in the package rules (src/core/risk/): a yarn v1
// lockfile read other than yarn reads it, a yarn 2+ lockfile told apart by how a key is written,
// files known by their names in another case (as a case-insensitive disk opens them), files yarn
// and pnpm run or read by their path, and npm lockfile entries npm did not write (npm ci takes an
// entry as the package's manifest: @npmcli/arborist load-virtual.js `pkg: sw`) — with the cases
// that must stay low.
import { describe, expect, it } from '@jest/globals';
import { readYarnClassicLockfile } from '../../../src/core/risk/read-yarn-classic-lockfile.js';
import {
  LEFT_PAD,
  registryTarball,
  riskOfFiles as riskOf,
  SERVICE,
  YARN,
  yarnV1,
} from './fixtures/package-files.js';

const SCOPED = `"@types/node@*", "@types/node@^22.0.0":
  version "22.1.0"
  resolved "https://registry.npmjs.org/@types/node/-/node-22.1.0.tgz"
  dependencies:
    undici-types "~6.19.2"
    "@scope/x": "^1.0.0"
`;
const EVIL = 'https://evil.example/evil.tgz';

describe('yarn v1: read as yarn reads it, within what yarn writes', () => {
  it('reads what yarn writes: specs unquoted, fields and dependency lists', () => {
    expect(readYarnClassicLockfile(`\uFEFF${yarnV1(LEFT_PAD, SCOPED)}`.replaceAll('\n', '\r\n'))).toEqual([
      {
        specs: ['left-pad@^1.3.0'],
        fields: new Map([
          ['version', '1.3.0'],
          [
            'resolved',
            'https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e',
          ],
          ['integrity', 'sha512-x'],
        ]),
      },
      {
        specs: ['@types/node@*', '@types/node@^22.0.0'],
        fields: new Map([
          ['version', '22.1.0'],
          ['resolved', 'https://registry.npmjs.org/@types/node/-/node-22.1.0.tgz'],
          ['dependencies', ''],
        ]),
      },
    ]);
  });

  // Was: the line reader took only `  <word> "value"` lines and passed over the rest, which yarn's
  // tokenizer (yarn src/lockfile/parse.js) reads as fields.
  it.each([
    ['a quoted key', `  "resolved" "${EVIL}"`],
    ['a colon without a space', `  resolved:"${EVIL}"`],
    ['a comment after the value (yarn skips it)', `  resolved "${EVIL}" # pinned`],
    ['a tab for indentation', `\tresolved "${EVIL}"`],
    [
      'the field named twice',
      `  resolved "https://registry.yarnpkg.com/evil/-/evil-1.0.0.tgz"\n  resolved "${EVIL}"`,
    ],
    ['a field yarn does not write', `  resolution "evil@${EVIL}"`],
    ['a line of spaces', `    \n  resolved "${EVIL}"`],
    ['a merge conflict marker', `<<<<<<< HEAD\n  resolved "${EVIL}"`],
  ])('an added entry with %s is not low', (_name, line) => {
    const added = `evil@^1.0.0:\n  version "1.0.0"\n${line}\n`;
    expect(riskOf({ [YARN]: yarnV1(LEFT_PAD, added) }, { [YARN]: yarnV1(LEFT_PAD) }).level).toBe('high');
  });

  it('a line yarn does not take is one reason at the file, naming the line', () => {
    const risk = riskOf({ [YARN]: yarnV1('  "resolved" "x"\n', LEFT_PAD) }, { [YARN]: yarnV1(LEFT_PAD) });
    expect(risk.reasons).toEqual([
      expect.objectContaining({
        where: YARN,
        message: expect.stringContaining('line 4: a field outside any entry'),
      }),
    ]);
  });

  it('control: the same lockfile as the reviewed one stays low', () => {
    expect(riskOf({ [YARN]: yarnV1(LEFT_PAD, SCOPED) }, { [YARN]: yarnV1(LEFT_PAD, SCOPED) }).level).toBe(
      'low',
    );
  });
});

describe('yarn 2+: known by its `__metadata` key however it is written', () => {
  // Was: a regular expression looked for `__metadata:` at a line start, and a lockfile written as
  // a JSON (flow) mapping — YAML, which yarn 2+ reads — went to the v1 reader, which found nothing.
  it('a lockfile written as a flow mapping is judged as yarn 2+', () => {
    const flow = JSON.stringify({
      __metadata: { version: 8 },
      'left-pad@npm:^1.3.0': { version: '1.3.0', resolution: `left-pad@${EVIL}` },
    });
    expect(riskOf({ [YARN]: flow }).reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ where: `${YARN}#left-pad@npm:^1.3.0` })]),
    );
  });

  it('a yarn 2+ lockfile without `__metadata` is not read as yarn v1 (its fields are not v1 fields)', () => {
    const noMetadata = '"left-pad@npm:^1.3.0":\n  version: 1.3.0\n  resolution: "left-pad@npm:1.3.0"\n';
    expect(riskOf({ [YARN]: noMetadata }, { [YARN]: noMetadata }).level).toBe('high');
  });
});

describe('files known by their names, in any case', () => {
  // Was: these names were matched case-sensitively, so another case (or a character a
  // case-insensitive disk folds to ASCII, such as U+212A KELVIN SIGN for `k`) was not judged.
  it.each([
    [
      'Package-Lock.json',
      `${SERVICE}/Package-Lock.json`,
      JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/a': { version: '1.0.0', resolved: EVIL } },
      }),
    ],
    ['YARN.LOCK', `${SERVICE}/YARN.LOCK`, yarnV1(`evil@^1.0.0:\n  version "1.0.0"\n  resolved "${EVIL}"\n`)],
    [
      'PNPM-LOCK.YAML',
      `${SERVICE}/PNPM-LOCK.YAML`,
      `lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {tarball: ${EVIL}}\n`,
    ],
    [
      'package.json with a Kelvin sign',
      `${SERVICE}/pac\u212Aage.json`,
      '{"scripts":{"preinstall":"node x.js"}}',
    ],
    ['.Yarnrc.yml', `${SERVICE}/.Yarnrc.yml`, 'yarnPath: ./x.cjs\n'],
    ['node_modules with a long s', `${SERVICE}/node_module\u017F/.bin/esbuild`, '#!/bin/sh\n'],
    ['.PNP.CJS', `${SERVICE}/.PNP.CJS`, 'module.exports = 1;\n'],
  ])('%s is not low', (_name, path, content) => {
    expect(riskOf({ [path]: content }).level).toBe('high');
  });
});

describe('files yarn and pnpm run or read by their path', () => {
  it.each([
    `${SERVICE}/.yarn/unplugged/esbuild-npm-0.24.0-abc/node_modules/esbuild/install.js`,
    `${SERVICE}/.yarn/patches/left-pad-npm-1.3.0-abc.patch`,
    `${SERVICE}/.yarn/releases/yarn-4.5.0.cjs`,
    `${SERVICE}/.pnp.data.json`,
    `${SERVICE}/.pnp.js`,
    `${SERVICE}/.pnp.loader.mjs`,
  ])('%s is refused whatever it holds', (path) => {
    expect(riskOf({ [path]: '{}' }).reasons).toEqual([
      expect.objectContaining({ code: 'unseen-effect', where: path }),
    ]);
  });

  // Was: pnpm 10 reads its build settings from pnpm-workspace.yaml, which no rule judged.
  it('a pnpm-workspace.yaml turning builds on is refused and says so', () => {
    const path = `${SERVICE}/pnpm-workspace.yaml`;
    expect(riskOf({ [path]: 'packages: []\ndangerouslyAllowAllBuilds: true\n' }).reasons).toEqual([
      expect.objectContaining({
        where: path,
        message: expect.stringContaining("which packages' install scripts run"),
      }),
    ]);
  });

  it('control: a source file named like one stays low', () => {
    expect(riskOf({ [`${SERVICE}/src/yarn.ts`]: 'export {};', [`${SERVICE}/docs/pnp.md`]: '#' }).level).toBe(
      'low',
    );
  });
});

describe('npm lockfile entries npm did not write', () => {
  const LOCK = `${SERVICE}/package-lock.json`;
  const lockfile = (packages: Record<string, Record<string, unknown>>) =>
    JSON.stringify({ name: 'api', lockfileVersion: 3, packages: { '': { name: 'api' }, ...packages } });
  const entry = (name: string, version: string, extra: Record<string, unknown> = {}) => ({
    [`node_modules/${name}`]: {
      version,
      resolved: registryTarball(name, version),
      integrity: 'sha512-x',
      ...extra,
    },
  });
  const BASE = lockfile(entry('left-pad', '1.3.0'));

  // The decision on `binding.gyp`: npm ci runs `node-gyp rebuild` for a package whose tarball holds
  // one whatever the lockfile says (arborist rebuild.js `isNodeGypPackage`), and the tarball is not
  // seen here; npm's publish adds that install script to the manifest, so the registry's metadata
  // and an npm-written lockfile record it as `hasInstallScript`. A new registry entry without it is
  // taken as npm wrote it (the documented limit); anything npm would not write is not low.
  it('control: a new registry entry as npm writes it, without hasInstallScript, stays low (the documented limit)', () => {
    const content = lockfile({
      ...entry('left-pad', '1.3.0'),
      ...entry('zod', '3.23.8', { license: 'MIT' }),
    });
    expect(riskOf({ [LOCK]: content }, { [LOCK]: BASE }).level).toBe('low');
  });

  it.each([
    ['gypfile: true', { gypfile: true }, 'gypfile'],
    ['its own scripts', { scripts: { install: 'node-gyp rebuild' } }, 'scripts'],
    ['hasInstallScript written as a string', { hasInstallScript: 'yes' }, 'install scripts'],
    ['a bin named esbuild', { bin: { esbuild: 'index.js' } }, 'esbuild'],
    ['a bin named node', { bin: { node: 'index.js' } }, 'node'],
  ])('a new entry with %s is not low', (_name, extra, said) => {
    const content = lockfile({ ...entry('left-pad', '1.3.0'), ...entry('evil', '1.0.0', extra) });
    expect(riskOf({ [LOCK]: content }, { [LOCK]: BASE }).reasons).toEqual([
      expect.objectContaining({
        where: `${LOCK}#packages.node_modules/evil`,
        message: expect.stringContaining(said),
      }),
    ]);
  });

  it('a field npm does not write, added to a reviewed entry, is not low; the same field in the reviewed entry is', () => {
    const changed = lockfile(entry('left-pad', '1.3.0', { gypfile: true }));
    expect(riskOf({ [LOCK]: changed }, { [LOCK]: BASE }).level).toBe('high');
    expect(riskOf({ [LOCK]: changed }, { [LOCK]: changed }).level).toBe('low');
  });

  it("control: a package's own command (esbuild's esbuild, typescript's tsc) stays low", () => {
    const content = lockfile({
      ...entry('left-pad', '1.3.0'),
      ...entry('esbuild', '0.24.0', { bin: { esbuild: 'bin/esbuild' }, hasInstallScript: true }),
      ...entry('typescript', '5.6.3', { bin: { tsc: 'bin/tsc', tsserver: 'bin/tsserver' } }),
    });
    const base = lockfile({
      ...entry('left-pad', '1.3.0'),
      ...entry('esbuild', '0.24.0', { bin: { esbuild: 'bin/esbuild' }, hasInstallScript: true }),
    });
    expect(riskOf({ [LOCK]: content }, { [LOCK]: base }).level).toBe('low');
  });
});
