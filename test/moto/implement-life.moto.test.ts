import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { stringify } from 'yaml';
import { createAwsClient } from '../../src/aws/create-aws-client.js';
import { parseStateMarker } from '../../src/core/state/state-marker.js';
import { eventStep } from '../../src/core/task/event-sort-key.js';
import { recordFromMarker } from '../../src/core/task/record-from-marker.js';
import { createMirrorCache } from '../../src/pipeline/mirror/mirror-cache.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { githubApi } from '../entry/app/github-api.js';
import { testProbot } from '../entry/app/test-probot.js';
import { readExample, webhookExample, INSTALLATION_ID } from '../fixtures/webhook-payloads.js';
import { busToQueue } from './helpers/bus-to-queue.js';
import {
  createMotoMirror,
  MOTO_REGION,
  motoOverrides,
  motoSettings,
  type MotoMirror,
} from './helpers/moto.js';
import { canonicalRepository } from '../../src/core/task/canonical-repository.js';
import { taskIdOf } from '../../src/core/task/task-id-of.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const TASK_ID = taskIdOf({ owner: OWNER, repo: REPO, issueNumber: 1 });

let moto: MotoMirror;
let direct: MirrorStores;
let queueUrl: string;
let bus: string;
const sqs = createAwsClient(SQSClient, motoSettings());

beforeAll(async () => {
  moto = await createMotoMirror();
  ({ bus, queueUrl } = await busToQueue(sqs));
  direct = mirrorStoresForConfig({ config: moto.config, aws: motoOverrides() });
});
afterAll(() => {
  direct.close();
  sqs.destroy();
});

function formIssue() {
  const payload = webhookExample('issues', 'opened');
  payload.issue.body = readExample('orders-api.issue.md');
  payload.issue.labels = [{ name: 'implementation' }];
  return payload;
}

describe('an issue becomes a pull request with the mirrors on moto', () => {
  it('leaves in DynamoDB the record the status comment shows, every event, the attempt in S3 and the lifecycle events on the bus', async () => {
    const api = githubApi({ owner: OWNER, repo: REPO });
    api.installationToken(INSTALLATION_ID);
    api.config(
      stringify({
        mirrors: {
          tasks_table: moto.tasksTable,
          results_table: moto.resultsTable,
          artifacts_bucket: moto.artifactsBucket,
          event_bus: bus,
          region: MOTO_REGION,
        },
      }),
    );
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
    // Each milestone (Task Received, Pull Request Opened) is written with its lifecycle event in the
    // marker's outbox, then confirmed by a second write once the bus took it.
    api.updateComment(900);
    api.updateComment(900);
    api.updateComment(900);
    const mirrors = createMirrorCache({ aws: motoOverrides() });
    const { receive, errors } = await testProbot({ mirrors });

    await receive('issues', formIssue());
    mirrors.close();

    expect(errors).toEqual([]);
    expect(api.scope.isDone()).toBe(true);
    const final = parseStateMarker(
      api.calls.filter((call) => call.method === 'PATCH').at(-1)?.body.body as string,
    )!;
    expect(final).toMatchObject({ state: 'pr_open', version: 7, pull_number: 42 });
    const record = await direct.tasks!.get(TASK_ID);
    // The comment shows the whole record, its last outcome included.
    expect(record).toEqual(
      recordFromMarker({ marker: final, repo: canonicalRepository(`${OWNER}/${REPO}`), issueNumber: 1 }),
    );
    expect(record?.last_outcome).toMatchObject({
      status: 'pr_open',
      reasonCode: 'pr_opened',
      pullNumber: 42,
    });
    expect(
      (
        await direct.tasks!.listByStatus({ repo: canonicalRepository(`${OWNER}/${REPO}`), status: 'pr_open' })
      ).map((r) => r.task_id),
    ).toContain(TASK_ID);
    expect((await direct.events!.list(TASK_ID)).map(eventStep)).toEqual([
      'task_received',
      'attempt_started',
      'generating',
      'validating',
      'usage_recorded',
      'pr_open',
      'outcome_recorded',
    ]);
    const artifacts = await direct.artifacts!.list({
      repo: canonicalRepository(`${OWNER}/${REPO}`),
      taskId: TASK_ID,
      attempt: 1,
    });
    expect(artifacts.map((artifact) => artifact.key)).toEqual(
      expect.arrayContaining([
        'codertocat/hello-world/1/1/prompt.json',
        'codertocat/hello-world/1/1/answer.json',
        'codertocat/hello-world/1/1/validation-report.json',
        expect.stringMatching(/^codertocat\/hello-world\/1\/1\/files\//),
      ]),
    );

    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    const lifecycle = (received.Messages ?? []).map((message) => JSON.parse(message.Body!));
    expect(
      lifecycle.map((event) => [
        event['detail-type'],
        event.source,
        event.detail.version,
        event.detail.task_id,
      ]),
    ).toEqual([
      ['Task Received', 'implementation-agent', 1, TASK_ID],
      ['Pull Request Opened', 'implementation-agent', 1, TASK_ID],
    ]);
    expect(lifecycle[1].detail).toMatchObject({ status: 'pr_open', pull_number: 42, sequence: 6 });
  });
});
