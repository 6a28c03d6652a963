import { randomUUID } from 'node:crypto';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { createAwsClient } from '../../src/aws/create-aws-client.js';
import { renderStatusComment } from '../../src/core/render/status-comment.js';
import { markerKeysFrom } from '../../src/core/state/marker-keys.js';
import { recordFromMarker } from '../../src/core/task/record-from-marker.js';
import { parseStateMarker } from '../../src/core/state/state-marker.js';
import { sha256Hex } from '../../src/core/stores/sha256-hex.js';
import { createOfflineProvider } from '../../src/generation/offline/offline-provider.js';
import {
  mirrorStoresForConfig,
  type MirrorStores,
} from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { runAction } from '../entry/action/run-action.js';
import { agentDeployInputs, agentDeploymentEvent } from '../fixtures/agent-deployment-event.js';
import { signedDeploymentPayload } from '../fixtures/signed-deployment-payload.js';
import { requestFor } from '../generation/offline/offline-test-requests.js';
import { startGitHubFake } from '../support/github-fake-server.js';
import {
  createMotoMirror,
  MOTO_REGION,
  motoEndpoint,
  motoOverrides,
  motoSettings,
  type MotoMirror,
} from './helpers/moto.js';
import { canonicalRepository } from '../../src/core/task/canonical-repository.js';
import { taskIdOf } from '../../src/core/task/task-id-of.js';

/**
 * The built Action (`dist/index.js`) deploys a generated blueprint template to moto's
 * CloudFormation, deploys a second version (over the 51,200-byte inline limit, so by TemplateURL
 * through the deployments bucket), then rolls back to the first: the rollback deploys exactly what
 * the bucket kept, not what git now holds. The task tables, the bucket and the status comments
 * afterwards say what the deployment statuses say. Moto runs CloudFormation synchronously, so the
 * `poll-interval-ms` input keeps the waits short.
 */
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const SECRET = 'moto-marker-secret';
const KEY = markerKeysFrom({ secret: SECRET, previousSecret: undefined })!.current;
const TEMPLATE_PATH = 'services/orders-api/template.yaml';
const SHA_ONE = '1'.repeat(40);
const SHA_TWO = '2'.repeat(40);
const TASK_ONE = taskIdOf({ owner: OWNER, repo: REPO, issueNumber: 1 });
const TASK_TWO = taskIdOf({ owner: OWNER, repo: REPO, issueNumber: 2 });

let mirror: MotoMirror;
let stores: MirrorStores | undefined;
let cfn: CloudFormationClient;
let s3: S3Client;
const CODE_KEY = 'code/orders-api/handler.zip';
/** The smallest zip (an empty archive's end record): enough for moto to create the function. */
const EMPTY_ZIP = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);

beforeAll(() => {
  cfn = createAwsClient(CloudFormationClient, motoSettings());
  s3 = createAwsClient(S3Client, motoSettings(), { forcePathStyle: true });
});
afterEach(() => stores?.close());
afterAll(() => {
  cfn.destroy();
  s3.destroy();
});

/** A merged task's status comment, as its implement run left it; the mirror learns the task from it. */
async function seedTask(github: { url: string }, taskId: string, issue: number) {
  const body = renderStatusComment({
    marker: {
      task_id: taskId,
      state: 'merged',
      attempt: 1,
      cost_usd: 0,
      updated_at: new Date().toISOString(),
    },
    signingKey: KEY,
  });
  await fetch(`${github.url}/repos/${OWNER}/${REPO}/issues/${issue}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'token test' },
    body: JSON.stringify({ body }),
  });
}

/** Payloads as the agent signed them, by deployment id: what GitHub hands the deploy run. */
const signedPayloads = new Map<number, unknown>();

/** A deployment as `/deploy` or `/rollback` makes it: its payload signed with the key from SECRET. */
async function createDeployment(github: { url: string }, sha: string, payload: Record<string, unknown>) {
  const signed = signedDeploymentPayload({
    payload,
    sha,
    environment: 'staging',
    markerKeys: markerKeysFrom({ secret: SECRET }),
    repository: `${OWNER}/${REPO}`,
  });
  const response = await fetch(`${github.url}/repos/${OWNER}/${REPO}/deployments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'token test' },
    body: JSON.stringify({ ref: sha, environment: 'staging', payload: signed }),
  });
  const { id } = (await response.json()) as { id: number };
  signedPayloads.set(id, signed);
  return id;
}

async function runDeployment(
  github: { url: string },
  id: number,
  sha: string,
  payload: Record<string, unknown>,
) {
  const event = agentDeploymentEvent({
    id,
    sha,
    environment: 'staging',
    payload: (signedPayloads.get(id) ?? payload) as Record<string, unknown>,
    secret: SECRET,
  });
  return runAction({
    apiUrl: github.url,
    eventName: 'deployment',
    payload: event,
    inputs: {
      token: 'ghs_motoDeploy',
      mode: 'deploy',
      ...agentDeployInputs(SECRET),
      'poll-interval-ms': '20',
    },
    env: {
      AWS_ENDPOINT_URL: motoEndpoint(),
      AWS_ACCESS_KEY_ID: 'moto',
      AWS_SECRET_ACCESS_KEY: 'moto',
      AWS_REGION: MOTO_REGION,
    },
  });
}

async function object(key: string) {
  const head = await s3.send(new HeadObjectCommand({ Bucket: mirror.deploymentsBucket, Key: key }));
  const got = await s3.send(new GetObjectCommand({ Bucket: mirror.deploymentsBucket, Key: key }));
  return { head, text: await got.Body!.transformToString() };
}

/**
 * The all-at-once variants moto can update: the infrastructure blueprint's update fails in moto 5.2
 * ("Fn::GetAtt references undefined resource DataKey": its KMS key is not re-read on update), and the other strategies' Lambda alias
 * crashes moto (HTTP 500) — those paths are covered with aws-sdk-client-mock sequences.
 */
const BLUEPRINTS = [
  { taskType: 'integration', parameters: {} },
  { taskType: 'testing', parameters: { TargetBaseUrl: 'https://orders.example.com' } },
] as const;

async function generatedTemplate(taskType: (typeof BLUEPRINTS)[number]['taskType']): Promise<string> {
  const { bundle } = await createOfflineProvider().generate({
    request: requestFor({ taskType, taskName: 'Orders API', strategy: 'all-at-once' }),
    context: { owner: OWNER, repo: REPO },
  });
  return bundle.files.find((file) => file.path === bundle.templatePath)!.content;
}

describe.each(BLUEPRINTS)(
  'deploy, deploy again by TemplateURL, then roll back the $taskType blueprint (all-at-once), through the built Action on moto',
  ({ taskType, parameters: blueprintParameters }) => {
    it('deploys exactly what the bucket kept, and leaves records that say what the deployment statuses say', async () => {
      // Each blueprint has its own tables and bucket, so its records start empty.
      mirror = await createMotoMirror();
      stores = mirrorStoresForConfig({ config: mirror.config, aws: motoOverrides() });
      await s3.send(
        new PutObjectCommand({ Bucket: mirror.deploymentsBucket, Key: CODE_KEY, Body: EMPTY_ZIP }),
      );
      const templateOne = await generatedTemplate(taskType);
      // The next version: the same stack with a large template-level Metadata block, over 51,200 bytes.
      const templateTwo = `${templateOne.trimEnd()}\nMetadata:\n  Padding: "${'x'.repeat(60_000)}"\n`;
      const code = {
        CodeS3Bucket: mirror.deploymentsBucket,
        CodeS3Key: CODE_KEY,
        AlarmTopicArn: `arn:aws:sns:${MOTO_REGION}:123456789012:alarms`,
        ...blueprintParameters,
      };
      const files: Record<string, string> = { [TEMPLATE_PATH]: templateOne };
      const config = readFileSync(new URL('./fixtures/deploy-config.yml', import.meta.url), 'utf8')
        .replace('TASKS', mirror.tasksTable)
        .replace('RESULTS', mirror.resultsTable)
        .replace('DEPLOYMENTS', mirror.deploymentsBucket);
      const github = await startGitHubFake({
        owner: OWNER,
        repo: REPO,
        defaultBranch: 'main',
        files,
        config,
        // The App's bot, as GitHub records the creator of what `/deploy` and `/rollback` make.
        deploymentCreator: 'implementation-agent[bot]',
      });
      try {
        await seedTask(github, TASK_ONE, 1);
        await seedTask(github, TASK_TWO, 2);
        const stackName = `orders-${randomUUID().slice(0, 8)}`;
        const base = {
          version: 1,
          stack_name: stackName,
          template_path: TEMPLATE_PATH,
          region: MOTO_REGION,
          requested_by: 'Codertocat',
        };
        const payloadOne = {
          ...base,
          task_id: TASK_ONE,
          checked_sha: SHA_ONE,
          parameters: { ...code, LogRetentionDays: '7' },
        };
        const payloadTwo = {
          ...base,
          task_id: TASK_TWO,
          checked_sha: SHA_TWO,
          parameters: { ...code, LogRetentionDays: '14' },
        };

        // 1. The first version, inline.
        const first = await createDeployment(github, SHA_ONE, payloadOne);
        const runOne = await runDeployment(github, first, SHA_ONE, payloadOne);
        expect({ code: runOne.code, status: runOne.outputs['status'] }).toEqual({
          code: 0,
          status: 'deployed',
        });

        // 2. The second version, over the inline limit: uploaded and deployed by TemplateURL.
        files[TEMPLATE_PATH] = templateTwo;
        const second = await createDeployment(github, SHA_TWO, payloadTwo);
        const runTwo = await runDeployment(github, second, SHA_TWO, payloadTwo);
        expect({ code: runTwo.code, status: runTwo.outputs['status'] }).toEqual({
          code: 0,
          status: 'deployed',
        });
        expect(runTwo.stdout).toContain('deployed by TemplateURL https://s3.us-east-1.amazonaws.com/');
        expect((await cfn.send(new GetTemplateCommand({ StackName: stackName }))).TemplateBody).toBe(
          templateTwo,
        );

        // 3. /rollback staging: the first deployment again; git now holds only the second template.
        const rollbackPayload = { ...payloadOne, rollback_of: second, rollback_to: first };
        const rollback = await createDeployment(github, SHA_ONE, rollbackPayload);
        const runBack = await runDeployment(github, rollback, SHA_ONE, rollbackPayload);
        expect({ code: runBack.code, status: runBack.outputs['status'] }).toEqual({
          code: 0,
          status: 'deployed',
        });
        expect(runBack.stdout).toContain(
          `Deploying the stored template and parameters of deployment ${first}`,
        );
        expect((await cfn.send(new GetTemplateCommand({ StackName: stackName }))).TemplateBody).toBe(
          templateOne,
        );
        const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
        expect(stack?.Parameters).toContainEqual({
          ParameterKey: 'LogRetentionDays',
          ParameterValue: '7',
        });

        // What GitHub says: each deployment in progress, then success.
        for (const id of [first, second, rollback]) {
          expect(github.deploymentStatuses.filter((s) => s.deploymentId === id).map((s) => s.state)).toEqual([
            'in_progress',
            'success',
          ]);
        }
        // The bucket: each successful deployment's exact template, parameters and outputs, typed and hashed.
        for (const [id, template, parameters] of [
          [first, templateOne, payloadOne.parameters],
          [second, templateTwo, payloadTwo.parameters],
          [rollback, templateOne, payloadOne.parameters],
        ] as const) {
          const prefix = `${canonicalRepository(`${OWNER}/${REPO}`)}/staging/${id}/`;
          const stored = await object(`${prefix}template.json`);
          expect(stored.text).toBe(template);
          expect(stored.head.ContentType).toBe('application/yaml');
          expect(stored.head.Metadata?.['sha256']).toBe(sha256Hex(template));
          const params = await object(`${prefix}parameters.json`);
          expect(JSON.parse(params.text)).toEqual(parameters);
          expect(params.head.ContentType).toBe('application/json');
          expect(JSON.parse((await object(`${prefix}outputs.json`)).text)).toEqual(expect.any(Object));
        }
        // The task tables: task 1 is deployed again by the rollback; task 2 was rolled back by it.
        const one = await stores!.tasks!.get(TASK_ONE);
        const two = await stores!.tasks!.get(TASK_TWO);
        expect(one).toMatchObject({
          status: 'merged',
          environments: { staging: { status: 'deployed', deployment_id: rollback, sha: SHA_ONE } },
        });
        expect(two).toMatchObject({
          status: 'merged',
          environments: {
            staging: { status: 'rolled_back', deployment_id: second, rolled_back_by: rollback },
          },
        });
        // The deploy run's outcome is recorded with its finish: the task's last outcome, as its `result` output says.
        expect((await stores!.events!.list(TASK_TWO)).map((event) => event.type)).toEqual([
          'deploy_started',
          'deploy_finished',
          'outcome_recorded',
          'deploy_rolled_back',
        ]);
        expect(two?.last_outcome).toMatchObject({ status: 'deployed', deploymentId: second });
        // The status comments show the same state as the records.
        const commentOf = (issue: number) =>
          github.comments.find((comment) => comment.issue_number === issue)?.body ?? '';
        expect(parseStateMarker(commentOf(1))?.environments?.['staging']).toEqual(
          one?.environments['staging'],
        );
        expect(parseStateMarker(commentOf(2))?.environments?.['staging']).toEqual(
          two?.environments['staging'],
        );
        // Field for field: the mirror holds the record the status comment carries.
        expect(two).toEqual(
          recordFromMarker({
            marker: parseStateMarker(commentOf(2))!,
            repo: canonicalRepository(`${OWNER}/${REPO}`),
            issueNumber: 2,
          }),
        );
      } finally {
        await github.close();
      }
    });
  },
);
