// Issue #9: package.json fields a package manager reads to decide what code runs at install or which
// package is installed for a name (pnpm settings, npm overrides, yarn resolutions, packageManager),
// and pnpm's patch files, are not low when the change touches them.
import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import type { ReviewedBaseFile } from '../../../src/core/risk/reviewed-base-file.js';

const MANIFEST = 'svc/package.json';
const LOCKFILE = JSON.stringify({ name: 'svc', lockfileVersion: 3, packages: { '': { name: 'svc' } } });

/** The reasons of a change holding `svc/package.json` (with an npm lockfile pinning it) and `extra` files. */
const reasonsOf = (
  manifest: Record<string, unknown>,
  base: readonly ReviewedBaseFile[] | undefined,
  extra: Record<string, string> = {},
) =>
  classifyRisk({
    files: Object.entries({
      [MANIFEST]: JSON.stringify({ name: 'svc', ...manifest }),
      'svc/package-lock.json': LOCKFILE,
      ...extra,
    }).map(([path, content]) => ({ path, content, role: 'config' as const })),
    targetEnvironment: 'staging',
    production: false,
    ...(base === undefined ? {} : { base }),
  }).reasons;
const wheres = (...args: Parameters<typeof reasonsOf>) => reasonsOf(...args).map((reason) => reason.where);
const baseOf = (manifest: Record<string, unknown>): ReviewedBaseFile[] => [
  { path: MANIFEST, content: JSON.stringify({ name: 'svc', ...manifest }) },
];

describe('package manager fields of package.json', () => {
  it.each([
    [
      'pnpm.onlyBuiltDependencies',
      { pnpm: { onlyBuiltDependencies: ['esbuild', 'evil'] } },
      'install scripts',
    ],
    ['pnpm.neverBuiltDependencies', { pnpm: { neverBuiltDependencies: [] } }, 'install scripts'],
    [
      'pnpm.patchedDependencies',
      { pnpm: { patchedDependencies: { 'a@1.0.0': 'patches/a.patch' } } },
      'patches',
    ],
    ['pnpm.overrides', { pnpm: { overrides: { lodash: '4.17.21' } } }, 'swaps'],
    ['pnpm.packageExtensions', { pnpm: { packageExtensions: { a: { dependencies: { b: '1' } } } } }, 'adds'],
    ['pnpm.someNewSetting', { pnpm: { someNewSetting: true } }, 'no rule reads'],
    ['overrides.lodash', { overrides: { lodash: '4.17.21' } }, 'swaps'],
    ['overrides.foo', { overrides: { foo: { bar: '1.0.0' } } }, 'swaps'],
    ['resolutions.**/lodash', { resolutions: { '**/lodash': '4.17.21' } }, 'swaps'],
    ['packageManager', { packageManager: 'pnpm@9.0.0' }, 'Corepack'],
    [
      'devEngines.packageManager',
      { devEngines: { packageManager: { name: 'yarn', version: 'https://example.com/yarn.js' } } },
      'Corepack',
    ],
    ['devEngines', { devEngines: 'yarn' }, 'not an object'],
  ])('%s added against the reviewed manifest is not low, and says why', (at, manifest, why) => {
    const reasons = reasonsOf(manifest, baseOf({}));
    const reason = reasons.find((each) => each.where === `${MANIFEST}#${at}`);
    expect(reason?.code).toBe('unseen-effect');
    expect(reason?.message).toContain(why);
  });

  it('the same fields as reviewed are low, pinned by the lockfile', () => {
    const manifest = {
      packageManager: 'pnpm@9.0.0',
      overrides: { lodash: '4.17.21' },
      resolutions: { lodash: '4.17.21' },
      pnpm: { onlyBuiltDependencies: ['esbuild'], overrides: { lodash: '4.17.21' } },
    };
    expect(reasonsOf(manifest, baseOf(manifest))).toEqual([]);
  });

  it('a changed or removed setting counts as an added one', () => {
    const reviewed = { pnpm: { neverBuiltDependencies: ['evil'] }, packageManager: 'pnpm@9.0.0' };
    expect(wheres({ packageManager: 'pnpm@9.0.0' }, baseOf(reviewed))).toEqual([
      `${MANIFEST}#pnpm.neverBuiltDependencies`,
    ]);
    expect(
      wheres({ ...reviewed, packageManager: 'yarn@https://example.com/yarn.js' }, baseOf(reviewed)),
    ).toEqual([`${MANIFEST}#packageManager`]);
  });

  it('with no reviewed base, or an unreadable one, every such field present counts, saying so', () => {
    const manifest = { overrides: { lodash: '4.17.21' } };
    expect(reasonsOf(manifest, undefined)[0]?.message).toContain('no reviewed base was read');
    expect(reasonsOf(manifest, [{ path: MANIFEST, unreadable: 'boom' }])[0]?.message).toContain('boom');
    expect(wheres(manifest, [])).toEqual([`${MANIFEST}#overrides.lodash`]);
  });

  it('devEngines.packageManager is compared with the reviewed one; its other entries are not read here', () => {
    const reviewed = { devEngines: { packageManager: { name: 'pnpm', version: '9.0.0' } } };
    expect(reasonsOf(reviewed, baseOf(reviewed))).toEqual([]);
    expect(
      wheres({ devEngines: { ...reviewed.devEngines, runtime: { name: 'node' } } }, baseOf(reviewed)),
    ).toEqual([]);
    expect(wheres({ devEngines: {} }, baseOf(reviewed))).toEqual([`${MANIFEST}#devEngines.packageManager`]);
    expect(
      wheres({ devEngines: { packageManager: [{ name: 'pnpm', version: '10.0.0' }] } }, baseOf(reviewed)),
    ).toEqual([`${MANIFEST}#devEngines.packageManager`]);
  });

  it('a pnpm field that is not an object is not low', () => {
    expect(wheres({ pnpm: 'x' }, baseOf({}))).toEqual([`${MANIFEST}#pnpm`]);
  });
});

describe("pnpm's patch files", () => {
  it.each(['svc/patches/a@1.0.0.patch', 'patches/readme.md', 'svc/fixes/a.patch', 'svc/PATCHES/x'])(
    '%s is not low whatever names it',
    (path) => {
      expect(wheres({}, baseOf({}), { [path]: 'diff' })).toEqual([path]);
    },
  );

  it("a file patchedDependencies names elsewhere is not low, from the change's or the base's manifest", () => {
    const patched = { pnpm: { patchedDependencies: { 'a@1.0.0': './fixes/a.txt' } } };
    expect(wheres(patched, baseOf(patched), { 'svc/fixes/a.txt': 'diff' })).toEqual(['svc/fixes/a.txt']);
    const unchanged = classifyRisk({
      files: [{ path: 'svc/fixes/a.txt', content: 'diff', role: 'config' }],
      targetEnvironment: 'staging',
      production: false,
      base: baseOf(patched),
    }).reasons.map((reason) => reason.where);
    expect(unchanged).toEqual(['svc/fixes/a.txt']);
    expect(wheres(patched, baseOf(patched), { 'svc/other.txt': 'x' })).toEqual([]);
  });
});
