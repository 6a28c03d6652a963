import fc from 'fast-check';
import {
  artifactKey,
  artifactPrefix,
  deploymentPrefix,
  MAX_KEY_BYTES,
  MAX_SEGMENT_BYTES,
  safeKeySegment,
  taskKeySegment,
} from '../../../src/core/stores/store-keys.js';
import { contentTypeFor, templateContentType } from '../../../src/core/stores/content-type-for.js';

const ref = { repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 2, path: 'files/src/app.ts' };

describe('store keys (DESIGN §11 layout)', () => {
  it('lays artifacts out as <owner>/<repo>/<task>/<attempt>/<path>', () => {
    expect(artifactKey(ref)).toBe('acme/shop/7/2/files/src/app.ts');
    expect(artifactPrefix({ repo: 'acme/shop', taskId: 'acme/shop#7' })).toBe('acme/shop/7/');
    expect(artifactPrefix({ repo: 'acme/shop', taskId: 'acme/shop#7', attempt: 2 })).toBe('acme/shop/7/2/');
  });

  it('lays deployments out as <owner>/<repo>/<env>/<deployment_id>/', () => {
    expect(deploymentPrefix({ repository: 'acme/shop', environment: 'staging', deploymentId: 501 })).toBe(
      'acme/shop/staging/501/',
    );
  });

  it('encodes a task id that is not owner/repo#issue as one segment', () => {
    expect(taskKeySegment({ repo: 'acme/shop', taskId: 'other/repo#1' })).toBe('other%2Frepo%231');
  });

  it.each(['../escape', 'a/../../b', '/etc/passwd', 'a//b', './a', ''])(
    'refuses the artifact path %j',
    (path) => {
      expect(() => artifactKey({ ...ref, path })).toThrow(RangeError);
    },
  );

  it('keeps names from outside inside their segment: slashes, dots, spaces and non-ASCII are encoded', () => {
    expect(deploymentPrefix({ repository: 'acme/shop', environment: '../../x', deploymentId: 1 })).toBe(
      'acme/shop/..%2F..%2Fx/1/',
    );
    expect(deploymentPrefix({ repository: 'acme/shop', environment: '..', deploymentId: 1 })).toBe(
      'acme/shop/%2E%2E/1/',
    );
    expect(artifactKey({ ...ref, path: 'docs/café menu.md' })).toBe('acme/shop/7/2/docs/caf%C3%A9%20menu.md');
  });

  it.each([0, -1, 1.5])('refuses attempt %d', (attempt) => {
    expect(() => artifactKey({ ...ref, attempt })).toThrow(RangeError);
  });

  it.each([
    ['report.json', 'application/json'],
    ['template.YAML', 'application/yaml'],
    ['README.md', 'text/markdown; charset=utf-8'],
    ['dir.json/blob', 'application/octet-stream'],
    ['constructor', 'application/octet-stream'],
  ])('stores %s as %s', (path, type) => {
    expect(contentTypeFor(path)).toBe(type);
  });

  it('tells a JSON template from a YAML one', () => {
    expect(templateContentType('  {"Resources": {}}')).toBe('application/json');
    expect(templateContentType('Resources: {}\n')).toBe('application/yaml');
  });

  describe('length-safe keys (S3 keys are at most 1,024 bytes; file names 255)', () => {
    const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
    /** Names of up to 400 code points of any plane: a 4-byte character encodes to 12 bytes. */
    const longName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 });
    const pathOf = fc.array(
      longName.map((name) => name.replace(/\//g, '_')).filter((name) => !/^\.{1,2}$/.test(name)),
      {
        minLength: 1,
        maxLength: 12,
      },
    );
    const runs = { numRuns: 300 };

    it('keeps every artifact key under 1,024 bytes and every segment under the file name limit', () => {
      fc.assert(
        fc.property(longName, longName, longName, longName, pathOf, (owner, repo, task, env, parts) => {
          const key = artifactKey({
            repo: `${owner.replace(/\//g, '_')}/${repo.replace(/\//g, '_')}`,
            taskId: task,
            attempt: 3,
            path: parts.join('/'),
          });
          expect(bytes(key)).toBeLessThanOrEqual(MAX_KEY_BYTES);
          for (const segment of key.split('/')) expect(bytes(segment)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
          const deployment = deploymentPrefix({
            repository: 'acme/shop',
            environment: env,
            deploymentId: 2 ** 40,
          });
          expect(bytes(`${deployment}parameters.json`)).toBeLessThanOrEqual(MAX_KEY_BYTES);
        }),
        runs,
      );
    });

    it('keeps distinct names distinct after shortening', () => {
      fc.assert(
        fc.property(longName, longName, (a, b) => {
          fc.pre(a !== b);
          expect(safeKeySegment(a)).not.toBe(safeKeySegment(b));
        }),
        runs,
      );
      // Names that share their first 200 encoded bytes and differ only after the cut.
      const stem = 'é'.repeat(100);
      expect(safeKeySegment(`${stem}a`)).not.toBe(safeKeySegment(`${stem}b`));
      const folder = 'x'.repeat(190);
      const deep = (last: string) => ({ ...ref, path: [...Array(8).fill(folder), last, 'app.ts'].join('/') });
      expect(artifactKey(deep('one'))).not.toBe(artifactKey(deep('two')));
    });

    it('keeps distinct paths distinct, folded or not', () => {
      fc.assert(
        fc.property(pathOf, pathOf, (a, b) => {
          fc.pre(a.join('/') !== b.join('/'));
          expect(artifactKey({ ...ref, path: a.join('/') })).not.toBe(
            artifactKey({ ...ref, path: b.join('/') }),
          );
        }),
        runs,
      );
    });

    it('leaves short names as they were, and keeps a readable start of a long one', () => {
      const env = 'ステージング'.repeat(20);
      const segment = safeKeySegment(env);
      expect(segment).toMatch(/^(%[0-9A-F]{2})+~[0-9a-f]{16}$/);
      expect(bytes(segment)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
      // The kept start is whole characters, so it still decodes.
      expect(env.startsWith(decodeURIComponent(segment.split('~')[0] ?? ''))).toBe(true);
      // Every owner/repo#issue task id GitHub allows (39-character owner, 100-character repository) stays whole.
      const taskId = `${'o'.repeat(39)}/${'r'.repeat(100)}#123456789`;
      expect(safeKeySegment(taskId)).toBe(`${'o'.repeat(39)}%2F${'r'.repeat(100)}%23123456789`);
    });

    it('folds a deep path into its leading folders, a hash and the file name', () => {
      const path = [...Array(10).fill('y'.repeat(150)), 'handler.ts'].join('/');
      const key = artifactKey({ ...ref, path });
      expect(bytes(key)).toBeLessThanOrEqual(MAX_KEY_BYTES);
      expect(key).toMatch(/^acme\/shop\/7\/2\/(y{150}\/)+~[0-9a-f]{16}\/handler\.ts$/);
    });
  });
});
