// A re-run on GitHub (`/retry`, a changed request) builds its tree over the branch's head
// (`base_tree`), so without deletions the files the new generation no longer writes stayed on the
// branch. The commit now deletes them (a tree entry with `sha: null`, docs.github.com *Create a
// tree*), reading the previous generation's commit through the Git Data API; nothing else goes.
// What that generation wrote is the list its commit message records (`Generated-File` trailers),
// never its whole tree: a person's file the branch kept is in that tree too (issue #11).
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import type { GeneratedFile } from '../../src/core/bundle/artifact-bundle.js';
import { publishPullRequest } from '../../src/github/publish-pull-request.js';

const API = 'https://api.github.com';
const REPO = '/repos/acme/shop';
const BRANCH = 'implementation/7-orders-api';
const HEAD = 'a'.repeat(40);
const HEAD_TREE = 'b'.repeat(40);
const PREVIOUS = 'c'.repeat(40);
const PREVIOUS_TREE = 'd'.repeat(40);
const quiet = () => undefined;
const octokit = new Octokit({
  auth: 'ghs_test',
  request: { retries: 0 },
  log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
});

const source = (path: string): GeneratedFile => ({ path, content: `// ${path}\n`, role: 'source' });
const blob = (path: string, sha = '1'.repeat(40)) => ({ path, mode: '100644', type: 'blob', sha });
const recorded = (paths: readonly string[]) =>
  `Implement Orders API (application)\n\n${paths.map((path) => `Generated-File: ${path}`).join('\n')}`;

/** The branch at HEAD, an open pull request, and a new commit on top; returns the tree body GitHub got. */
function branchAndPull(): {
  treeBody: () => { base_tree: string; tree: Array<Record<string, unknown>> };
  commitMessage: () => string | undefined;
  pullBody: () => string | undefined;
} {
  let body: { base_tree: string; tree: Array<Record<string, unknown>> } | undefined;
  let message: string | undefined;
  let pullBody: string | undefined;
  nock(API)
    .get(`${REPO}/git/ref/${encodeURIComponent(`heads/${BRANCH}`)}`)
    .reply(200, { object: { sha: HEAD } })
    .get(`${REPO}/git/commits/${HEAD}`)
    .reply(200, { sha: HEAD, tree: { sha: HEAD_TREE } })
    .post(`${REPO}/git/trees`, (sent: typeof body) => ((body = sent), true))
    .reply(201, { sha: '9'.repeat(40) })
    .post(`${REPO}/git/commits`, (sent: { message: string }) => ((message = sent.message), true))
    .reply(201, { sha: '8'.repeat(40) })
    .patch(`${REPO}/git/refs/${encodeURIComponent(`heads/${BRANCH}`)}`)
    .reply(200, {})
    .get(`${REPO}/pulls`)
    .query(true)
    .reply(200, [{ number: 12, html_url: 'https://github.com/acme/shop/pull/12' }])
    .patch(`${REPO}/pulls/12`, (sent: { body: string }) => ((pullBody = sent.body), true))
    .reply(200, {});
  return {
    pullBody: () => pullBody,
    treeBody: () => {
      if (body === undefined) throw new Error('no tree was created');
      return body;
    },
    commitMessage: () => message,
  };
}

/**
 * The previous generation's commit: its message records `written` (`Generated-File` trailers), its
 * tree holds `tree` (paths from the root: what it wrote and whatever the branch already held).
 */
function previousGeneration(written: readonly string[], tree: readonly string[]): nock.Scope {
  return nock(API)
    .get(`${REPO}/git/commits/${PREVIOUS}`)
    .reply(200, { sha: PREVIOUS, tree: { sha: PREVIOUS_TREE }, message: recorded(written) })
    .get(`${REPO}/git/trees/${PREVIOUS_TREE}`)
    .query({ recursive: 'true' })
    .reply(200, { tree: tree.map((path) => blob(path)), truncated: false });
}

/** The branch head's whole tree (`readTreeEntries`' one recursive listing). */
function headHolds(paths: readonly string[], changed: readonly string[] = []): nock.Scope {
  return nock(API)
    .get(`${REPO}/git/trees/${HEAD_TREE}`)
    .query({ recursive: 'true' })
    .reply(200, {
      tree: paths.map((path) => blob(path, changed.includes(path) ? '2'.repeat(40) : undefined)),
      truncated: false,
    });
}

const publish = (files: GeneratedFile[], previous?: string) =>
  publishPullRequest({
    client: octokit,
    owner: 'acme',
    repo: 'shop',
    baseBranch: 'main',
    branch: BRANCH,
    files,
    commitMessage: 'Implement Orders API (application, attempt 2)',
    title: 'Orders API',
    body: 'Closes #7',
    labels: [],
    ...(previous === undefined ? {} : { previousGeneration: previous }),
  });

const deletions = (tree: Array<Record<string, unknown>>) =>
  tree.filter((entry) => entry.sha === null).map((entry) => entry.path);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('publishPullRequest retires what the previous generation wrote and this one does not', () => {
  it('deletes them in the new tree and keeps a person’s file, other services and files outside services/', async () => {
    const github = branchAndPull();
    const written = [
      'services/orders/src/app.ts',
      'services/orders/src/receive-webhook.ts',
      'services/orders/src/signature.ts',
      'services/orders/test/app.test.ts',
    ];
    previousGeneration(written, ['README.md', ...written, 'services/billing/src/old.ts']);
    // `src/signature.ts` someone already deleted on the branch: deleting it again GitHub refuses.
    headHolds([
      'README.md',
      'services/orders/src/app.ts',
      'services/orders/src/receive-webhook.ts',
      'services/orders/test/app.test.ts',
      'services/orders/NOTES.md',
      'services/billing/src/old.ts',
    ]);
    const result = await publish(
      [source('services/orders/src/app.ts'), source('services/orders/src/orders.ts')],
      PREVIOUS,
    );
    const tree = github.treeBody();
    expect(tree.base_tree).toBe(HEAD_TREE);
    expect(deletions(tree.tree)).toEqual([
      'services/orders/src/receive-webhook.ts',
      'services/orders/test/app.test.ts',
    ]);
    expect(tree.tree.find((entry) => entry.sha === null)).toEqual({
      path: 'services/orders/src/receive-webhook.ts',
      mode: '100644',
      type: 'blob',
      sha: null,
    });
    expect(result.retired).toEqual([
      'services/orders/src/receive-webhook.ts',
      'services/orders/test/app.test.ts',
    ]);
    // This commit records what it wrote, for the generation after it.
    expect(github.commitMessage()).toBe(
      'Implement Orders API (application, attempt 2)\n\n' +
        'Generated-File: services/orders/src/app.ts\nGenerated-File: services/orders/src/orders.ts',
    );
  });

  it('keeps a person’s file the previous generation’s tree held but it did not write (three generations)', async () => {
    // Generation 1 wrote app.ts and hook.ts; a person added NOTES.md; generation 2 (PREVIOUS) wrote
    // both again over a tree that held NOTES.md; generation 3 writes app.ts only.
    const github = branchAndPull();
    const written = ['services/orders/src/app.ts', 'services/orders/src/hook.ts'];
    previousGeneration(written, [...written, 'services/orders/NOTES.md']);
    headHolds([...written, 'services/orders/NOTES.md']);
    const result = await publish([source('services/orders/src/app.ts')], PREVIOUS);
    expect(deletions(github.treeBody().tree)).toEqual(['services/orders/src/hook.ts']);
    expect(result.retired).toEqual(['services/orders/src/hook.ts']);
    expect(result.keptEdited).toEqual([]);
    expect(github.pullBody()).not.toContain('Kept');
  });

  it('keeps a generated file someone changed since, and says so', async () => {
    const github = branchAndPull();
    const written = ['services/orders/src/app.ts', 'services/orders/src/hook.ts'];
    previousGeneration(written, written);
    headHolds(written, ['services/orders/src/hook.ts']);
    const result = await publish([source('services/orders/src/app.ts')], PREVIOUS);
    expect(deletions(github.treeBody().tree)).toEqual([]);
    expect(result.retired).toEqual([]);
    expect(result.keptEdited).toEqual(['services/orders/src/hook.ts']);
    // Said where the user reads it, not only in the run's log.
    expect(github.pullBody()).toMatch(/^> \*\*Kept 1 file changed since the last generation\.\*\*/);
    expect(github.pullBody()).toContain('`services/orders/src/hook.ts`');
  });

  it('deletes nothing without a previous generation, and reads no tree', async () => {
    const github = branchAndPull();
    const result = await publish([source('services/orders/src/app.ts')]);
    expect(deletions(github.treeBody().tree)).toEqual([]);
    expect(result.retired).toEqual([]);
  });

  it('deletes nothing when GitHub no longer has the previous generation', async () => {
    const github = branchAndPull();
    nock(API).get(`${REPO}/git/commits/${PREVIOUS}`).reply(422, { message: 'No commit found for SHA' });
    const result = await publish([source('services/orders/src/app.ts')], PREVIOUS);
    expect(deletions(github.treeBody().tree)).toEqual([]);
    expect(result.retired).toEqual([]);
  });

  it('publishes the generation, deleting nothing and saying why, when GitHub fails to answer for the previous one', async () => {
    const github = branchAndPull();
    nock(API).get(`${REPO}/git/commits/${PREVIOUS}`).reply(502, { message: 'Server Error' });
    const result = await publish([source('services/orders/src/app.ts')], PREVIOUS);
    expect(deletions(github.treeBody().tree)).toEqual([]);
    expect(result.retired).toEqual([]);
    expect(result.retiredUnread).toContain('Server Error');
  });

  it('deletes nothing, and reads no tree, when the previous generation records no list (made before lists were kept)', async () => {
    const github = branchAndPull();
    nock(API)
      .get(`${REPO}/git/commits/${PREVIOUS}`)
      .reply(200, {
        sha: PREVIOUS,
        tree: { sha: PREVIOUS_TREE },
        message: 'Implement Orders API (application)',
      });
    const result = await publish([source('services/orders/src/app.ts')], PREVIOUS);
    expect(deletions(github.treeBody().tree)).toEqual([]);
    expect(result.retired).toEqual([]);
  });

  it('reads nothing of the previous generation when this one writes no service folder', async () => {
    const github = branchAndPull();
    const result = await publish([source('docs/orders.md')], PREVIOUS);
    expect(deletions(github.treeBody().tree)).toEqual([]);
    expect(result.retired).toEqual([]);
  });
});
