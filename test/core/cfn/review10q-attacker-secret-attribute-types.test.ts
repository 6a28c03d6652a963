/**
 * Attacker pass (review #10q) on stack outputs reading a secret resource attribute
 * (src/core/cfn/secret-attribute-outputs.ts `SECRET_ATTRIBUTES`, through maskNoEchoOutputs, which
 * every channel — status comment, deploy record, S3 `outputs.json` — reads outputs through).
 * Attacked: other resource types whose documented return value IS a credential —
 * `AWS::IVS::StreamKey`'s `Value` (whoever holds it can broadcast on the channel; its form
 * `sk_<region>_…` is no pattern a scanner knows) — and a custom resource that generates a password
 * (`Custom::*`, a common pattern before Secrets Manager), whose attributes CloudFormation shows in
 * Outputs as they are. Control: the IAM access key's `SecretAccessKey`. A fault is `it.failing`
 * asserting the right answer; an attack refused is an ordinary test.
 */
import { maskNoEchoOutputs } from '../../../src/core/cfn/mask-no-echo-outputs.js';

/** The example stream key of the AWS::IVS::StreamKey reference page's shape, made up. */
const STREAM_KEY = 'sk_us-west-2_aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcD';
const PASSWORD = 'p4Qx7Lm2Vz9Rk3Tw8Hn5Jc6Bf1Yd0Gs';

const masked = (template: string[], output: string) =>
  maskNoEchoOutputs({
    template: template.join('\n'),
    parameters: {},
    outputs: { Exposed: output },
  })['Exposed'];

describe('review10q attacker: other resource types whose attribute is a credential', () => {
  it('fixed FAULT: an IVS stream key read by `!GetAtt Key.Value` is not stored', () => {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ivs-streamkey.html
    // Return values: `Value`, "the stream-key value".
    const template = [
      'Resources:',
      '  Channel:',
      '    Type: AWS::IVS::Channel',
      '  Key:',
      '    Type: AWS::IVS::StreamKey',
      '    Properties:',
      '      ChannelArn: !Ref Channel',
      'Outputs:',
      '  Exposed:',
      '    Value: !GetAtt Key.Value',
      '',
    ];
    expect(masked(template, STREAM_KEY)).not.toBe(STREAM_KEY);
  });

  it('fixed FAULT: a password a custom resource generates, read by `!GetAtt Generator.Password`, is not stored', () => {
    const template = [
      'Resources:',
      '  Generator:',
      '    Type: Custom::RandomPassword',
      '    Properties:',
      '      ServiceToken: !Sub arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:random-password',
      '      Length: 32',
      'Outputs:',
      '  Exposed:',
      '    Value: !GetAtt Generator.Password',
      '',
    ];
    expect(masked(template, PASSWORD)).not.toBe(PASSWORD);
  });

  it('an IAM access key read by `!GetAtt Key.SecretAccessKey` is not stored (control)', () => {
    const secret = 'Zk3pQ9vT2mXw/L8rB+nY4cHs7dJf1aGe6uKo0iWq';
    const template = [
      'Resources:',
      '  Deployer:',
      '    Type: AWS::IAM::User',
      '  Key:',
      '    Type: AWS::IAM::AccessKey',
      '    Properties:',
      '      UserName: !Ref Deployer',
      'Outputs:',
      '  Exposed:',
      '    Value: !GetAtt Key.SecretAccessKey',
      '',
    ];
    expect(masked(template, secret)).not.toBe(secret);
  });

  it('an IVS ingest configuration’s `StreamKey` is not stored', () => {
    // https://docs.aws.amazon.com/ivs/latest/RealTimeAPIReference/API_IngestConfiguration.html
    const key = 'rt_123456789012_us-west-2_AbCdEfGhIjKl_mNoPqRsTuVwXyZ0123456789';
    const template = [
      'Resources:',
      '  Ingest:',
      '    Type: AWS::IVS::IngestConfiguration',
      'Outputs:',
      '  Exposed:',
      "    Value: !Sub 'rtmps://ingest.example.com/app/${Ingest.StreamKey}'",
      '',
    ];
    expect(masked(template, key)).not.toBe(key);
  });

  it.each(['Secret', 'ApiKey', 'Data.Token', 'admin_password', 'PrivateKey'])(
    'a custom resource’s credential-named attribute `%s` is not stored',
    (attribute) => {
      const template = [
        'Resources:',
        '  Generator:',
        '    Type: AWS::CloudFormation::CustomResource',
        '    Properties:',
        '      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:gen',
        'Outputs:',
        '  Exposed:',
        `    Value: !GetAtt [Generator, ${attribute}]`,
        '',
      ];
      expect(masked(template, PASSWORD)).not.toBe(PASSWORD);
    },
  );

  it('a custom resource’s other attributes (an endpoint) are kept', () => {
    const endpoint = 'https://orders.example.com';
    const template = [
      'Resources:',
      '  Site:',
      '    Type: Custom::SiteSetup',
      '    Properties:',
      '      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:setup',
      'Outputs:',
      '  Exposed:',
      '    Value: !GetAtt Site.Endpoint',
      '',
    ];
    expect(masked(template, endpoint)).toBe(endpoint);
  });

  it('a resource handed a custom resource’s password carries it', () => {
    const template = [
      'Resources:',
      '  Generator:',
      '    Type: Custom::RandomPassword',
      '    Properties:',
      '      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:gen',
      '  Param:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Type: String',
      '      Value: !GetAtt Generator.Password',
      'Outputs:',
      '  Exposed:',
      '    Value: !GetAtt Param.Value',
      '',
    ];
    expect(masked(template, PASSWORD)).not.toBe(PASSWORD);
  });

  it('an IVS stream key’s ARN (`!GetAtt Key.Arn`) is kept', () => {
    const arn = 'arn:aws:ivs:us-west-2:123456789012:stream-key/g1H2I3j4k5L6';
    const template = [
      'Resources:',
      '  Key:',
      '    Type: AWS::IVS::StreamKey',
      'Outputs:',
      '  Exposed:',
      '    Value: !GetAtt Key.Arn',
      '',
    ];
    expect(masked(template, arn)).toBe(arn);
  });
});
