import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { isBroadAction, isBroadResource } from '../../../src/core/risk/policy-document-risks.js';
import { DEPLOYMENT_STRATEGIES, TASK_TYPES } from '../../../src/core/request/execution-request.js';
import { generate } from '../../generation/offline/offline-test-requests.js';

describe('classifyRisk on what the offline blueprints generate', () => {
  // The alarm topic is a parameter (`AlarmTopicArn`) set at deploy time: it may be another account's
  // topic, so where the alarms notify is unresolved-value.
  it('finds every blueprint high: each creates an IAM role or a resource policy (the HTTP API routes are public), and says which', async () => {
    const found: Record<string, string[]> = {};
    for (const taskType of TASK_TYPES) {
      const { bundle } = await generate({ taskType, taskName: 'Orders API', environment: 'staging' });
      const risk = classifyRisk({
        files: bundle.files,
        ...(bundle.templatePath === undefined ? {} : { templatePath: bundle.templatePath }),
        targetEnvironment: 'staging',
        production: false,
        // A new service: the base branch has none of its files, so its resources are new.
        base: [],
      });
      expect(risk.level).toBe('high');
      found[taskType] = [...new Set(risk.reasons.map((reason) => reason.code))];
    }
    expect(found).toEqual({
      infrastructure: ['resource-policy'],
      application: ['iam-resource', 'unresolved-value', 'public-access'],
      integration: ['iam-resource', 'unresolved-value'],
      testing: ['iam-resource', 'unresolved-value'],
      deployment: ['iam-resource', 'unresolved-value', 'managed-policy'],
    });
  });

  it('has reviewed every type and property the blueprints write (no unseen-effect), for every strategy and target', async () => {
    const unseen: string[] = [];
    for (const taskType of TASK_TYPES)
      for (const strategy of [undefined, ...DEPLOYMENT_STRATEGIES])
        for (const environment of ['staging', 'prod']) {
          const { bundle } = await generate({
            taskType,
            taskName: 'Orders API',
            environment,
            ...(strategy === undefined ? {} : { strategy }),
            stories: ['As an operator I want to be notified by email when an order fails so that I can act'],
          });
          const risk = classifyRisk({
            files: bundle.files,
            ...(bundle.templatePath === undefined ? {} : { templatePath: bundle.templatePath }),
            targetEnvironment: environment,
            production: false,
          });
          unseen.push(
            ...risk.reasons
              .filter((reason) => reason.code === 'unseen-effect')
              .map((reason) => `${taskType} ${strategy ?? '-'} ${environment}: ${reason.where}`),
          );
        }
    expect(unseen).toEqual([]);
  });

  it('has reviewed the FIFO queues an integration makes when asked (FifoQueue, QueueName, ContentBasedDeduplication)', async () => {
    const { bundle } = await generate({
      taskType: 'integration',
      taskName: 'Shipment updates',
      environment: 'staging',
      description: 'Consume ShipmentDispatched messages from an SQS FIFO queue, in order per order id.',
    });
    expect(bundle.files.find((file) => file.path === bundle.templatePath)?.content).toContain(
      'FifoQueue: true',
    );
    const risk = classifyRisk({
      files: bundle.files,
      ...(bundle.templatePath === undefined ? {} : { templatePath: bundle.templatePath }),
      targetEnvironment: 'staging',
      production: false,
    });
    expect(risk.reasons.filter((reason) => reason.code === 'unseen-effect')).toEqual([]);
  });
});

describe('wildcards', () => {
  it.each([
    ['*', true],
    ['s3:*', true],
    ['iam:*Policy', true],
    ['*:GetObject', true],
    ['kms:Describe*', false],
    ['s3:GetObject', false],
  ])('action %s is broad: %s', (action, broad) => expect(isBroadAction(action)).toBe(broad));

  it.each([
    ['*', true],
    ['arn:aws:dynamodb:eu-west-1:123456789012:table/*', true],
    ['arn:aws:lambda:eu-west-1:123456789012:function:*', true],
    ['arn:aws:*:eu-west-1:123456789012:thing', true],
    ['arn:aws:s3:::*', true],
    ['arn:aws:s3:::site/*', false],
    ['named/*', false],
    ['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders:*', false],
    ['arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/index/*', false],
  ])('resource %s is broad: %s', (resource, broad) => expect(isBroadResource(resource)).toBe(broad));
});
