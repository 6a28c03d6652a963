import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { isBroadAction, isBroadResource } from '../../../src/core/risk/policy-document-risks.js';
import { TASK_TYPES } from '../../../src/core/request/execution-request.js';
import { generate } from '../../generation/offline/offline-test-requests.js';

describe('classifyRisk on what the offline blueprints generate', () => {
  it('finds every blueprint high: each creates an IAM role or a resource policy (the HTTP API routes are public), and says which', async () => {
    const found: Record<string, string[]> = {};
    for (const taskType of TASK_TYPES) {
      const { bundle } = await generate({ taskType, taskName: 'Orders API', environment: 'staging' });
      const risk = classifyRisk({
        files: bundle.files,
        ...(bundle.templatePath === undefined ? {} : { templatePath: bundle.templatePath }),
        targetEnvironment: 'staging',
        production: false,
      });
      expect(risk.level).toBe('high');
      found[taskType] = [...new Set(risk.reasons.map((reason) => reason.code))];
    }
    expect(found).toEqual({
      infrastructure: ['resource-policy'],
      application: ['iam-resource', 'public-access'],
      integration: ['iam-resource'],
      testing: ['iam-resource'],
      deployment: ['iam-resource', 'managed-policy'],
    });
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
