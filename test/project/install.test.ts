import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import semver from 'semver';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
  allowScripts: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string }; hasInstallScript?: boolean }>;
};

const installed = Object.entries(lock.packages)
  .filter(([location]) => location.startsWith('node_modules/'))
  .map(([location, entry]) => ({ name: location.replace(/^.*node_modules\//, ''), ...entry }));

/** The oldest Node of each line `engines` claims, e.g. `^20.19.0 || >=22.13.0` → 20.19.0 and 22.13.0. */
function oldestSupported(range: string): string[] {
  return new semver.Range(range).set.map((comparators) =>
    String(semver.minVersion(comparators.map((comparator) => comparator.value).join(' '))),
  );
}

describe('npm ci is quiet and honest', () => {
  it('installs nothing that refuses the oldest Node of each line package.json claims (no EBADENGINE)', () => {
    const oldest = oldestSupported(manifest.engines.node);
    expect(oldest).toContain('20.19.0');
    const refusing = installed.flatMap((entry) =>
      oldest
        .filter((node) => entry.engines?.node && !semver.satisfies(node, entry.engines.node))
        .map((node) => `${entry.name}@${entry.version} needs Node ${entry.engines?.node}, not ${node}`),
    );
    expect(refusing).toEqual([]);
  });

  it('keeps content-type at 2.x for @octokit/request: the same parse() result on Node 20', () => {
    const entry = lock.packages['node_modules/@octokit/request/node_modules/content-type'];
    expect(entry?.version).toBe('2.1.0');
    // @octokit/request reads `type` and `parameters.charset` of `parse(header)`, and relies on it not throwing.
    const fromOctokit = createRequire(new URL('node_modules/@octokit/request/package.json', root));
    const { parse } = fromOctokit('content-type') as {
      parse(header: string): { type: string; parameters: Record<string, string> };
    };
    expect(parse('application/json; charset=utf-8')).toMatchObject({
      type: 'application/json',
      parameters: { charset: 'utf-8' },
    });
    expect(() => parse('not a media type')).not.toThrow();
  });

  it('decides for every dependency with an install script whether it may run', () => {
    const withScripts = installed.filter((entry) => entry.hasInstallScript).map((entry) => entry.name);
    expect(withScripts.filter((name) => !(name in manifest.allowScripts))).toEqual([]);
    // Every one is denied, each working from what npm unpacks anyway: esbuild's binary comes in its
    // optional @esbuild/<platform> package; classic-level (dynalite, tests only) loads its bundled
    // prebuilds; @parcel/watcher (jest-haste-map, watch mode only) builds only when asked to.
    expect(manifest.allowScripts).toEqual({
      '@parcel/watcher': false,
      'classic-level': false,
      esbuild: false,
    });
  });
});
