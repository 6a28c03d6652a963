// The deploy run packages nested stacks whose template is a file of the repository, as `aws
// cloudformation package` does: each nested template (recursively) is uploaded to the deployments
// bucket by content hash and its `TemplateURL` / `Location` rewritten to the S3 URL, since
// CloudFormation cannot read a local path. Without a bucket, the deploy is refused naming the setting.
import { createHash } from 'node:crypto';
import { CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createS3DeploymentStore } from '../../../src/aws/s3/s3-deployment-store.js';
import { MAX_NESTED_DEPTH } from '../../../src/core/risk/nested-stack-risks.js';
import type { DeploymentStore } from '../../../src/core/stores/deployment-store.js';
import { REGION } from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import {
  SHA,
  cfnMock,
  fakeGitHub,
  payload,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from './helpers/deploy-run-harness.js';

const s3Mock = mockClient(S3Client);
const BUCKET = 'acme-deployments';
const ROOT = payload.template_path; // services/orders-api/template.yaml
const url = (key: string) => `https://s3.${REGION}.amazonaws.com/${BUCKET}/${key}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const stackOf = (location: string) =>
  `  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${location}\n`;

const NETWORK = `Resources:
  Subnets:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ../shared/subnets.yaml
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
`;
const SUBNETS = `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n`;
const PAYMENTS = `{"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}`;
const TEMPLATE = `Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./nested/network.yaml # packaged on deploy
      Parameters:
        Stage: !Ref Stage
  NetworkAgain:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/network.yaml
  Payments:
    Type: AWS::Serverless::Application
    Properties:
      Location: apps/payments.json
  Shared:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/someone-else/shared.yaml
Parameters:
  Stage:
    Type: String
`;

/** The fake GitHub, serving `files` (by repository path) at the deployed sha beside the template. */
function githubWith(files: Record<string, string>) {
  const github = fakeGitHub({ template: files[ROOT] ?? TEMPLATE });
  const read: typeof github.client.repos.getContent = async (p) => {
    const text = p.path === ROOT ? (files[ROOT] ?? TEMPLATE) : files[p.path];
    if (text === undefined || p.ref !== SHA) throw Object.assign(new Error('Not Found'), { status: 404 });
    return { data: { type: 'file', content: Buffer.from(text).toString('base64') } };
  };
  github.client.repos.getContent = read;
  return github;
}

function bucketStore(): DeploymentStore {
  return createS3DeploymentStore({ s3: new S3Client({ region: REGION }), bucket: BUCKET });
}

/** The nested templates uploaded (the deployment's own record is stored beside them once it ran). */
const uploads = () =>
  s3Mock
    .commandCalls(PutObjectCommand)
    .map((call) => ({
      key: call.args[0].input.Key,
      body: Buffer.from(call.args[0].input.Body as Uint8Array).toString('utf8'),
      contentType: call.args[0].input.ContentType,
    }))
    .filter((upload) => upload.key?.startsWith('acme/shop/templates/'));
const deployedTemplate = () => cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.TemplateBody;

beforeEach(() => {
  resetDeployMocks();
  s3Mock.reset();
  s3Mock.on(HeadObjectCommand).rejects(
    new S3ServiceException({
      name: 'NotFound',
      $fault: 'client',
      $metadata: { httpStatusCode: 404 },
      message: 'Not Found',
    }),
  );
  s3Mock.on(PutObjectCommand).resolves({});
});

describe('runDeployment: nested stack templates that are files of the repository', () => {
  it('uploads each (nested ones first, each file once) by content hash and deploys the template naming their S3 URLs', async () => {
    scriptSuccessfulUpdate();
    const github = githubWith({
      'services/orders-api/nested/network.yaml': NETWORK,
      'services/orders-api/shared/subnets.yaml': SUBNETS,
      'services/orders-api/apps/payments.json': PAYMENTS,
    });
    const outcome = await run(github, { deploymentStore: bucketStore() });
    expect(outcome).toMatchObject({ status: 'deployed' });

    const subnetsKey = `acme/shop/templates/${sha256(SUBNETS)}.yaml`;
    const packagedNetwork = NETWORK.replace('../shared/subnets.yaml', JSON.stringify(url(subnetsKey)));
    const networkKey = `acme/shop/templates/${sha256(packagedNetwork)}.yaml`;
    const paymentsKey = `acme/shop/templates/${sha256(PAYMENTS)}.json`;
    expect(uploads()).toEqual([
      { key: subnetsKey, body: SUBNETS, contentType: 'application/yaml' },
      { key: networkKey, body: packagedNetwork, contentType: 'application/yaml' },
      { key: paymentsKey, body: PAYMENTS, contentType: 'application/json' },
    ]);
    expect(deployedTemplate()).toBe(
      TEMPLATE.replace('./nested/network.yaml', JSON.stringify(url(networkKey)))
        .replace('TemplateURL: nested/network.yaml', `TemplateURL: ${JSON.stringify(url(networkKey))}`)
        .replace('apps/payments.json', JSON.stringify(url(paymentsKey))),
    );
  });

  it('does not upload again what the bucket already holds under the same hash', async () => {
    scriptSuccessfulUpdate();
    s3Mock.on(HeadObjectCommand).resolves({});
    const github = githubWith({
      [ROOT]: `Resources:\n${stackOf('./sub.yaml')}`,
      'services/orders-api/sub.yaml': SUBNETS,
    });
    expect((await run(github, { deploymentStore: bucketStore() })).status).toBe('deployed');
    expect(uploads()).toEqual([]);
    expect(deployedTemplate()).toContain(url(`acme/shop/templates/${sha256(SUBNETS)}.yaml`));
  });

  it('leaves a template without local nested stacks as it is, uploading nothing', async () => {
    scriptSuccessfulUpdate();
    const template = `Resources:\n${stackOf('https://s3.amazonaws.com/b/x.yaml')}`;
    const github = githubWith({ [ROOT]: template });
    expect((await run(github)).status).toBe('deployed');
    expect(deployedTemplate()).toBe(template);
    expect(uploads()).toEqual([]);
  });

  it.each([
    [
      'no deployments bucket',
      { [ROOT]: `Resources:\n${stackOf('./sub.yaml')}`, 'services/orders-api/sub.yaml': SUBNETS },
      false,
      /no deployments bucket is configured to upload them to: set `mirrors\.deployments_bucket`/,
    ],
    [
      'a path leaving the repository',
      { [ROOT]: `Resources:\n${stackOf('../../../outside.yaml')}` },
      true,
      /names `\.\.\/\.\.\/\.\.\/outside\.yaml`, which is outside the repository/,
    ],
    [
      'a file that is not there',
      { [ROOT]: `Resources:\n${stackOf('./missing.yaml')}` },
      true,
      /names `\.\/missing\.yaml`, which is not a file at the deployed commit/,
    ],
    [
      'a cycle',
      {
        [ROOT]: `Resources:\n${stackOf('./a.yaml')}`,
        'services/orders-api/a.yaml': `Resources:\n${stackOf('./b.yaml')}`,
        'services/orders-api/b.yaml': `Resources:\n${stackOf('./a.yaml')}`,
      },
      true,
      /nested stacks in a cycle/,
    ],
    [
      `more than ${MAX_NESTED_DEPTH} levels`,
      Object.fromEntries([
        [ROOT, `Resources:\n${stackOf('./l1.yaml')}`],
        ...Array.from({ length: MAX_NESTED_DEPTH + 1 }, (_, index) => [
          `services/orders-api/l${index + 1}.yaml`,
          `Resources:\n${stackOf(`./l${index + 2}.yaml`)}`,
        ]),
        [`services/orders-api/l${MAX_NESTED_DEPTH + 2}.yaml`, SUBNETS],
      ]),
      true,
      new RegExp(`more than ${MAX_NESTED_DEPTH} levels deep`),
    ],
  ] as const)('refuses, deploying nothing, with %s', async (_label, files, withBucket, message) => {
    const github = githubWith(files);
    const outcome = await run(github, withBucket ? { deploymentStore: bucketStore() } : {});
    expect(outcome).toMatchObject({ status: 'deploy_failed', message: expect.stringMatching(message) });
    expect(outcome.status === 'deploy_failed' && outcome.message).toMatch(/Nothing was deployed\.$/);
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
    expect(github.statuses.at(-1)).toMatchObject({ state: 'failure' });
  });

  it('refuses when the upload fails, with what S3 said', async () => {
    s3Mock.on(PutObjectCommand).rejects(
      new S3ServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: 'User is not authorized to perform: s3:PutObject',
      }),
    );
    const github = githubWith({
      [ROOT]: `Resources:\n${stackOf('./sub.yaml')}`,
      'services/orders-api/sub.yaml': SUBNETS,
    });
    const outcome = await run(github, { deploymentStore: bucketStore() });
    expect(outcome).toMatchObject({
      status: 'deploy_failed',
      message: expect.stringMatching(/uploading it failed: .*AccessDenied/),
    });
    expect(cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });
});
