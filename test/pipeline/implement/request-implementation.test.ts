import { Octokit } from '@octokit/rest';
import { reasonCodeOf } from '../../../src/core/outcome/outcome-reason-code.js';
import { parseFencedPayload } from '../../../src/core/request/parse-fenced-payload.js';
import { parseIssueRequest } from '../../../src/core/request/parse-issue-request.js';
import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import type { TaskClient } from '../../../src/github/task-client.js';
import type { TaskEventDependencies } from '../../../src/pipeline/events/task-event-dependencies.js';
import {
  requestImplementation,
  type ImplementationRequest,
} from '../../../src/pipeline/implement/request-implementation.js';
import { APP_LOGIN, TEST_MARKER_KEYS } from '../../entry/app/agent-status.js';
import { githubFakeBehindNock } from '../../entry/app/github-fake-nock.js';
import { readExample } from '../../fixtures/webhook-payloads.js';

/*
 * The implement use case called directly, as a REST channel would: plain inputs (a parsed request,
 * a requester, a trigger key), no webhook event and nothing to answer with. Each test is one
 * reason code; GitHub is the in-memory stand-in behind nock, reached with a real Octokit.
 */

const ISSUE_BODY = readExample('orders-api.issue.md');

function fakeGitHub() {
  return githubFakeBehindNock({
    permissions: { maintainer: 'admin', reader: 'read' },
    issueBodies: { 1: ISSUE_BODY },
  });
}

function dependencies(): TaskEventDependencies {
  return {
    client: new Octokit({
      auth: 'ghs_test',
      request: { retries: 0 },
      // The stand-in answers 404 for the absent config, as GitHub does; not worth a log line.
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    }) as unknown as TaskClient,
    trust: { identity: async () => APP_LOGIN, keys: TEST_MARKER_KEYS },
    repositoryId: 4242,
    providerFor: () => createOfflineProvider(),
    log: () => undefined,
  };
}

function request(overrides: Partial<ImplementationRequest> = {}): ImplementationRequest {
  return {
    repository: { owner: 'Codertocat', repo: 'Hello-World', defaultBranch: 'master' },
    issueNumber: 1,
    requester: 'maintainer',
    request: parseIssueRequest(ISSUE_BODY),
    triggerKey: 'api:1',
    triggerName: 'API request 1',
    ...overrides,
  };
}

function markerOf(fake: ReturnType<typeof fakeGitHub>): TaskMarker | undefined {
  const status = fake.comments.find((comment) => comment.body.includes('implementation-agent:state'));
  return status ? parseStateMarker(status.body) : undefined;
}

describe('requestImplementation, with plain inputs', () => {
  it('runs a writer’s request to a pull request (pr_opened)', async () => {
    const fake = fakeGitHub();

    const outcome = await requestImplementation(dependencies(), request());

    expect(reasonCodeOf(outcome)).toBe('pr_opened');
    expect(fake.pulls).toHaveLength(1);
    expect(markerOf(fake)).toMatchObject({ state: 'pr_open', requester: 'maintainer' });
  });

  it('holds a reader’s request and generates nothing (requester_lacks_write_access)', async () => {
    const fake = fakeGitHub();

    const outcome = await requestImplementation(dependencies(), request({ requester: 'reader' }));

    expect(outcome.status).toBe('held');
    expect(reasonCodeOf(outcome)).toBe('requester_lacks_write_access');
    expect(fake.pulls).toHaveLength(0);
  });

  it('carries a trigger out once (already_handled), and the same request again under way once (request_under_way)', async () => {
    const fake = fakeGitHub();
    const deps = dependencies();
    await requestImplementation(deps, request());
    const commits = fake.commits.length;

    const again = await requestImplementation(deps, request());
    const repeated = await requestImplementation(
      deps,
      request({ triggerKey: 'api:2', triggerName: 'API request 2' }),
    );

    expect(again).toMatchObject({ status: 'ignored', reasonCode: 'already_handled' });
    expect(repeated).toMatchObject({
      status: 'ignored',
      reasonCode: 'request_under_way',
      message: expect.stringContaining('already has its pull request'),
    });
    expect(fake.commits).toHaveLength(commits);
  });

  it('fails a new task on an invalid request (invalid_request), but leaves a task under way as it is (request_invalid_task_unchanged)', async () => {
    const fake = fakeGitHub();
    const deps = dependencies();
    const invalid = parseFencedPayload('```json\n{"task_name": 1}\n```', 'comment');

    const first = await requestImplementation(deps, request({ request: invalid, triggerKey: 'api:0' }));
    expect(reasonCodeOf(first)).toBe('invalid_request');
    expect(markerOf(fake)?.state).toBe('failed');

    await requestImplementation(deps, request());
    const onOpen = await requestImplementation(deps, request({ request: invalid, triggerKey: 'api:3' }));

    expect(onOpen).toMatchObject({ status: 'invalid_request', reasonCode: 'request_invalid_task_unchanged' });
    expect(markerOf(fake)?.state).toBe('pr_open');
  });

  it('ignores an issue the config does not admit, and a start-only trigger on a task under way (task_exists)', async () => {
    const fake = fakeGitHub();
    const deps = dependencies();

    const notAdmitted = await requestImplementation(
      deps,
      request({ admits: (config) => `the issue is not labeled ${config.labels.trigger}` }),
    );
    expect(notAdmitted).toMatchObject({
      status: 'ignored',
      reason: 'the issue is not labeled implementation',
    });
    expect(fake.comments).toHaveLength(0);

    await requestImplementation(deps, request());
    const labeled = await requestImplementation(
      deps,
      request({ triggerKey: 'labeled@x', startsOnlyFrom: new Set(['failed', 'cancelled']) }),
    );
    expect(labeled).toMatchObject({ status: 'ignored', reasonCode: 'task_exists' });
  });

  it("records who asked by account id as well as login: a hold keeps the reader's id, a writer's run replaces it", async () => {
    const fake = fakeGitHub();
    const deps = dependencies();

    await requestImplementation(deps, request({ requester: 'reader', requesterId: 11, triggerKey: 'api:1' }));
    expect(markerOf(fake)).toMatchObject({ state: 'held', requester: 'reader', requester_id: 11 });

    await requestImplementation(
      deps,
      request({ requester: 'maintainer', requesterId: 22, triggerKey: 'api:2' }),
    );
    expect(markerOf(fake)).toMatchObject({ state: 'pr_open', requester: 'maintainer', requester_id: 22 });
  });

  it("a requester whose id the channel does not know drops the earlier requester's id: a login is never paired with another account's id", async () => {
    const fake = fakeGitHub();
    const deps = dependencies();

    await requestImplementation(deps, request({ requester: 'reader', requesterId: 11, triggerKey: 'api:1' }));
    await requestImplementation(deps, request({ requester: 'maintainer', triggerKey: 'api:2' }));

    const marker = markerOf(fake);
    expect(marker).toMatchObject({ state: 'pr_open', requester: 'maintainer' });
    expect(marker).not.toHaveProperty('requester_id');
  });
});
