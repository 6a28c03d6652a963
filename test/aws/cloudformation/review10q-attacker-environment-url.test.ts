/**
 * Attacker pass (review #10q) on the environment URL as an output channel
 * (src/aws/cloudformation/deploy-stack.ts `deployStack`, choose-environment-url.ts). The URL goes
 * to the GitHub deployment status, the deploy report, the Action's `environment-url` output and the
 * task record, so it must never carry what the stack's outputs withhold. `deployStack` masks the
 * outputs by their names (`maskNoEchoOutputs`: an output reading a secret attribute or a NoEcho
 * parameter), but judges the URL as `mask({ environmentUrl })`, under the name `environmentUrl`,
 * which no output has: only "the value holds a NoEcho parameter's whole value" still works.
 * Attacked: an `ApiUrl` output whose path carries an AppSync API key (`${Key.ApiKey}`, a form
 * no scanner knows), and one carrying a piece of a NoEcho parameter (`Fn::Split`). Control: the
 * outputs themselves are masked. A fault is `it.failing` asserting the right answer; an attack
 * refused is an ordinary test.
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  UpdateTerminationProtectionCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { deployStack } from '../../../src/aws/cloudformation/deploy-stack.js';
import {
  CHANGE_SET_ID,
  CHANGE_SET_NAME,
  REGION,
  STACK_ID,
  STACK_NAME,
  changeSetAnswer,
  describeStacksAnswer,
  eventsAnswer,
  resourceChange,
  stackDoesNotExist,
  stackItself,
} from './helpers/cloudformation-fixtures.js';
import { collectLog, virtualClock } from './helpers/virtual-clock.js';

const cfnMock = mockClient(CloudFormationClient);
const cfn = new CloudFormationClient({ region: REGION });

/** An AppSync API key (`da2-` and 26 letters), made up. */
const API_KEY = 'da2-q7xk2mvb4rl9tw3hz6pc5nd8ye';

/** Deploys `template` to a new stack whose outputs come back as `outputs`. */
async function deployWithOutputs(params: {
  template: string;
  parameters: Record<string, string>;
  outputs: Record<string, string>;
}) {
  cfnMock
    .on(DescribeStacksCommand)
    .rejectsOnce(stackDoesNotExist())
    .resolves(
      describeStacksAnswer('CREATE_COMPLETE', {
        Outputs: Object.entries(params.outputs).map(([OutputKey, OutputValue]) => ({
          OutputKey,
          OutputValue,
        })),
      }),
    );
  cfnMock
    .on(DescribeStackEventsCommand)
    .resolvesOnce(eventsAnswer([stackItself('REVIEW_IN_PROGRESS', 1, 'User Initiated')]))
    .resolves(
      eventsAnswer([
        stackItself('REVIEW_IN_PROGRESS', 1, 'User Initiated'),
        stackItself('CREATE_IN_PROGRESS', 10, 'User Initiated'),
        stackItself('CREATE_COMPLETE', 42),
      ]),
    );
  cfnMock.on(DescribeChangeSetCommand).resolves(
    changeSetAnswer('CREATE_COMPLETE', {
      Changes: [resourceChange('Add', 'Api', 'AWS::AppSync::GraphQLApi')],
    }),
  );
  const clock = virtualClock();
  return deployStack({
    cfn,
    stackName: STACK_NAME,
    templateBody: params.template,
    parameters: params.parameters,
    tags: {},
    recreateRolledBackStack: false,
    terminationProtection: false,
    changeSetName: CHANGE_SET_NAME,
    dryRun: false,
    timeoutMs: 1_800_000,
    sleep: clock.sleep,
    now: clock.now,
    log: collectLog().log,
  });
}

const APPSYNC_TEMPLATE = [
  'Resources:',
  '  Api:',
  '    Type: AWS::AppSync::GraphQLApi',
  '    Properties:',
  '      Name: orders',
  '      AuthenticationType: API_KEY',
  '  Key:',
  '    Type: AWS::AppSync::ApiKey',
  '    Properties:',
  '      ApiId: !GetAtt Api.ApiId',
  'Outputs:',
  '  ApiUrl:',
  "    Value: !Sub 'https://ingest.example.com/hooks/${Key.ApiKey}'",
  '',
].join('\n');

const NO_ECHO_TEMPLATE = [
  'Parameters:',
  '  Credential:',
  '    Type: String',
  '    NoEcho: true',
  'Resources:',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  'Outputs:',
  '  ApiUrl:',
  "    Value: !Sub ['https://ingest.example.com/hooks/${T}', { T: !Select [1, !Split [':', !Ref Credential]] }]",
  '',
].join('\n');
const TOKEN_PART = 'Vq8Lm3Zt7Kw2Rb9Nx4Hc6Pj1Yd5Gs0F';

beforeEach(() => {
  cfnMock.reset();
  cfnMock.on(CreateChangeSetCommand).resolves({ Id: CHANGE_SET_ID, StackId: STACK_ID });
  cfnMock.on(ExecuteChangeSetCommand).resolves({});
  cfnMock.on(DeleteChangeSetCommand).resolves({});
  cfnMock.on(UpdateTerminationProtectionCommand).resolves({ StackId: STACK_ID });
});

describe('review10q attacker: the environment URL carries what the outputs withhold', () => {
  it('the output reading the AppSync API key is masked (control)', async () => {
    const url = `https://ingest.example.com/hooks/${API_KEY}`;
    const result = await deployWithOutputs({
      template: APPSYNC_TEMPLATE,
      parameters: {},
      outputs: { ApiUrl: url },
    });
    expect(result.finalStatus).toBe('success');
    expect(result.outputs['ApiUrl']).not.toContain(API_KEY);
  });

  it('fixed FAULT: the environment URL taken from that output does not carry the API key', async () => {
    const url = `https://ingest.example.com/hooks/${API_KEY}`;
    const result = await deployWithOutputs({
      template: APPSYNC_TEMPLATE,
      parameters: {},
      outputs: { ApiUrl: url },
    });
    expect(result.finalStatus).toBe('success');
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it('fixed FAULT: the environment URL from an output built of a NoEcho parameter’s piece does not carry it', async () => {
    const url = `https://ingest.example.com/hooks/${TOKEN_PART}`;
    const result = await deployWithOutputs({
      template: NO_ECHO_TEMPLATE,
      parameters: { Credential: `orders:${TOKEN_PART}` },
      outputs: { ApiUrl: url },
    });
    expect(result.finalStatus).toBe('success');
    expect(result.outputs['ApiUrl']).not.toContain(TOKEN_PART); // the output itself is masked
    expect(JSON.stringify(result)).not.toContain(TOKEN_PART);
  });

  it('says the environment URL is withheld, naming the output it came from', async () => {
    const result = await deployWithOutputs({
      template: APPSYNC_TEMPLATE,
      parameters: {},
      outputs: { ApiUrl: `https://ingest.example.com/hooks/${API_KEY}` },
    });
    expect(result.environmentUrl).toBeUndefined();
    expect(result.warnings.join('\n')).toMatch(/environment URL is not shown.*ApiUrl.*withheld/);
  });

  it('an environment URL from an output that reads no secret is still shown, without a warning', async () => {
    const template = APPSYNC_TEMPLATE.replace('${Key.ApiKey}', '${Api.ApiId}');
    const url = 'https://ingest.example.com/hooks/abcdefghijklmnopqrstuvwxyz';
    const result = await deployWithOutputs({ template, parameters: {}, outputs: { ApiUrl: url } });
    expect(result.environmentUrl).toBe(url);
    expect(result.warnings.join('\n')).not.toMatch(/environment URL/);
  });

  it('says so when the URL comes from an output built of a NoEcho parameter', async () => {
    const result = await deployWithOutputs({
      template: NO_ECHO_TEMPLATE,
      parameters: { Credential: `orders:${TOKEN_PART}` },
      outputs: { ApiUrl: `https://ingest.example.com/hooks/${TOKEN_PART}` },
    });
    expect(result.environmentUrl).toBeUndefined();
    expect(result.warnings.join('\n')).toMatch(/environment URL is not shown.*ApiUrl/);
  });
});
