// Attacker pass 9k (test-only) on dynamic references (src/core/risk/dynamic-reference-risks.ts,
// find-dynamic-references.ts, public-parameter-name.ts, machine-image-risks.ts): a public
// `/aws/service/…` Parameter Store read is low, anything else is data-egress. Attacked: casing of
// the service and of `resolve`, `ssm-secure` and `secretsmanager` on public names, versions and
// labels, ARNs, names assembled by nested `Fn::Join`/`Fn::Sub`/`Fn::Select`, Unicode lookalikes,
// and references hidden in places other than resource properties.
import { describe, expect, it } from '@jest/globals';
import { QUEUE, reasonsOf, riskOf } from './risk-of.js';

const tagged = (value: unknown) => ({
  Resources: { Q: { ...QUEUE, Properties: { Tags: [{ Key: 'k', Value: value }] } } },
});

describe('attacker 9k: dynamic references', () => {
  it('control: a public /aws/service/ parameter read into a tag is low', () => {
    expect(reasonsOf(tagged('{{resolve:ssm:/aws/service/global-infrastructure/version}}'))).toEqual([]);
  });

  it.each([
    ['ssm-secure on a public name', '{{resolve:ssm-secure:/aws/service/x}}'],
    ['secretsmanager named like a public parameter', '{{resolve:secretsmanager:/aws/service/x}}'],
    [
      'an ARN of another account',
      '{{resolve:ssm:arn:aws:ssm:us-east-1:111122223333:parameter/aws/service/x}}',
    ],
    ['a leading space', '{{resolve:ssm: /myapp/secret}}'],
    ['a fullwidth solidus lookalike', '{{resolve:ssm:\uFF0Faws\uFF0Fservice\uFF0Fx}}'],
    ['no leading slash', '{{resolve:ssm:myapp/secret}}'],
    ['a second reference after a public one', '{{resolve:ssm:/aws/service/x}}{{resolve:ssm:/myapp/secret}}'],
    ['a version on an own name', '{{resolve:ssm:/myapp/secret:3}}'],
  ])('%s is not low', (_name, text) => {
    expect(riskOf(tagged(text)).level).toBe('high');
  });

  it.each([
    [
      'a nested Join of literals',
      { 'Fn::Join': ['', ['{{resolve:', { 'Fn::Join': ['', ['secrets', 'manager:db}}']] }]] },
    ],
    ['a Join whose separator completes it', { 'Fn::Join': [':', ['{{resolve', 'secretsmanager', 'db}}']] }],
    ['a Sub variable holding the service', { 'Fn::Sub': ['{{resolve:${S}:db}}', { S: 'secretsmanager' }] }],
    [
      'a Select of the service',
      { 'Fn::Join': ['', ['{{resolve:', { 'Fn::Select': [0, ['secretsmanager']] }, ':db}}']] },
    ],
    [
      'a Sub naming an own parameter below a public prefix by a Ref',
      { 'Fn::Sub': '{{resolve:ssm:/aws/service/${AWS::NoValue}}}' },
    ],
    ['a Base64 of a reference', { 'Fn::Base64': '{{resolve:secretsmanager:db}}' }],
    ['a ToJsonString of a reference', { 'Fn::ToJsonString': { a: '{{resolve:secretsmanager:db}}' } }],
  ])('a reference built by %s is not low', (_name, value) => {
    expect(riskOf(tagged(value)).level).toBe('high');
  });

  it.each([
    ['Outputs', { Resources: { Q: QUEUE }, Outputs: { O: { Value: '{{resolve:ssm:/myapp/secret}}' } } }],
    [
      'a resource Metadata',
      { Resources: { Q: { ...QUEUE, Metadata: { m: '{{resolve:ssm:/myapp/secret}}' } } } },
    ],
    [
      'a Parameter Default',
      {
        Parameters: { P: { Type: 'String', Default: '{{resolve:ssm:/myapp/secret}}' } },
        Resources: { Q: QUEUE },
      },
    ],
    ['Mappings', { Mappings: { M: { a: { b: '{{resolve:ssm:/myapp/secret}}' } } }, Resources: { Q: QUEUE } }],
    [
      'Rules',
      {
        Rules: { R: { Assertions: [{ Assert: { 'Fn::Equals': ['{{resolve:ssm:/myapp/secret}}', 'x'] } }] } },
        Resources: { Q: QUEUE },
      },
    ],
  ])('a reference to an own parameter in %s is not low', (_name, body) => {
    expect(riskOf(body).level).toBe('high');
  });

  it('FAULT: a reference whose service is written in capitals (`{{resolve:SSM:…}}`) is not judged low (unknown counts as high)', () => {
    expect(riskOf(tagged('{{resolve:SSM:/myapp/secret}}')).level).toBe('high');
  });

  it('FAULT: a reference with `resolve` in capitals is not judged low (unknown counts as high)', () => {
    expect(riskOf(tagged('{{RESOLVE:ssm:/myapp/secret}}')).level).toBe('high');
  });

  it('FAULT: a reference with a space after the braces is not judged low (unknown counts as high)', () => {
    expect(riskOf(tagged('{{ resolve:secretsmanager:db }}')).level).toBe('high');
  });
});

describe('attacker 9k: public names in the EC2 image rule', () => {
  const image = (id: unknown) => ({
    Resources: {
      L: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: id } } },
    },
  });
  it('control: an Amazon Linux image read by a dynamic reference is low', () => {
    expect(
      reasonsOf(
        image('{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}'),
      ),
    ).toEqual([]);
  });
  it.each([
    ['marketplace', '{{resolve:ssm:/aws/service/marketplace/prod-abc/latest}}'],
    ['a climb', '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/../marketplace/x}}'],
    ['a version', '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/x:1}}'],
    ['Sub built', { 'Fn::Sub': '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/${AWS::Region}}}' }],
  ])('an image from %s is not low', (_name, id) => {
    expect(riskOf(image(id)).level).toBe('high');
  });
});

// `SECRET_SINKS` (dynamic-reference-risks.ts) leaves out references in "places a secret belongs:
// where the value stays a secret (not readable back)". A new Secrets Manager secret is readable
// back: GetSecretValue returns SecretString to any principal of the account whose IAM policy
// allows it on the new secret's name (AWS Secrets Manager User Guide, "Retrieve secrets"), without
// the resource policy or key policy that guards the secret it was copied from.
describe('attacker 9k: copying a secret into a new secret', () => {
  const copy = (reference: string) => ({
    Resources: {
      S: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'app/copy', SecretString: reference } },
    },
  });

  it('control: a secret generated by Secrets Manager is low', () => {
    expect(
      riskOf({
        Resources: {
          S: {
            Type: 'AWS::SecretsManager::Secret',
            Properties: { GenerateSecretString: { PasswordLength: 32 } },
          },
        },
      }).reasons,
    ).toEqual([]);
  });

  it("FAULT: another secret's value copied into a new secret's SecretString is not low", () => {
    expect(riskOf(copy('{{resolve:secretsmanager:prod/db-credentials}}')).level).toBe('high');
  });
});
