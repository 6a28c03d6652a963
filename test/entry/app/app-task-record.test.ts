import { mkdtemp } from 'node:fs/promises';
import { OUTCOME_RESULT_VERSION } from '../../../src/core/outcome/outcome-result.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { eventStep } from '../../../src/core/task/event-sort-key.js';
import { recordFromMarker } from '../../../src/core/task/record-from-marker.js';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { createMirrorCache } from '../../../src/pipeline/mirror/mirror-cache.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../../fixtures/webhook-payloads.js';
import { githubApi } from './github-api.js';
import { testProbot } from './test-probot.js';
import { canonicalRepository } from '../../../src/core/task/canonical-repository.js';
import { taskIdOf } from '../../../src/core/task/task-id-of.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const TASK_ID = taskIdOf({ owner: OWNER, repo: REPO, issueNumber: 1 });

function formIssue() {
  const payload = webhookExample('issues', 'opened');
  payload.issue.body = readExample('orders-api.issue.md');
  payload.issue.labels = [{ name: 'implementation' }];
  return payload;
}

function expectFirstRun(api: ReturnType<typeof githubApi>) {
  api.installationToken(INSTALLATION_ID);
  api.config(undefined);
  api.comments(1);
  api.permission('Codertocat', 'admin');
  api.createComment(1, 900);
  api.missingBranch('implementation/1-orders-api');
  api.branch('master', 'base-sha');
  api.commit('base-sha');
  api.createTree();
  api.createCommit('head-sha');
  api.createRef();
  api.listPulls([]);
  api.createPull(42);
  api.addLabels(42);
  api.checkRun();
  api.approvalCheck();
  api.updateComment(900);
}

describe('Probot app: the task record through an issue that becomes a pull request', () => {
  it('moves the record at every step and mirrors it, its events and the attempt artifacts to the stores', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'app-record-'));
    const stores = filesystemStores(folder);
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectFirstRun(api);
    const { receive, errors } = await testProbot({
      mirrors: createMirrorCache({ open: () => ({ ...stores, close: () => {} }) }),
    });

    await receive('issues', formIssue());

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const comments = api.calls
      .filter((call) => call.path.includes('/comments') && call.method !== 'GET')
      .map((call) => parseStateMarker(call.body.body as string)!);
    // The status comment's marker carries the record's version at each write.
    expect(comments.map((marker) => [marker.state, marker.version])).toEqual([
      ['generating', 3],
      ['pr_open', 7],
    ]);
    const record = await stores.tasks.get(TASK_ID);
    // The marker carries the record whole, its last outcome included: the mirror equals what the comment shows.
    expect(record).toEqual(
      recordFromMarker({
        marker: comments[1]!,
        repo: canonicalRepository(`${OWNER}/${REPO}`),
        issueNumber: 1,
      }),
    );
    const last_outcome = record?.last_outcome;
    expect(record).toMatchObject({
      status: 'pr_open',
      pull_number: 42,
      task_name: 'Orders API',
      task_type: 'application',
      execution_mode: 'guided',
      model: expect.stringMatching(/^offline:/),
    });
    expect(last_outcome).toMatchObject({
      version: OUTCOME_RESULT_VERSION,
      status: 'pr_open',
      reasonCode: 'pr_opened',
      pullNumber: 42,
    });
    expect((await stores.events.list(TASK_ID)).map(eventStep)).toEqual([
      'task_received',
      'attempt_started',
      'generating',
      'validating',
      'usage_recorded',
      'pr_open',
      'outcome_recorded',
    ]);
    const artifacts = (
      await stores.artifacts.list({
        repo: canonicalRepository(`${OWNER}/${REPO}`),
        taskId: TASK_ID,
        attempt: 1,
      })
    ).map((artifact) => artifact.path);
    expect(artifacts).toEqual(
      expect.arrayContaining([
        'validation-report.json',
        'prompt.json',
        'answer.json',
        expect.stringMatching(/^files\//),
      ]),
    );
  });

  it('runs without mirrors and without error when the config names none', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    expectFirstRun(api);
    const { receive, errors } = await testProbot();

    await receive('issues', formIssue());

    expect(errors).toEqual([]);
    const last = api.calls.filter((call) => call.method === 'PATCH').at(-1);
    const marker = parseStateMarker(last?.body.body as string);
    expect(marker).toMatchObject({ state: 'pr_open', version: 7 });
    expect(marker?.unmirrored).toBeUndefined();
  });
});
