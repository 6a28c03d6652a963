import { classifyRisk } from '../../../src/core/risk/classify-risk.js';
import { reasonsOf, riskOf } from './risk-of.js';

// Review #9 sixth attacker pass, after the classifier became an allowlist
// (`REVIEWED_RESOURCE_TYPES`). Each "FAULT:" case is a template made only of reviewed types and
// reviewed properties that the classifier calls low today, so hybrid and automated modes would
// auto-merge it and deploy it on merge, though it has an effect outside what the change shows
// (DESIGN §4 "unknown counts as high"; §5b). Each control keeps the same resource without the
// escape, and is (and stays) low, so the fix cannot be "everything of that type is high".

const OTHER = '999999999999';
const levelOf = (body: Record<string, unknown>) => riskOf(body).level;
/** Reasons (`code where`) at or below `Resources.<at>`. */
const reasonsAt = (body: Record<string, unknown>, at: string) =>
  reasonsOf(body).filter((reason) => {
    const where = reason.split(' ')[1] ?? '';
    return where === `Resources.${at}` || where.startsWith(`Resources.${at}.`);
  });
const QUEUE = { Type: 'AWS::SQS::Queue', Properties: {} };
const TOPIC = { Type: 'AWS::SNS::Topic', Properties: {} };

describe('review #9f attacks: reviewed properties whose values still act outside the change', () => {
  // EventBridge's built-in targets (AWS EventBridge User Guide, "Targets": EC2 StopInstances,
  // TerminateInstances, RebootInstances, CreateSnapshot) take an instance id as `Input` and act on
  // it with the account's own service-linked permissions: this rule terminates an instance no
  // template of this change makes. The ARN names this account, so the egress rule calls it "here".
  const rule = (arn: unknown, input?: string) => ({
    Resources: {
      R: {
        Type: 'AWS::Events::Rule',
        Properties: {
          ScheduleExpression: 'rate(1 day)',
          Targets: [{ Id: 't', Arn: arn, ...(input === undefined ? {} : { Input: input }) }],
        },
      },
      T: TOPIC,
    },
  });

  it('FAULT: an EventBridge rule whose target is the built-in terminate-instances action on an existing instance is low (destructive built-in target)', () => {
    const terminate = {
      'Fn::Sub': 'arn:aws:events:${AWS::Region}:${AWS::AccountId}:target/terminate-instances',
    };
    expect(levelOf(rule(terminate, '"i-0123456789abcdef0"'))).toBe('high');
  });

  // `Targets[].Arn` is checked only for its account: a function in this account the template does
  // not make runs code this change does not hold, with that function's role, on every event.
  it('FAULT: an EventBridge rule invoking an existing Lambda function of this account (code outside the change) is low (in-account target the template does not make)', () => {
    const existing = {
      'Fn::Sub': 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:prod-admin-tasks',
    };
    expect(levelOf(rule(existing))).toBe('high');
  });

  it('control: an EventBridge rule whose target is a topic of this template stays low', () => {
    expect(levelOf(rule({ Ref: 'T' }))).toBe('low');
  });

  // AWS::Lambda::Function `Code: ANY`: `ImageUri` may name another account's ECR repository (AWS
  // Lambda Developer Guide, "Cross-account permissions" for container images). The image is code
  // the change does not hold, chosen and replaceable by that account (a mutable tag).
  const fn = (code: Record<string, unknown>) => ({
    Resources: {
      F: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          FunctionName: 'worker',
          ...(code['ImageUri'] === undefined
            ? { Runtime: 'nodejs20.x', Handler: 'index.handler' }
            : { PackageType: 'Image' }),
          Role: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/worker' },
          Code: code,
        },
      },
    },
  });

  it("FAULT: a Lambda function whose code is a container image in another account's ECR repository is low (code the change does not hold)", () => {
    const foreign = fn({ ImageUri: `${OTHER}.dkr.ecr.us-east-1.amazonaws.com/tools:latest` });
    expect(reasonsAt(foreign, 'F.Properties.Code')).not.toEqual([]);
  });

  it('control: a Lambda function whose code is inline in the change has no reason at Code', () => {
    expect(reasonsAt(fn({ ZipFile: 'exports.handler = async () => 1;' }), 'F.Properties.Code')).toEqual([]);
  });

  // `KmsMasterKeyId: ANY`: a key ARN in another account (AWS SQS Developer Guide, "Key terms":
  // the key may be in another account when its key policy allows). That account's key policy
  // decides who may decrypt the messages, sees every use in its CloudTrail, and can disable the key.
  const queue = (key: unknown) => ({
    Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: key } }, K: QUEUE },
  });

  it("FAULT: a queue encrypted with another account's KMS key is low (data under a key another account controls)", () => {
    expect(levelOf(queue(`arn:aws:kms:us-east-1:${OTHER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`))).toBe(
      'high',
    );
  });

  it('control: a queue encrypted with the AWS managed key stays low', () => {
    expect(levelOf(queue('alias/aws/sqs'))).toBe('low');
  });
});

describe('review #9f attacks: resources outside the template changed through reviewed types', () => {
  // The public-access rule calls an instance public when `SubnetId` is absent (the default VPC's
  // subnets map public IPs). An existing subnet named by id may be one of those very subnets
  // (`MapPublicIpOnLaunch` true), so the same instance is just as public, yet low.
  const instance = (subnet: unknown, extra: Record<string, unknown> = {}) => ({
    Resources: {
      I: {
        Type: 'AWS::EC2::Instance',
        Properties: {
          ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
          InstanceType: 't3.micro',
          SubnetId: subnet,
        },
      },
      ...extra,
    },
  });

  it('FAULT: an instance launched in an existing subnet (by id) whose public-IP setting is not seen is low (existing network placement)', () => {
    expect(levelOf(instance('subnet-0123456789abcdef0'))).toBe('high');
  });

  it('control: an instance in a private subnet of this template stays low', () => {
    const subnet = {
      S: {
        Type: 'AWS::EC2::Subnet',
        Properties: { VpcId: 'vpc-0123', CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: false },
      },
    };
    expect(levelOf(instance({ Ref: 'S' }, subnet))).toBe('low');
  });

  // AWS::EC2::SubnetRouteTableAssociation moves a subnet onto a route table: given two ids the
  // template does not make, it reroutes an existing subnet (say a private one onto the route table
  // with the internet gateway), changing every resource in it, none of which the change shows.
  const association = (subnet: unknown, table: unknown, extra: Record<string, unknown> = {}) => ({
    Resources: {
      A: {
        Type: 'AWS::EC2::SubnetRouteTableAssociation',
        Properties: { SubnetId: subnet, RouteTableId: table },
      },
      ...extra,
    },
  });

  it('FAULT: associating an existing subnet with an existing route table (both by id) is low (reroutes resources outside the template)', () => {
    expect(levelOf(association('subnet-0123456789abcdef0', 'rtb-0123456789abcdef0'))).toBe('high');
  });

  it('control: associating a subnet and route table of this template stays low', () => {
    const own = {
      S: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-0123', CidrBlock: '10.0.0.0/24' } },
      T: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: 'vpc-0123' } },
    };
    expect(levelOf(association({ Ref: 'S' }, { Ref: 'T' }, own))).toBe('low');
  });
  // AWS::Lambda::EventSourceMapping `EventSourceArn: ANY`: an existing queue of this account (by
  // ARN) is polled by this template's function, and Lambda deletes each message it processed (AWS
  // Lambda Developer Guide, "Using Lambda with Amazon SQS"): the queue's own consumers stop seeing
  // them, and the data of a resource this change does not make flows into code it does.
  const mapping = (source: unknown) => ({
    Resources: {
      E: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: { EventSourceArn: source, FunctionName: { Ref: 'F' } },
      },
      F: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Role: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/worker' },
          Code: { ZipFile: 'exports.handler = async () => 1;' },
        },
      },
      Q: QUEUE,
    },
  });

  it("FAULT: an event source mapping that drains an existing queue of this account (by ARN) into this template's function is low (data source outside the template)", () => {
    const existing = { 'Fn::Sub': 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:prod-orders' };
    expect(reasonsAt(mapping(existing), 'E')).not.toEqual([]);
  });

  it("control: an event source mapping reading this template's own queue has no reason of its own", () => {
    expect(reasonsAt(mapping({ 'Fn::GetAtt': ['Q', 'Arn'] }), 'E')).toEqual([]);
  });
});

describe('review #9f attacks: what the parser reads differs from what CloudFormation or the service reads', () => {
  const yamlRisk = (mapPublic: string) =>
    classifyRisk({
      files: [
        {
          path: 'infra/template.yaml',
          role: 'template',
          content: [
            "AWSTemplateFormatVersion: '2010-09-09'",
            'Resources:',
            '  S:',
            '    Type: AWS::EC2::Subnet',
            '    Properties:',
            '      VpcId: vpc-0123',
            '      CidrBlock: 10.0.0.0/24',
            `      MapPublicIpOnLaunch: ${mapPublic}`,
            '',
          ].join('\n'),
        },
      ],
      templatePath: 'infra/template.yaml',
      targetEnvironment: 'staging',
      production: false,
    }).level;

  // The classifier parses YAML 1.2 (the `yaml` package's core schema): `yes`/`on` are strings, so
  // the public-access rule, which looks for `true`, finds nothing. A YAML 1.1 reader (the
  // boolean forms `y|yes|on|true`, YAML 1.1 "Boolean Language-Independent Type") takes `yes` as
  // true, and a Boolean property given a truthy word is at best ambiguous: unknown counts as high.
  it('FAULT: MapPublicIpOnLaunch written as the YAML 1.1 boolean `yes` is low (YAML 1.1 booleans)', () => {
    expect(yamlRisk('yes')).toBe('high');
  });

  it('controls: MapPublicIpOnLaunch true is high, false stays low', () => {
    expect(yamlRisk('true')).toBe('high');
    expect(yamlRisk('false')).toBe('low');
  });

  // A `Json` property written as text is found as a policy only when the raw text holds
  // `"Statement"` (`findPolicyDocuments`). JSON lets any character of a key be written as a
  // `\uXXXX` escape (RFC 8259 §7), so `"St\u0061tement"` is the key `Statement` to every JSON
  // parser, KMS's included: this key policy gives anyone every KMS action on the key, unjudged.
  const keyPolicy = (statementKey: string) => ({
    Resources: {
      K: {
        Type: 'AWS::KMS::Key',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          KeyPolicy: `{"Version":"2012-10-17","${statementKey}":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"}]}`,
        },
      },
    },
  });

  it('FAULT: a KMS key policy written as JSON text whose Statement key is spelled with a \\u escape is low (escaped keys in JSON text)', () => {
    expect(levelOf(keyPolicy('St\\u0061tement'))).toBe('high');
  });

  it('control: the same key policy with the key written plainly is judged (a wildcard principal)', () => {
    expect(reasonsOf(keyPolicy('Statement'))).toContain(
      'wildcard-principal Resources.K.Properties.KeyPolicy.Statement[0].Principal',
    );
  });

  // A JSON text with a key twice: JSON.parse keeps the last, so the classifier sees this account's
  // queue; the reader sees the other account's first, and which one SQS keeps is its own parser's
  // choice (RFC 8259 §4: "the behavior of software that receives such an object is unpredictable").
  it("FAULT: an SQS RedrivePolicy JSON text naming deadLetterTargetArn twice (another account's, then this account's) is low (duplicate keys in JSON text)", () => {
    const text = `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:${OTHER}:exfil","deadLetterTargetArn":"arn:aws:sqs:\${AWS::Region}:\${AWS::AccountId}:dlq","maxReceiveCount":1}`;
    const body = {
      Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: { 'Fn::Sub': text } } } },
    };
    expect(levelOf(body)).toBe('high');
  });

  it("control: the same JSON text naming only this account's queue stays low", () => {
    const text =
      '{"deadLetterTargetArn":"arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:dlq","maxReceiveCount":1}';
    const body = {
      Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: { 'Fn::Sub': text } } } },
    };
    expect(levelOf(body)).toBe('low');
  });
});

describe('review #9f attacks: code the deploy itself runs', () => {
  // The deploy run builds a service whose template takes its Lambda code from S3 (`buildService`:
  // `npm ci` or `npm install`, then `npm run build`) in the deploy workflow, where the AWS
  // credentials that deploy the stack are set. npm runs a package's `preinstall`, `install`,
  // `postinstall` and `prepare` scripts on install (npm Docs, "scripts": life cycle scripts), and
  // `build` is whatever package.json says: a command there runs with the deploy role, which no
  // rule of the template's bounds. The classifier reads only templates, so the change is low.
  const TEMPLATE = {
    path: 'services/orders-api/template.json',
    role: 'template' as const,
    content: JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Q: QUEUE } }),
  };
  const packageJson = (scripts: Record<string, string>) => ({
    path: 'services/orders-api/package.json',
    role: 'config' as const,
    content: JSON.stringify({ name: 'orders-api', version: '0.1.0', private: true, scripts }, null, 2),
  });
  const levelWith = (scripts: Record<string, string>) =>
    classifyRisk({
      files: [TEMPLATE, packageJson(scripts)],
      templatePath: TEMPLATE.path,
      targetEnvironment: 'staging',
      production: false,
    }).level;

  it('FAULT: a package.json install script the deploy run executes with its AWS credentials is low (build-time code with deploy credentials)', () => {
    expect(
      levelWith({
        build: 'esbuild src/handler.ts --bundle --platform=node --outdir=dist',
        postinstall:
          'aws iam attach-role-policy --role-name worker --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    ).toBe('high');
  });

  it("control: the blueprint's own build script (esbuild into dist/) stays low", () => {
    expect(
      levelWith({ build: 'esbuild src/handler.ts --bundle --platform=node --outdir=dist', test: 'jest' }),
    ).toBe('low');
  });
});

describe('review #9f attacks: a Lambda permission scoped in name only', () => {
  // `lambdaPermissionRisks` calls a service principal narrow when `SourceArn` or `SourceAccount`
  // is there; it reads neither value. A source in another account lets that account's rule (or
  // bucket, topic…) invoke the function (AWS Lambda Developer Guide, "Granting function access to
  // other accounts"), and `Ref: AWS::NoValue` removes the property when the stack is deployed (AWS
  // CloudFormation Template Reference, "Pseudo parameters": AWS::NoValue), leaving the service
  // principal unscoped: any account's use of the service may invoke it (the confused deputy).
  const permission = (scope: Record<string, unknown>) => ({
    Resources: {
      P: {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: { Ref: 'T' },
          Principal: 'events.amazonaws.com',
          ...scope,
        },
      },
      T: TOPIC,
    },
  });

  it("FAULT: a permission for EventBridge scoped to a rule in another account is low (access granted to another account's source)", () => {
    expect(levelOf(permission({ SourceArn: `arn:aws:events:us-east-1:${OTHER}:rule/forward` }))).toBe('high');
  });

  it('FAULT: a permission whose SourceArn is Ref AWS::NoValue (no source once deployed) is low (AWS::NoValue hides an absent scope)', () => {
    expect(levelOf(permission({ SourceArn: { Ref: 'AWS::NoValue' } }))).toBe('high');
  });

  it("controls: scoped to this account's rule stays low; no scope at all is high", () => {
    const own = { 'Fn::Sub': 'arn:aws:events:${AWS::Region}:${AWS::AccountId}:rule/nightly' };
    expect(levelOf(permission({ SourceArn: own }))).toBe('low');
    expect(levelOf(permission({}))).toBe('high');
  });
});
