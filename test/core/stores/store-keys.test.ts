import {
  artifactKey,
  artifactPrefix,
  deploymentPrefix,
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
});
