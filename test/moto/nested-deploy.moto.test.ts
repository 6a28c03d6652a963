import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudFormationClient,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createAwsClient } from '../../src/aws/create-aws-client.js';
import { createS3DeploymentStore } from '../../src/aws/s3/s3-deployment-store.js';
import { agentConfigSchema } from '../../src/core/config/agent-config.js';
import type { DeploymentPayload } from '../../src/core/deploy/deployment-payload.js';
import { createCommandRunner, type CommandRunner } from '../../src/packaging/command-runner.js';
import { runDeployment, type DeployRunClient } from '../../src/pipeline/deploy-run/run-deployment.js';
import { uploadRepositoryCode } from '../../src/pipeline/deploy-run/upload-repository-code.js';
import { createMotoMirror, MOTO_REGION, motoSettings } from './helpers/moto.js';
import { commitCheckout } from '../support/git-checkout.js';

/**
 * A parent template with a local nested child, whose function takes its code from a local folder,
 * deployed to moto through the deploy run as the Action wires it (`runDeployment` with the
 * deployments bucket as its store and `uploadRepositoryCode` packaging the checkout's code): the
 * code and the child are uploaded by content hash, the child naming the code, and the stack and
 * its nested stack exist.
 */
const SHA = 'c'.repeat(40);
const ROOT = 'services/shop/template.yaml';

const CHILD = `Parameters:
  QueueName: { Type: String }
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref QueueName
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: ./handler # packaged on deploy
`;

const sha256 = (body: Uint8Array | string) => createHash('sha256').update(body).digest('hex');

describe('a nested deploy against moto', () => {
  let workspace: string;
  let s3: S3Client;
  let cfn: CloudFormationClient;
  beforeAll(() => {
    s3 = createAwsClient(S3Client, motoSettings(), { forcePathStyle: true });
    cfn = createAwsClient(CloudFormationClient, motoSettings());
    workspace = mkdtempSync(join(tmpdir(), 'nested-checkout-'));
    mkdirSync(join(workspace, 'services', 'shop', 'nested', 'handler'), { recursive: true });
    writeFileSync(
      join(workspace, 'services', 'shop', 'nested', 'handler', 'index.js'),
      'exports.handler = async () => ({ statusCode: 200 });\n',
    );
  });
  afterAll(() => {
    s3.destroy();
    cfn.destroy();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('uploads the code and the child by content hash and creates the stack with its nested stack', async () => {
    const mirror = await createMotoMirror();
    const suffix = randomUUID().slice(0, 8);
    const stackName = `shop-${suffix}`;
    const parent = `Resources:
  Queues:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/queues.yaml
      Parameters:
        QueueName: orders-${suffix}
`;
    const files: Record<string, string> = { [ROOT]: parent, 'services/shop/nested/queues.yaml': CHILD };
    const statuses: string[] = [];
    const client: DeployRunClient = {
      repos: {
        listDeployments: async () => ({ data: [] }),
        listDeploymentStatuses: async () => ({ data: [] }),
        createDeployment: async () => ({ status: 201, data: { id: 1 } }),
        createDeploymentStatus: async (p) => {
          statuses.push(`${p.state}: ${p.description}`);
          return {};
        },
        getContent: async (p) => {
          const text = files[p.path];
          if (text === undefined || p.ref !== SHA)
            throw Object.assign(new Error('Not Found'), { status: 404 });
          return { data: { type: 'file', content: Buffer.from(text).toString('base64') } };
        },
      },
      pulls: {
        get: async () => {
          throw new Error('no pull request in this deployment');
        },
      },
      issues: {
        listComments: async () => ({ data: [] }),
        createComment: async () => ({ data: { id: 1 } }),
        updateComment: async () => ({}),
        getComment: async () => {
          throw new Error('no status comment');
        },
        deleteComment: async () => ({}),
      },
      git: {
        getTree: async () => {
          throw new Error('no artifacts');
        },
        getBlob: async () => {
          throw new Error('no artifacts');
        },
      },
    };
    const payload: DeploymentPayload = {
      version: 1,
      task_id: 'acme/shop#1',
      stack_name: stackName,
      template_path: ROOT,
      region: MOTO_REGION,
      parameters: {},
      checked_sha: SHA,
      requested_by: 'alice',
      dry_run: false,
    };
    const config = agentConfigSchema.parse({
      mirrors: { region: MOTO_REGION, deployments_bucket: mirror.deploymentsBucket },
      environments: { staging: {} },
    });
    const event = {
      repository: { owner: 'acme', repo: 'shop', defaultBranch: 'main' },
      repositoryId: 4242,
      deploymentId: 1,
      sha: SHA,
      environment: 'staging',
      payload,
    };
    // The workspace committed stands for the checkout at SHA: files are listed by git there.
    const head = commitCheckout(workspace);
    const real = createCommandRunner(60_000);
    const git: CommandRunner = async (command, args, options) =>
      [command, ...args].join(' ') === 'git rev-parse HEAD'
        ? { code: 0, output: `${SHA}\n` }
        : command === 'git' && args.includes('ls-tree')
          ? real(
              command,
              args.map((arg) => (arg === SHA ? head : arg)),
              options,
            )
          : { code: 1, output: 'not run here' };
    const log: string[] = [];
    const outcome = await runDeployment({
      client,
      cloudFormationFor: () => cfn,
      event,
      config,
      deploymentStore: createS3DeploymentStore({ s3, bucket: mirror.deploymentsBucket }),
      packageCode: ({ request }) =>
        uploadRepositoryCode({
          request,
          sha: SHA,
          environment: 'staging',
          region: MOTO_REGION,
          repository: 'acme/shop',
          config,
          workspace,
          s3,
          run: git,
          log: (line) => log.push(line),
        }),
      pollBackoff: { initialDelayMs: 20, maxDelayMs: 20 },
      timeoutMs: 120_000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
      log: (line) => log.push(line),
    });
    expect({ status: outcome.status, statuses }).toMatchObject({ status: 'deployed' });

    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: mirror.deploymentsBucket, Prefix: 'acme/shop/' }),
    );
    const keys = (listed.Contents ?? []).map((object) => object.Key ?? '');
    const codeKey = keys.find((key) => key.startsWith('acme/shop/code/nested/'));
    const childKey = keys.find((key) => /\/templates\/[0-9a-f]{64}\.yaml$/.test(key));
    if (codeKey === undefined || childKey === undefined) throw new Error(`uploaded: ${keys.join(', ')}`);
    const bytes = async (key: string) =>
      (await s3
        .send(new GetObjectCommand({ Bucket: mirror.deploymentsBucket, Key: key }))
        .then((got) => got.Body?.transformToByteArray())) ?? new Uint8Array();
    const code = await bytes(codeKey);
    expect(codeKey).toBe(`acme/shop/code/nested/${sha256(code)}.zip`);
    const child = Buffer.from(await bytes(childKey)).toString('utf8');
    expect(childKey.endsWith(`${sha256(child)}.yaml`)).toBe(true);
    expect(child).toContain(`Code: {"S3Bucket":"${mirror.deploymentsBucket}","S3Key":"${codeKey}"}`);

    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const deployed = (await cfn.send(new GetTemplateCommand({ StackName: stackName }))).TemplateBody ?? '';
    expect(deployed).toContain(childKey);
    const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName })))
      .StackResources;
    expect(resources?.find((resource) => resource.LogicalResourceId === 'Queues')).toMatchObject({
      ResourceType: 'AWS::CloudFormation::Stack',
      ResourceStatus: 'CREATE_COMPLETE',
    });
  });
});
