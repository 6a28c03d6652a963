import { describe, expect, it } from '@jest/globals';
import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { MAX_NESTED_BYTES, MAX_NESTED_DEPTH } from '../../../src/core/risk/nested-stack-risks.js';

// A nested stack (AWS::CloudFormation::Stack, AWS::Serverless::Application) is judged by judging
// its template when the bundle holds it; a template elsewhere cannot be judged, and stays high.

const PARENT = 'infra/template.json';
const template = (resources: Record<string, unknown>) =>
  JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources });
const stack = (url: unknown, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::CloudFormation::Stack',
  Properties: { TemplateURL: url, Parameters: { Env: 'staging' }, ...extra },
});
const QUEUE = { Type: 'AWS::SQS::Queue', Properties: {} };
const OPEN_GROUP = {
  Type: 'AWS::EC2::SecurityGroup',
  Properties: {
    GroupDescription: 'x',
    SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }],
  },
};

function reasonsOf(files: Record<string, string>): string[] {
  return classifyRisk({
    files: Object.entries(files).map(([path, content]) => ({
      path,
      content,
      role: path === PARENT ? 'template' : 'config',
    })),
    templatePath: PARENT,
    targetEnvironment: 'staging',
    production: false,
  }).reasons.map((reason) => `${reason.code} ${reason.where}`);
}

describe('nested stacks', () => {
  it('control: a nested stack whose template is in the bundle (any file name) and low is low', () => {
    expect(
      reasonsOf({
        [PARENT]: template({ Db: stack('nested/queue.txt') }),
        'infra/nested/queue.txt': template({ Q: QUEUE }),
      }),
    ).toEqual([]);
  });

  it("the nested template's risks are reported with the nested path", () => {
    expect(
      reasonsOf({
        [PARENT]: template({ Net: stack('./nested/net.cfn') }),
        'infra/nested/net.cfn': template({ G: OPEN_GROUP }),
      }),
    ).toEqual(['open-ingress infra/nested/net.cfn#Resources.G.Properties.SecurityGroupIngress[0].CidrIp']);
  });

  it('a nested template that does not parse is template-unreadable at its path', () => {
    expect(
      reasonsOf({ [PARENT]: template({ Db: stack('nested/db.txt') }), 'infra/nested/db.txt': '{ nope' }),
    ).toEqual(['template-unreadable infra/nested/db.txt']);
  });

  it.each([
    ['an S3 URL', 'https://bucket.s3.amazonaws.com/db.yaml'],
    ['a path the bundle lacks', 'nested/missing.yaml'],
    ['a path leaving the repository', '../../../elsewhere/db.yaml'],
    ['a value computed at deploy time', { 'Fn::Sub': 'https://${Bucket}.s3.amazonaws.com/db.yaml' }],
  ])('a template outside the bundle (%s) stays unseen-effect at the stack, saying why', (_name, url) => {
    const risk = classifyRisk({
      files: [{ path: PARENT, content: template({ Db: stack(url) }), role: 'template' }],
      templatePath: PARENT,
      targetEnvironment: 'staging',
      production: false,
    });
    expect(risk.level).toBe('high');
    expect(risk.reasons).toEqual([
      expect.objectContaining({
        code: 'unseen-effect',
        where: `${PARENT}#Resources.Db`,
        message: expect.stringContaining('is not a file of this change'),
      }),
    ]);
  });

  it('a SAM application from a local path is judged; one from the Serverless Application Repository is not', () => {
    const app = (location: unknown) => ({
      Type: 'AWS::Serverless::Application',
      Properties: { Location: location },
    });
    expect(
      reasonsOf({
        [PARENT]: template({ A: app('apps/a.json') }),
        'infra/apps/a.json': template({ Q: QUEUE }),
      }),
    ).toEqual([]);
    expect(
      reasonsOf({
        [PARENT]: template({
          A: app({
            ApplicationId: 'arn:aws:serverlessrepo:us-east-1:1:applications/x',
            SemanticVersion: '1.0.0',
          }),
        }),
      }),
    ).toEqual([`unseen-effect ${PARENT}#Resources.A`]);
  });

  it('a nested stack setting what is not reviewed (notifications to any topic) is unseen-effect', () => {
    expect(
      reasonsOf({
        [PARENT]: template({
          Db: stack('nested/q.json', { NotificationARNs: ['arn:aws:sns:us-east-1:999999999999:t'] }),
        }),
        'infra/nested/q.json': template({ Q: QUEUE }),
      }),
    ).toEqual([`unseen-effect ${PARENT}#Resources.Db`]);
  });

  it('nesting is followed through templates that nest more, and bounded in depth (a cycle included)', () => {
    const chain: Record<string, string> = { [PARENT]: template({ S: stack('n1.txt') }) };
    for (let level = 1; level <= MAX_NESTED_DEPTH + 1; level++)
      chain[`infra/n${level}.txt`] = template(
        level === 3 ? { G: OPEN_GROUP, S: stack(`n${level + 1}.txt`) } : { S: stack(`n${level + 1}.txt`) },
      );
    chain[`infra/n${MAX_NESTED_DEPTH + 2}.txt`] = template({ Q: QUEUE });
    const reasons = reasonsOf(chain);
    expect(reasons.some((reason) => reason.startsWith('open-ingress infra/n3.txt#Resources.G'))).toBe(true);
    expect(reasons.some((reason) => reason.startsWith('unseen-effect infra/n'))).toBe(true);
    // A template that nests itself.
    expect(reasonsOf({ [PARENT]: template({ S: stack('template.json') }) })).toContain(
      `unseen-effect ${PARENT}`,
    );
  });

  it('nested templates past the size bound are not read', () => {
    const big = template({ Q: { ...QUEUE, Properties: { QueueName: 'x'.repeat(MAX_NESTED_BYTES) } } });
    expect(reasonsOf({ [PARENT]: template({ S: stack('big.txt') }), 'infra/big.txt': big })).toEqual([
      `unseen-effect ${PARENT}#Resources.S`,
    ]);
  });
});
