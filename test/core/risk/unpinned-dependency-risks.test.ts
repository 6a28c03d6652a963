// Registry dependencies the deploy run's `npm install` would take unjudged (issue #9, review 9k):
// new against the reviewed manifest and not pinned by an npm lockfile in the change, unless
// exactly what the blueprints write; and dependencies installed under a build command's name.
import { describe, expect, it } from '@jest/globals';
import { GENERATED_PACKAGES } from '../../../src/core/bundle/generated-packages.js';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';

const BUILD = 'esbuild src/index.ts --bundle --platform=node --outdir=dist';
const manifest = (body: Record<string, unknown>) =>
  JSON.stringify({ name: 'svc', version: '1.0.0', scripts: { build: BUILD }, ...body });
const lockfile = JSON.stringify({
  name: 'svc',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'svc', dependencies: { 'left-pad': '^1.3.0' } },
    'node_modules/left-pad': {
      version: '1.3.0',
      resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
      integrity: 'sha512-x',
    },
  },
});
const riskOf = (files: Record<string, string>, base?: ReviewedBaseFile[]) =>
  classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    ...(base === undefined ? {} : { base }),
  });
const wheres = (files: Record<string, string>, base?: ReviewedBaseFile[]) =>
  riskOf(files, base).reasons.map((reason) => reason.where);

describe('new registry dependencies without a lockfile', () => {
  it.each([
    ['dependencies', 'expresss-validator', '^1.0.0'],
    ['devDependencies', 'left-pad', '^1.3.0'],
    ['optionalDependencies', 'left-pad', '1.3.0'],
    ['peerDependencies', 'left-pad', '*'],
    ['overrides', 'left-pad', '1.3.0'],
    ['resolutions', 'left-pad', 'latest'],
  ])('a new %s entry %s@%s is not low', (field, name, spec) => {
    expect(wheres({ 'svc/package.json': manifest({ [field]: { [name]: spec } }) })).toEqual([
      `svc/package.json#${field}.${name}`,
    ]);
  });

  it('says why: the deploy run installs whatever the registry serves and runs its install scripts', () => {
    const [reason] = riskOf({
      'svc/package.json': manifest({ dependencies: { 'left-pad': '^1.3.0' } }),
    }).reasons;
    expect(reason?.code).toBe('unseen-effect');
    expect(reason?.message).toMatch(/no npm lockfile in the change pins it.*install scripts/);
  });

  it('is low when an npm lockfile beside the manifest is in the change (npm ci installs from it; it is judged)', () => {
    for (const name of ['package-lock.json', 'npm-shrinkwrap.json'])
      expect(
        riskOf({
          'svc/package.json': manifest({ dependencies: { 'left-pad': '^1.3.0' } }),
          [`svc/${name}`]: lockfile,
        }).reasons,
      ).toEqual([]);
  });

  it('is not low when the lockfile is elsewhere, another kind, or in another case (npm ci on Linux does not read it)', () => {
    for (const path of ['other/package-lock.json', 'svc/yarn.lock', 'svc/Package-Lock.json'])
      expect(
        wheres({
          'svc/package.json': manifest({ dependencies: { 'left-pad': '^1.3.0' } }),
          [path]: path.endsWith('yarn.lock') ? '' : lockfile,
        }),
      ).toContain('svc/package.json#dependencies.left-pad');
  });

  it('is low when the reviewed manifest on the base branch asks for the same package with the same spec', () => {
    const base = [
      { path: 'svc/package.json', content: manifest({ devDependencies: { 'left-pad': '^1.3.0' } }) },
    ];
    expect(
      riskOf({ 'svc/package.json': manifest({ dependencies: { 'left-pad': '^1.3.0' } }) }, base).reasons,
    ).toEqual([]);
  });

  it('counts a changed range, a base without the file, and an unreadable or unparsable base as new', () => {
    const files = { 'svc/package.json': manifest({ dependencies: { 'left-pad': '^1.3.0' } }) };
    const at = 'svc/package.json#dependencies.left-pad';
    expect(
      wheres(files, [
        { path: 'svc/package.json', content: manifest({ dependencies: { 'left-pad': '1.3.0' } }) },
      ]),
    ).toEqual([at]);
    expect(wheres(files, [])).toEqual([at]);
    expect(wheres(files, [{ path: 'svc/package.json', content: '{' }])).toEqual([at]);
    const [unreadable] = riskOf(files, [{ path: 'svc/package.json', unreadable: 'GitHub said 502' }]).reasons;
    expect(unreadable?.message).toContain('GitHub said 502');
    // A script of the base naming the package is not a dependency.
    expect(
      wheres(files, [{ path: 'svc/package.json', content: manifest({ scripts: { 'left-pad': '^1.3.0' } }) }]),
    ).toEqual([at]);
  });

  it('accepts exactly the packages and ranges the blueprints write, and no other range of them', () => {
    expect(riskOf({ 'svc/package.json': manifest({ devDependencies: GENERATED_PACKAGES }) }).reasons).toEqual(
      [],
    );
    expect(wheres({ 'svc/package.json': manifest({ devDependencies: { esbuild: '*' } }) })).toEqual([
      'svc/package.json#devDependencies.esbuild',
    ]);
    expect(wheres({ 'svc/package.json': manifest({ devDependencies: { toString: '^1.0.0' } }) })).toEqual([
      'svc/package.json#devDependencies.toString',
    ]);
  });

  it('names 20 new dependencies and counts the rest in one reason', () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`pkg-${index}`, '1.0.0']));
    const reasons = riskOf({ 'svc/package.json': manifest({ dependencies: many }) }).reasons;
    expect(reasons).toHaveLength(21);
    expect(reasons[20]?.message).toMatch(/^5 more dependencies/);
  });
});

describe('dependencies installed under a command the build starts', () => {
  it.each([
    ['tsc', '^2.0.4'],
    ['TSC', '^2.0.4'],
    ['esbuild', 'npm:esbuild-wasm@0.28.0'],
    ['node', '^20.0.0'],
    ['@evil/esbuild', '1.0.0'],
    ['npx', '^10.0.0'],
  ])('%s@%s is not low, even pinned by a lockfile', (name, spec) => {
    expect(
      wheres({
        'svc/package.json': manifest({ devDependencies: { [name]: spec } }),
        'svc/package-lock.json': lockfile,
      }),
    ).toContain(`svc/package.json#devDependencies.${name}`);
  });

  it("each command's own package is low (pinned)", () => {
    expect(
      riskOf({
        'svc/package.json': manifest({
          devDependencies: { typescript: '^5.0.0', esbuild: '^0.27.0', npm: '^11.0.0' },
        }),
        'svc/package-lock.json': lockfile,
      }).reasons,
    ).toEqual([]);
  });
});
