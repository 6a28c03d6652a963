import { describe, expect, it } from '@jest/globals';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';
import {
  LEFT_PAD,
  LEFT_PAD_PNPM as REGISTRY_PACKAGE,
  PNPM,
  pnpmLockfile as pnpm,
  riskOfConfig,
  YARN,
  yarnBerry,
  yarnV1,
} from './fixtures/package-files.js';

// yarn.lock and pnpm-lock.yaml in the bundle: npm reads a yarn.lock as a hint, and a person who
// builds with yarn or pnpm installs what they name. A source other than the npm registry (or
// yarn's mirror of it) is code no reviewer reads from the manifest.

/** Reasons for a bundle with one lockfile; by default the base branch already has it as it is (nothing new). */
const reasonsWith = (
  path: string,
  content: string,
  base: ReviewedBaseFile | null = { path, content },
): string[] =>
  riskOfConfig([{ path, content }], base === null ? undefined : [base]).reasons.map(
    (reason) => `${reason.code} ${reason.where}`,
  );

const SCOPED = `"@types/node@*", "@types/node@^22.0.0":
  version "22.1.0"
  resolved "https://registry.npmjs.org/@types/node/-/node-22.1.0.tgz"
  dependencies:
    undici-types "~6.19.2"
`;

describe('yarn.lock', () => {
  it('control: registry tarballs of the entry itself (either registry host, scoped, with a hash) stay low', () => {
    expect(reasonsWith(YARN, yarnV1(LEFT_PAD, SCOPED))).toEqual([]);
  });

  it.each([
    [
      'another host',
      `x@^1.0.0:\n  version "1.0.0"\n  resolved "https://evil.example/x/-/x-1.0.0.tgz"\n`,
      'x@^1.0.0',
    ],
    [
      "the registry's tarball of another package",
      `x@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/evil/-/evil-1.0.0.tgz"\n`,
      'x@^1.0.0',
    ],
    [
      'a git source',
      `"x@git+https://github.com/a/x.git":\n  version "1.0.0"\n`,
      'x@git+https://github.com/a/x.git',
    ],
    ['a file source', `"x@file:../../../x":\n  version "1.0.0"\n`, 'x@file:../../../x'],
    ['a GitHub shorthand', `"x@a/x#main":\n  version "1.0.0"\n`, 'x@a/x#main'],
  ])('%s is unseen-effect at the entry', (_name, entry, where) => {
    expect(reasonsWith(YARN, yarnV1(LEFT_PAD, entry))).toContain(`unseen-effect ${YARN}#${where}`);
  });

  it('an npm alias is judged as the package it installs', () => {
    const alias = `"x@npm:left-pad@^1.3.0":\n  version "1.3.0"\n  resolved "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"\n`;
    expect(reasonsWith(YARN, yarnV1(alias))).toEqual([]);
  });

  it('yarn 2+: npm and workspace resolutions (and yarn’s own patches) stay low; others are unseen-effect', () => {
    const berry = [
      '__metadata:',
      '  version: 8',
      '',
      '"left-pad@npm:^1.3.0":',
      '  version: 1.3.0',
      '  resolution: "left-pad@npm:1.3.0"',
      '',
      '"api@workspace:.":',
      '  resolution: "api@workspace:."',
      '',
      '"typescript@patch:typescript@npm%3A^5.0.0#optional!builtin<compat/typescript>":',
      '  resolution: "typescript@patch:typescript@npm%3A5.9.3#optional!builtin<compat/typescript>"',
      '',
      '"x@https://evil.example/x.tgz":',
      '  resolution: "x@https://evil.example/x.tgz"',
      '',
      '"y@workspace:../../../y":',
      '  resolution: "y@workspace:../../../y"',
    ].join('\n');
    expect(reasonsWith(YARN, berry)).toEqual([
      `unseen-effect ${YARN}#x@https://evil.example/x.tgz`,
      `unseen-effect ${YARN}#y@workspace:../../../y`,
    ]);
  });

  it('a yarn.lock too large to read is one reason at the file', () => {
    expect(reasonsWith('yarn.lock', 'x'.repeat(20_000_001))).toEqual(['unseen-effect yarn.lock']);
  });
});

describe('pnpm-lock.yaml', () => {
  it('control: registry packages (integrity only, or a registry tarball) and a directory inside the repository stay low', () => {
    const packages =
      REGISTRY_PACKAGE +
      `  y@1.0.0:\n    resolution: {tarball: https://registry.npmjs.org/y/-/y-1.0.0.tgz}\n` +
      `  z@file:../z:\n    resolution: {directory: ../z, type: directory}\n`;
    expect(reasonsWith(PNPM, pnpm(packages))).toEqual([]);
  });

  it.each([
    ['another host', `  x@1.0.0:\n    resolution: {tarball: https://evil.example/x-1.0.0.tgz}\n`, 'x@1.0.0'],
    [
      'git',
      `  x@git+https://github.com/a/x.git#abc:\n    resolution: {type: git, repo: https://github.com/a/x.git, commit: abc}\n`,
      'x@git+https://github.com/a/x.git#abc',
    ],
    [
      'a directory outside the repository',
      `  x@file:../../../x:\n    resolution: {directory: ../../../x, type: directory}\n`,
      'x@file:../../../x',
    ],
    ['no resolution', `  x@1.0.0:\n    engines: {node: '>=18'}\n`, 'x@1.0.0'],
  ])('%s is unseen-effect at the package', (_name, packages, key) => {
    expect(reasonsWith(PNPM, pnpm(REGISTRY_PACKAGE + packages))).toEqual([
      `unseen-effect ${PNPM}#packages.${key}`,
    ]);
  });

  it('a link outside the repository is unseen-effect at the importer; one inside stays low', () => {
    const importers =
      '      a:\n        specifier: link:../shared\n        version: link:../shared\n      b:\n        specifier: link:../../../../x\n        version: link:../../../../x';
    expect(reasonsWith(PNPM, pnpm(REGISTRY_PACKAGE, { importers }))).toEqual([
      `unseen-effect ${PNPM}#importers...dependencies.b`,
    ]);
  });

  it('a pnpm lockfile that does not parse is one reason at the file', () => {
    expect(reasonsWith(PNPM, 'packages: [\n')).toEqual([`unseen-effect ${PNPM}`]);
  });
});

// Install scripts: yarn runs every package's, and neither yarn format records which have them; a
// pnpm lockfile before version 9 marks them `requiresBuild: true`, version 9 no longer does. As with
// npm's `hasInstallScript`, what the reviewed base lockfile already has is not new.
describe('install scripts of packages a yarn or pnpm lockfile adds', () => {
  const messages = (path: string, content: string, base: ReviewedBaseFile | null) =>
    riskOfConfig([{ path, content }], base === null ? undefined : [base]).reasons.map(
      (reason) => `${reason.where}: ${reason.message}`,
    );

  it('yarn v1: a package the base lockfile lacks (or has at another version) is one reason at the file naming it', () => {
    const bumped = LEFT_PAD.replaceAll('1.3.0', '1.3.1');
    expect(reasonsWith(YARN, yarnV1(LEFT_PAD, SCOPED), { path: YARN, content: yarnV1(LEFT_PAD) })).toEqual([
      `unseen-effect ${YARN}`,
    ]);
    expect(messages(YARN, yarnV1(bumped), { path: YARN, content: yarnV1(LEFT_PAD) })).toEqual([
      expect.stringMatching(
        /^services\/api\/yarn\.lock: 1 package\(s\) .*\(left-pad@\^1\.3\.1\): yarn runs their install scripts/,
      ),
    ]);
  });

  it('yarn v1 without a reviewed base, or with one that could not be read: every package counts, and says why', () => {
    expect(messages(YARN, yarnV1(LEFT_PAD), null)).toEqual([expect.stringContaining('no reviewed lockfile')]);
    expect(messages(YARN, yarnV1(LEFT_PAD), { path: YARN, unreadable: 'it is 30000000 bytes' })).toEqual([
      expect.stringContaining('could not be read: it is 30000000 bytes'),
    ]);
  });

  it('yarn 2+: a registry package the base lacks is a reason; workspaces are the project itself', () => {
    const leftPad =
      '"left-pad@npm:^1.3.0":\n  version: 1.3.0\n  resolution: "left-pad@npm:1.3.0"\n  checksum: 10/abc\n';
    const esbuild =
      '"esbuild@npm:^0.25.0":\n  version: 0.25.0\n  resolution: "esbuild@npm:0.25.0"\n  checksum: 10/def\n';
    const workspace = '"api@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "api@workspace:."\n';
    expect(reasonsWith(YARN, yarnBerry(workspace, leftPad), null)).toEqual([`unseen-effect ${YARN}`]);
    expect(
      reasonsWith(YARN, yarnBerry(workspace, leftPad, esbuild), { path: YARN, content: yarnBerry(leftPad) }),
    ).toEqual([`unseen-effect ${YARN}`]);
    expect(
      messages(YARN, yarnBerry(workspace, leftPad, esbuild), { path: YARN, content: yarnBerry(leftPad) }),
    ).toEqual([expect.stringContaining('(esbuild@npm:^0.25.0)')]);
    expect(
      reasonsWith(YARN, yarnBerry(workspace, leftPad), { path: YARN, content: yarnBerry(leftPad) }),
    ).toEqual([]);
  });

  const pnpmV6 = (packages: string) =>
    [
      "lockfileVersion: '6.0'",
      '',
      'dependencies:',
      '  esbuild:',
      '    specifier: ^0.25.0',
      '    version: 0.25.0',
      '',
      'packages:',
      packages,
    ].join('\n');
  const ESBUILD_BUILT =
    '  /esbuild@0.25.0:\n    resolution: {integrity: sha512-e}\n    requiresBuild: true\n    dev: false\n';
  const LEFT_PAD_PLAIN = '  /left-pad@1.3.0:\n    resolution: {integrity: sha512-x}\n    dev: false\n';

  it('pnpm before version 9: a new package marked requiresBuild is a reason at the package; one the base builds too is not', () => {
    expect(
      reasonsWith(PNPM, pnpmV6(LEFT_PAD_PLAIN + ESBUILD_BUILT), {
        path: PNPM,
        content: pnpmV6(LEFT_PAD_PLAIN),
      }),
    ).toEqual([`unseen-effect ${PNPM}#packages./esbuild@0.25.0`]);
    expect(
      reasonsWith(PNPM, pnpmV6(ESBUILD_BUILT), {
        path: PNPM,
        content: pnpmV6(LEFT_PAD_PLAIN + ESBUILD_BUILT),
      }),
    ).toEqual([]);
  });

  // Was: a new package without `requiresBuild` counted as one that runs nothing. pnpm before 9 wrote
  // the flag only when it knew (pnpm issues 7707, 7577), and pnpm 9+ converts an older lockfile and
  // decides builds from the package itself.
  it('pnpm before version 9: a new package without requiresBuild may still run install scripts, one reason at the file', () => {
    expect(reasonsWith(PNPM, pnpmV6(LEFT_PAD_PLAIN), null)).toEqual([`unseen-effect ${PNPM}`]);
    expect(
      messages(PNPM, pnpmV6(LEFT_PAD_PLAIN + ESBUILD_BUILT), { path: PNPM, content: pnpmV6(ESBUILD_BUILT) }),
    ).toEqual([expect.stringMatching(/\(\/left-pad@1\.3\.0\).*a missing requiresBuild is no record/)]);
    expect(
      reasonsWith(PNPM, pnpmV6(LEFT_PAD_PLAIN + ESBUILD_BUILT), {
        path: PNPM,
        content: pnpmV6(LEFT_PAD_PLAIN + ESBUILD_BUILT),
      }),
    ).toEqual([]);
  });

  it('pnpm version 9 records no builds: a package the base lacks is one reason at the file', () => {
    const esbuild = '  esbuild@0.25.0:\n    resolution: {integrity: sha512-e}\n';
    expect(
      reasonsWith(PNPM, pnpm(REGISTRY_PACKAGE + esbuild), { path: PNPM, content: pnpm(REGISTRY_PACKAGE) }),
    ).toEqual([`unseen-effect ${PNPM}`]);
    expect(messages(PNPM, pnpm(REGISTRY_PACKAGE + esbuild), { path: PNPM, content: 'packages: [' })).toEqual([
      expect.stringMatching(/esbuild@0\.25\.0\).*could not be read: it does not parse/),
    ]);
  });
});
