// More cases of the kinds review 9i found in the package rules (src/core/risk/): every npm
// life-cycle event `npm ci`/`npm install`/`npm run build` runs, files the install or build
// executes by their path alone, lockfile sources written as versions, version 1 lockfiles, names
// installed under another name, and builds naming paths outside the service — with the cases that
// must stay low.
import { describe, expect, it } from '@jest/globals';
import { npmLockfileRisks } from '../../../src/core/risk/npm-lockfile-risks.js';
import { registryTarball as tarball, riskOfConfig as riskOf } from './fixtures/package-files.js';

const SERVICE = 'services/orders-api';
const manifestWith = (scripts: Record<string, string>) =>
  JSON.stringify({ name: 'orders-api', version: '1.0.0', private: true, scripts });

const lockfile = (packages: Record<string, unknown>) =>
  JSON.stringify({
    name: 'orders-api',
    lockfileVersion: 3,
    packages: { '': { name: 'orders-api', version: '1.0.0' }, ...packages },
  });

const version1 = (dependencies: Record<string, unknown>) =>
  JSON.stringify({ name: 'orders-api', version: '1.0.0', lockfileVersion: 1, dependencies });

describe('life-cycle scripts npm runs by itself', () => {
  it.each([
    'preinstall',
    'install',
    'postinstall',
    'prepublish',
    'preprepare',
    'prepare',
    'postprepare',
    'predependencies',
    'dependencies',
    'postdependencies',
    'prebuild',
    'postbuild',
  ])('a "%s" script is refused', (name) => {
    const content = manifestWith({ build: 'tsc', [name]: 'node x.js' });
    expect(riskOf([{ path: `${SERVICE}/package.json`, content }]).level).toBe('high');
  });

  it('a script npm never runs by itself (test, lint) stays low', () => {
    const content = manifestWith({ build: 'tsc', test: 'node --test', lint: 'eslint .' });
    expect(riskOf([{ path: `${SERVICE}/package.json`, content }]).level).toBe('low');
  });
});

describe('files the install or build executes by their path', () => {
  it.each([
    `${SERVICE}/binding.gyp`,
    `${SERVICE}/native/binding.gyp`,
    `${SERVICE}/config.gypi`,
    `${SERVICE}/Binding.GYP`,
    `${SERVICE}/node_modules/.bin/esbuild`,
    'services/node_modules/.bin/tsc',
    `${SERVICE}/node_modules/zod/package.json`,
    `${SERVICE}/.pnp.cjs`,
  ])('%s is refused whatever it holds', (path) => {
    const risk = riskOf([{ path, content: '{}' }]);
    expect(risk.reasons).toEqual([expect.objectContaining({ code: 'unseen-effect', where: path })]);
  });

  it('a source file named like one (gyp.ts, node_modules.md) stays low', () => {
    const files = [
      { path: `${SERVICE}/src/gyp.ts`, content: 'export {};' },
      { path: `${SERVICE}/docs/node_modules.md`, content: '#' },
    ];
    expect(riskOf(files).level).toBe('low');
  });
});

describe('a build naming a path outside the service', () => {
  it.each([
    'esbuild src/handler.ts --bundle --outfile=C:/Users/runner/x.js',
    'tsc --outDir D:/actions',
    'esbuild src/handler.ts --bundle --inject:file:///etc/passwd --outfile=dist/h.js',
    'esbuild /etc/passwd --bundle --outfile=dist/h.js',
  ])('%s is refused', (build) => {
    expect(riskOf([{ path: `${SERVICE}/package.json`, content: manifestWith({ build }) }]).level).toBe(
      'high',
    );
  });

  it.each([
    'esbuild src/handler.ts --bundle --platform=node --target=node20 --outfile=dist/handler.js',
    'esbuild src/handler.ts --bundle --external:@aws-sdk/* --loader:.ts=ts --outdir=dist',
    'tsc -p tsconfig.json',
  ])('the blueprint-shaped %s stays low', (build) => {
    expect(riskOf([{ path: `${SERVICE}/package.json`, content: manifestWith({ build }) }]).level).toBe('low');
  });
});

describe('npm lockfile entries', () => {
  const path = `${SERVICE}/package-lock.json`;

  it('an entry without `resolved` and a plain version (a bundled dependency) stays low', () => {
    const content = lockfile({ 'node_modules/zod': { version: '3.23.8', inBundle: true } });
    expect(npmLockfileRisks({ path, content })).toEqual([]);
  });

  it.each(['github:evil/zod', 'evil/zod#main', 'npm:evil-zod@3.23.8', 'latest'])(
    'an entry without `resolved` whose version is %s is refused',
    (version) => {
      const content = lockfile({ 'node_modules/zod': { version } });
      expect(npmLockfileRisks({ path, content }).map((reason) => reason.where)).toContain(
        `${path}#packages.node_modules/zod`,
      );
    },
  );

  it('a nested entry naming another package is refused', () => {
    const content = lockfile({
      'node_modules/a': { version: '1.0.0', resolved: tarball('a', '1.0.0') },
      'node_modules/a/node_modules/zod': {
        name: 'evil-zod',
        version: '3.23.8',
        resolved: tarball('evil-zod', '3.23.8'),
      },
    });
    expect(npmLockfileRisks({ path, content })).toHaveLength(1);
  });

  it('an alias the change itself writes into an entry does not make another name low', () => {
    const content = lockfile({
      'node_modules/esbuild': {
        version: '0.28.0',
        resolved: tarball('esbuild', '0.28.0'),
        dependencies: { zod: 'npm:evil-zod@^3.23.8' },
      },
      'node_modules/zod': { name: 'evil-zod', version: '3.23.8', resolved: tarball('evil-zod', '3.23.8') },
    });
    expect(npmLockfileRisks({ path, content })).toHaveLength(1);
  });

  it('an alias the reviewed lockfile asks for (a registry package depending on npm:string-width) stays low', () => {
    const cliui = (width: string) =>
      lockfile({
        'node_modules/@isaacs/cliui': {
          version: '8.0.2',
          resolved: tarball('@isaacs/cliui', '8.0.2'),
          dependencies: { 'string-width-cjs': 'npm:string-width@^4.2.0' },
        },
        'node_modules/string-width-cjs': {
          name: 'string-width',
          version: width,
          resolved: tarball('string-width', width),
        },
      });
    expect(npmLockfileRisks({ path, content: cliui('4.2.3'), base: cliui('4.2.0') })).toEqual([]);
    expect(npmLockfileRisks({ path, content: cliui('4.2.3') })).toHaveLength(1);
  });

  it('a version 1 lockfile is refused unless every entry is in the reviewed lockfile alike', () => {
    const esbuild = { version: '0.28.0', resolved: tarball('esbuild', '0.28.0') };
    const zod = { version: '3.23.8', resolved: tarball('zod', '3.23.8') };
    const before = version1({ esbuild });
    const after = version1({ esbuild, zod });
    expect(npmLockfileRisks({ path, content: before, base: before })).toEqual([]);
    const reasons = npmLockfileRisks({ path, content: after, base: before });
    expect(reasons).toEqual([expect.objectContaining({ where: path })]);
    expect(reasons[0]?.message).toContain('node_modules/zod');
    expect(npmLockfileRisks({ path, content: before, baseUnreadable: 'not found' })).toHaveLength(1);
  });

  it('a lockfile without `packages` but claiming version 3 is read as version 1', () => {
    const content = JSON.stringify({
      lockfileVersion: 3,
      dependencies: { zod: { version: '3.23.8', resolved: tarball('zod', '3.23.8') } },
    });
    expect(npmLockfileRisks({ path, content })).toHaveLength(1);
  });
});
