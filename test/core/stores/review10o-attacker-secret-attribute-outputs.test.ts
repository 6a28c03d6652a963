/**
 * Attacker pass (review #10o) on stack outputs the deployments store keeps (src/core/stores/
 * redact-deployment.ts: NoEcho outputs masked by structure, `maskNoEchoOutputs`, then every output
 * through the secret scanner, `redactJsonStrings`, the output's name read beside its value). Some
 * resource attributes ARE secrets whatever the template's parameters say: an `AWS::IAM::AccessKey`'s
 * `SecretAccessKey`, a Cognito app client's `ClientSecret`. AWS's own example for
 * `AWS::IAM::AccessKey` (CloudFormation Template Reference, *AWS::IAM::AccessKey*, Examples) outputs
 * `!GetAtt myaccesskey.SecretAccessKey` under the name `SecretKeyformyaccesskey`. A 40-character
 * secret key is no token form a scanner knows alone, and that name is not the `secret_access_key`
 * the AWS rule needs beside it: the key goes to `outputs.json` in the deployments bucket (and a
 * local folder), where dashboards and downstream systems read it. A fault is `it.failing`
 * asserting the right answer; an attack refused is an ordinary test.
 */
import { redactDeployment } from '../../../src/core/stores/redact-deployment.js';

const SECRET_KEY = 'Kx9mB2vQ7tR4wY8zL1nP5sD3fG6hJ0kA2cE4uI7o';
const CLIENT_SECRET = '1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6p7o8i9u0y1t2r3e4w5q6m';

const deployment = (template: string, outputs: Record<string, string>) => ({
  repository: 'acme/shop',
  environment: 'staging',
  deploymentId: 4201,
  sha: 'f'.repeat(40),
  stackName: 'shop-staging',
  template,
  parameters: {},
  outputs,
});

const ACCESS_KEY_TEMPLATE = [
  'Resources:',
  '  myuser:',
  '    Type: AWS::IAM::User',
  '  myaccesskey:',
  '    Type: AWS::IAM::AccessKey',
  '    Properties:',
  '      UserName: !Ref myuser',
  'Outputs:',
  '  AccessKeyformyaccesskey:',
  '    Value: !Ref myaccesskey',
  '  SecretKeyformyaccesskey:',
  '    Value: !GetAtt myaccesskey.SecretAccessKey',
  '',
].join('\n');

describe('review10o attacker: outputs of secret resource attributes', () => {
  it('fixed FAULT: AWS’s AccessKey example: SecretKeyformyaccesskey (!GetAtt …SecretAccessKey) is not stored', async () => {
    const stored = await redactDeployment(
      deployment(ACCESS_KEY_TEMPLATE, {
        AccessKeyformyaccesskey: 'AKIAIOSFODNN7EXAMPLE',
        SecretKeyformyaccesskey: SECRET_KEY,
      }),
    );
    expect(JSON.stringify(stored.outputs)).not.toContain(SECRET_KEY);
  });

  it('fixed FAULT: a Cognito app client’s ClientSecret output is not stored', async () => {
    const template = [
      'Resources:',
      '  Pool:',
      '    Type: AWS::Cognito::UserPool',
      '  WebClient:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties:',
      '      UserPoolId: !Ref Pool',
      '      GenerateSecret: true',
      'Outputs:',
      '  WebClientSecret:',
      '    Value: !GetAtt WebClient.ClientSecret',
      '',
    ].join('\n');
    const stored = await redactDeployment(deployment(template, { WebClientSecret: CLIENT_SECRET }));
    expect(JSON.stringify(stored.outputs)).not.toContain(CLIENT_SECRET);
  });
});

describe('review10o attacker: outputs the scanner reads by name (refused)', () => {
  it('an output named SecretAccessKey holding the key is redacted', async () => {
    const template = ACCESS_KEY_TEMPLATE.replace('SecretKeyformyaccesskey:', 'SecretAccessKey:');
    const stored = await redactDeployment(deployment(template, { SecretAccessKey: SECRET_KEY }));
    expect(JSON.stringify(stored.outputs)).not.toContain(SECRET_KEY);
  });

  it('the access key id output and an ordinary output are kept', async () => {
    const stored = await redactDeployment(
      deployment(
        ACCESS_KEY_TEMPLATE.replace('SecretKeyformyaccesskey', 'UserArn').replace(
          'myaccesskey.SecretAccessKey',
          'myuser.Arn',
        ),
        {
          UserArn: 'arn:aws:iam::123456789012:user/shop-staging-myuser-1A2B3C',
        },
      ),
    );
    expect(stored.outputs).toEqual({ UserArn: 'arn:aws:iam::123456789012:user/shop-staging-myuser-1A2B3C' });
  });
});
