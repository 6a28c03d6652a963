import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

// yarn.lock and pnpm-lock.yaml in the bundle: npm reads a yarn.lock as a hint, and a person who
// builds with yarn or pnpm installs what they name. A source other than the npm registry (or
// yarn's mirror of it) is code no reviewer reads from the manifest.

const reasonsWith = (path: string, content: string): string[] =>
  classifyRisk({
    files: [{ path, content, role: 'config' }],
    targetEnvironment: 'staging',
    production: false,
  }).reasons.map((reason) => `${reason.code} ${reason.where}`);

const YARN = 'services/api/yarn.lock';
const yarnV1 = (...entries: string[]) => ['# yarn lockfile v1', '', '', ...entries].join('\n');
const LEFT_PAD = `left-pad@^1.3.0:
  version "1.3.0"
  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e"
  integrity sha512-x
`;
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

const PNPM = 'services/api/pnpm-lock.yaml';
const pnpm = (packages: string, importers = '') =>
  [
    "lockfileVersion: '9.0'",
    '',
    'importers:',
    '  .:',
    '    dependencies:',
    importers || '      left-pad:\n        specifier: ^1.3.0\n        version: 1.3.0',
    '',
    'packages:',
    packages,
  ].join('\n');
const REGISTRY_PACKAGE = `  left-pad@1.3.0:\n    resolution: {integrity: sha512-x}\n`;

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
    expect(reasonsWith(PNPM, pnpm(REGISTRY_PACKAGE, importers))).toEqual([
      `unseen-effect ${PNPM}#importers...dependencies.b`,
    ]);
  });

  it('a pnpm lockfile that does not parse is one reason at the file', () => {
    expect(reasonsWith(PNPM, 'packages: [\n')).toEqual([`unseen-effect ${PNPM}`]);
  });
});
