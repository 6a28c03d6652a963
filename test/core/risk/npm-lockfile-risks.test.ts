import { describe, expect, it } from '@jest/globals';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';
import { registryTarball as tarball, riskOfConfig } from './fixtures/package-files.js';

// The deploy run builds a service with `npm ci` when it has a lockfile (src/packaging/build-service.ts),
// with the AWS credentials that deploy the stack: what the lockfile makes npm fetch and run is
// build-time code no template rule bounds. Package manager configurations change where packages
// come from and whether their scripts run.

const LOCK = 'services/api/package-lock.json';
const lockfile = (packages: Record<string, unknown>) =>
  JSON.stringify({
    name: 'api',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'api' }, ...packages },
  });
const ESBUILD = {
  'node_modules/esbuild': {
    version: '0.28.0',
    resolved: tarball('esbuild', '0.28.0'),
    integrity: 'sha512-x',
    hasInstallScript: true,
  },
};
const reasonsWith = (
  files: { path: string; content: string }[],
  base?: { path: string; content: string }[],
): string[] => riskOfConfig(files, base).reasons.map((reason) => `${reason.code} ${reason.where}`);

describe('npm lockfiles in the bundle', () => {
  it.each([
    [
      'a git source',
      { 'node_modules/x': { version: '1.0.0', resolved: 'git+ssh://git@github.com/a/x.git#abc' } },
    ],
    [
      'another host',
      { 'node_modules/x': { version: '1.0.0', resolved: 'https://evil.example/x-1.0.0.tgz' } },
    ],
    [
      'plain http to the registry',
      { 'node_modules/x': { version: '1.0.0', resolved: 'http://registry.npmjs.org/x/-/x-1.0.0.tgz' } },
    ],
    [
      "the registry's tarball of another package",
      { 'node_modules/x': { version: '1.0.0', resolved: tarball('evil-x', '1.0.0') } },
    ],
    ['a local tarball', { 'node_modules/x': { version: '1.0.0', resolved: 'file:vendor/x.tgz' } }],
    ['a link outside the repository', { 'node_modules/x': { resolved: '../../../../tmp/x', link: true } }],
  ])('%s is unseen-effect at the entry', (_name, packages) => {
    expect(reasonsWith([{ path: LOCK, content: lockfile(packages) }])).toEqual([
      `unseen-effect ${LOCK}#packages.node_modules/x`,
    ]);
  });

  it('a version 1 lockfile with a git version is unseen-effect', () => {
    const content = JSON.stringify({
      lockfileVersion: 1,
      dependencies: {
        x: { version: 'github:a/x#abc' },
        y: { version: '1.0.0', resolved: tarball('y', '1.0.0') },
      },
    });
    // Review 9i: a version 1 lockfile records no install scripts, so its new entries are a reason too.
    expect(reasonsWith([{ path: LOCK, content }])).toEqual([
      `unseen-effect ${LOCK}#packages.node_modules/x`,
      `unseen-effect ${LOCK}`,
    ]);
  });

  it('install scripts are unseen-effect unless the reviewed base lockfile has the same entry', () => {
    const content = lockfile(ESBUILD);
    expect(reasonsWith([{ path: LOCK, content }])).toEqual([
      `unseen-effect ${LOCK}#packages.node_modules/esbuild`,
    ]);
    expect(reasonsWith([{ path: LOCK, content }], [{ path: LOCK, content }])).toEqual([]);
    const newer = lockfile({
      'node_modules/esbuild': {
        ...ESBUILD['node_modules/esbuild'],
        version: '0.28.1',
        resolved: tarball('esbuild', '0.28.1'),
      },
    });
    expect(reasonsWith([{ path: LOCK, content: newer }], [{ path: LOCK, content }])).toEqual([
      `unseen-effect ${LOCK}#packages.node_modules/esbuild`,
    ]);
  });

  it('a base lockfile that could not be read, or does not parse, is no base, and the reason says why', () => {
    const content = lockfile(ESBUILD);
    const messages = (base: ReviewedBaseFile[]) =>
      riskOfConfig([{ path: LOCK, content }], base).reasons.map((reason) => reason.message);
    expect(messages([{ path: LOCK, unreadable: 'Server Error' }])).toEqual([
      expect.stringContaining(
        '(the reviewed lockfile on the base branch could not be read: Server Error; every install script counts)',
      ),
    ]);
    expect(messages([{ path: LOCK, content: '{"packages":' }])).toEqual([
      expect.stringContaining('could not be read: it does not parse;'),
    ]);
    // Another file's base says nothing about this one.
    expect(messages([{ path: 'package-lock.json', content }])).toEqual([
      expect.not.stringContaining('could not be read'),
    ]);
  });

  it('a lockfile that does not parse is unseen-effect at the file', () => {
    expect(reasonsWith([{ path: 'npm-shrinkwrap.json', content: '{"packages":' }])).toEqual([
      'unseen-effect npm-shrinkwrap.json',
    ]);
  });

  // Review 9i: an alias entry (`name` other than its folder's) is low only when the reviewed base
  // lockfile asks for it (test/core/risk/package-risk-kinds.test.ts), no longer by itself.
  it('control: registry tarballs, scoped packages and workspace links stay low', () => {
    const packages = {
      'node_modules/zod': { version: '3.23.8', resolved: tarball('zod', '3.23.8'), integrity: 'sha512-z' },
      'node_modules/@types/node': { version: '22.0.0', resolved: tarball('@types/node', '22.0.0') },
      'node_modules/jest/node_modules/y': { version: '1.0.0', resolved: tarball('y', '1.0.0') },
      'node_modules/shared': { resolved: '../shared', link: true },
    };
    expect(reasonsWith([{ path: LOCK, content: lockfile(packages) }])).toEqual([]);
  });
});

describe('package manager configurations in the bundle', () => {
  it.each([
    ['services/api/.npmrc', 'registry=https://npm.evil.example/\n', 'changes the registry'],
    ['services/api/.npmrc', '@acme:registry=https://npm.evil.example/\n', 'changes the registry'],
    ['services/api/.npmrc', 'ignore-scripts=false\n', 'turns install scripts on'],
    ['services/api/.yarnrc.yml', 'npmRegistryServer: "https://npm.evil.example"\n', 'changes the registry'],
    ['services/api/.yarnrc.yml', 'yarnPath: .yarn/releases/yarn.cjs\n', 'runs JavaScript'],
    ['services/api/.pnpmfile.cjs', 'module.exports = {}', 'pnpm runs'],
  ])('%s with %j is unseen-effect, saying what it does', (path, content, says) => {
    const risk = riskOfConfig([{ path, content }]);
    expect(risk.reasons.map((reason) => `${reason.code} ${reason.where}`)).toEqual([`unseen-effect ${path}`]);
    expect(risk.reasons[0]?.message).toContain(says);
  });
});
