import { describe, expect, it } from '@jest/globals';
import { reasonsOf } from './risk-of.js';

// Environment variables the Lambda runtime acts on before the handler runs: a wrapper script, a
// preloaded library, a Java agent, a Node.js `--require`/`--import`, a module path. The code they
// name is in a layer or the image, not in this change (AWS Lambda Developer Guide, "Working with
// Lambda environment variables", "Modifying the runtime environment").

const ROLE = { 'Fn::GetAtt': ['R', 'Arn'] };
/** The reasons but the role's own (an IAM role is always high), to read what the environment adds. */
const environmentReasons = (body: Record<string, unknown>) =>
  reasonsOf(body).filter((reason) => !reason.startsWith('iam-resource') && !reason.includes('Resources.R'));
const lambda = (variables: unknown) => ({
  Resources: {
    R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
    F: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: ROLE,
        Code: { ZipFile: 'exports.handler = async () => 1;' },
        Environment: { Variables: variables },
      },
    },
  },
});
const WHERE = 'Resources.F.Properties.Environment.Variables';

describe('Lambda environment variables that load code', () => {
  it.each([
    ['NODE_OPTIONS with --require', { NODE_OPTIONS: '--require /opt/hook.js' }, 'NODE_OPTIONS'],
    ['NODE_OPTIONS with -r', { NODE_OPTIONS: '--enable-source-maps -r /opt/x' }, 'NODE_OPTIONS'],
    ['NODE_OPTIONS with --import', { NODE_OPTIONS: '--import=/opt/x.mjs' }, 'NODE_OPTIONS'],
    [
      'NODE_OPTIONS with --experimental-loader',
      { NODE_OPTIONS: '--experimental-loader /opt/l.mjs' },
      'NODE_OPTIONS',
    ],
    ['NODE_OPTIONS with --inspect', { NODE_OPTIONS: '--inspect=0.0.0.0:9229' }, 'NODE_OPTIONS'],
    ['AWS_LAMBDA_EXEC_WRAPPER', { AWS_LAMBDA_EXEC_WRAPPER: '/opt/wrapper' }, 'AWS_LAMBDA_EXEC_WRAPPER'],
    ['LD_PRELOAD', { LD_PRELOAD: '/opt/lib/x.so' }, 'LD_PRELOAD'],
    ['JAVA_TOOL_OPTIONS', { JAVA_TOOL_OPTIONS: '-javaagent:/opt/agent.jar' }, 'JAVA_TOOL_OPTIONS'],
    ['PYTHONPATH', { PYTHONPATH: '/opt/evil' }, 'PYTHONPATH'],
    ['PYTHONSTARTUP', { PYTHONSTARTUP: '/opt/start.py' }, 'PYTHONSTARTUP'],
    ['NODE_PATH', { NODE_PATH: '/opt/nodejs' }, 'NODE_PATH'],
    ['DOTNET_STARTUP_HOOKS', { DOTNET_STARTUP_HOOKS: '/opt/hook.dll' }, 'DOTNET_STARTUP_HOOKS'],
  ])('%s is unseen-effect at the variable', (_name, variables, variable) => {
    expect(environmentReasons(lambda({ TABLE: 'orders', ...variables }))).toEqual([
      `unseen-effect ${WHERE}.${variable}`,
    ]);
  });

  it('a NODE_OPTIONS set in one Fn::If branch is judged too', () => {
    const body = {
      ...lambda({ 'Fn::If': ['C', { A: 'b' }, { NODE_OPTIONS: '--require /opt/x.js' }] }),
      Conditions: { C: { 'Fn::Equals': ['a', 'b'] } },
    };
    expect(environmentReasons(body)).toEqual([`unseen-effect ${WHERE}.Fn::If[2].NODE_OPTIONS`]);
  });

  it('a NODE_OPTIONS from a parameter is unresolved-value', () => {
    const body = {
      ...lambda({ NODE_OPTIONS: { Ref: 'Options' } }),
      Parameters: { Options: { Type: 'String' } },
    };
    expect(environmentReasons(body)).toEqual([`unresolved-value ${WHERE}.NODE_OPTIONS`]);
  });

  it('on a SAM function and in SAM Globals.Function', () => {
    const sam = {
      Transform: 'AWS::Serverless-2016-10-31',
      Globals: { Function: { Environment: { Variables: { AWS_LAMBDA_EXEC_WRAPPER: '/opt/w' } } } },
      Resources: {
        F: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Runtime: 'nodejs22.x',
            Handler: 'index.handler',
            Role: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/r' },
            InlineCode: 'exports.handler = async () => 1;',
            Environment: { Variables: { LD_PRELOAD: '/opt/x.so' } },
          },
        },
      },
    };
    const reasons = reasonsOf(sam);
    expect(reasons).toContain(`unseen-effect ${WHERE}.LD_PRELOAD`);
    expect(reasons).toContain('unseen-effect Globals.Function.Environment.Variables.AWS_LAMBDA_EXEC_WRAPPER');
  });

  it('control: plain settings and tuning NODE_OPTIONS stay low, like the blueprints (ENVIRONMENT_NAME, TABLE_NAME)', () => {
    expect(
      environmentReasons(
        lambda({
          ENVIRONMENT_NAME: 'staging',
          TABLE_NAME: { Ref: 'AWS::StackName' },
          NODE_OPTIONS: '--enable-source-maps --max-old-space-size=512',
          node_options: '--require /opt/x.js',
        }),
      ),
    ).toEqual([]);
  });
});
