/**
 * Attacker pass (review #10m) on NoEcho masking of stack outputs
 * (src/core/cfn/mask-no-echo-outputs.ts, used by deployStack and redactDeployment). The mask
 * compares output values with the NoEcho parameter's value as a substring; a template (model
 * output) that hands the value to an output transformed by an intrinsic CloudFormation evaluates
 * (Fn::Base64, Fn::Select over Fn::Split) puts the password, or pieces of it, in an output no
 * substring test recognises. Also the NoEcho parameter's value must not reach the stored record
 * through a parameter's case-variant of the NoEcho flag. A fault is `it.failing` asserting the
 * right answer; an attack refused is an ordinary test.
 *
 * Fixed (fix10e): outputs are masked by structure (`outputsReferencing`), not only by substring.
 */
import { maskNoEchoOutputs, NO_ECHO_MARKER } from '../../../src/core/cfn/mask-no-echo-outputs.js';
import { redactDeployment } from '../../../src/core/stores/redact-deployment.js';

const PASSWORD = 'Zq8-vR2mL0pWx7Nt';

const templateWith = (outputs: string, noEcho = 'true') =>
  [
    'Parameters:',
    '  DbPassword:',
    '    Type: String',
    `    NoEcho: ${noEcho}`,
    'Resources:',
    '  Topic:',
    '    Type: AWS::SNS::Topic',
    'Outputs:',
    outputs,
    '',
  ].join('\n');

describe('review10m attacker: a NoEcho value transformed on its way to an output', () => {
  it('an output !Base64 !Ref DbPassword (CloudFormation evaluates it to the base64 of the password) is masked', () => {
    const outputs = maskNoEchoOutputs({
      template: templateWith('  Encoded:\n    Value: !Base64 { Ref: DbPassword }'),
      parameters: { DbPassword: PASSWORD },
      outputs: { Encoded: Buffer.from(PASSWORD).toString('base64') },
    });
    expect(outputs['Encoded']).toBe(NO_ECHO_MARKER);
  });

  it('outputs that each Select one piece of the password split on "-" are masked (together they are the password)', () => {
    const outputs = maskNoEchoOutputs({
      template: templateWith(
        [
          '  Head:',
          "    Value: !Select [0, !Split ['-', !Ref DbPassword]]",
          '  Tail:',
          "    Value: !Select [1, !Split ['-', !Ref DbPassword]]",
        ].join('\n'),
      ),
      parameters: { DbPassword: PASSWORD },
      outputs: { Head: 'Zq8', Tail: 'vR2mL0pWx7Nt' },
    });
    expect(outputs).toEqual({ Head: NO_ECHO_MARKER, Tail: NO_ECHO_MARKER });
  });

  it('the stored deployment record does not keep the base64 of the password as an output', async () => {
    const stored = await redactDeployment({
      repository: 'acme/shop',
      environment: 'staging',
      deploymentId: 7,
      sha: 'a'.repeat(40),
      stackName: 'shop-staging',
      template: templateWith('  Encoded:\n    Value: !Base64 { Ref: DbPassword }'),
      parameters: { DbPassword: PASSWORD },
      outputs: { Encoded: Buffer.from(PASSWORD).toString('base64') },
    });
    expect(JSON.stringify(stored)).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });
});

describe('review10m attacker: NoEcho spellings and echoes that are recognised (refused)', () => {
  it.each([['true'], ["'true'"], ['"TRUE"'], ['True']])(
    'NoEcho: %s withholds the parameter and its echo',
    async (flag) => {
      const stored = await redactDeployment({
        repository: 'acme/shop',
        environment: 'staging',
        deploymentId: 8,
        sha: 'a'.repeat(40),
        stackName: 'shop-staging',
        template: templateWith('  Echo:\n    Value: !Ref DbPassword', flag),
        parameters: { DbPassword: PASSWORD },
        outputs: { Echo: `pw:${PASSWORD}` },
      });
      expect(JSON.stringify(stored.parameters)).not.toContain(PASSWORD);
      expect(JSON.stringify(stored.outputs)).not.toContain(PASSWORD);
    },
  );

  it('a JSON template with NoEcho masks the echoing output', () => {
    const template = JSON.stringify({
      Parameters: { DbPassword: { Type: 'String', NoEcho: true } },
      Resources: { Topic: { Type: 'AWS::SNS::Topic' } },
      Outputs: { Echo: { Value: { 'Fn::Sub': 'x${DbPassword}y' } } },
    });
    expect(
      maskNoEchoOutputs({
        template,
        parameters: { DbPassword: PASSWORD },
        outputs: { Echo: `x${PASSWORD}y` },
      }),
    ).toEqual({ Echo: NO_ECHO_MARKER });
  });
});

describe('fix10e: outputs referring to a NoEcho parameter through any intrinsic are masked by structure', () => {
  const mask = (value: string, output: string) =>
    maskNoEchoOutputs({
      template: templateWith(`  Out:\n    Value: ${value}`),
      parameters: { DbPassword: PASSWORD },
      outputs: { Out: output },
    })['Out'];

  it.each([
    ['!Join [":", [!Ref DbPassword, "x"]]'],
    ['!Sub "${DbPassword}"'],
    ['!Sub ["${Pw}", { Pw: !Ref DbPassword }]'],
    ['!If [Cond, !Base64 { Ref: DbPassword }, "none"]'],
    ['{ "Fn::Base64": { "Fn::Join": ["", [{ "Ref": "DbPassword" }]] } }'],
    ['!Select [2, !Split ["m", !Base64 { Ref: DbPassword }]]'],
  ])('%s is masked whatever the value looks like', (value) => {
    expect(mask(value, 'looks-harmless')).toBe(NO_ECHO_MARKER);
  });

  it.each([
    ['!Ref Topic'],
    ['!GetAtt Topic.TopicName'],
    ['!Sub "${!DbPassword}"'],
    ['!Sub "${AWS::Region}"'],
  ])('%s (no reference to the NoEcho parameter) is kept', (value) => {
    expect(mask(value, 'arn:aws:sns:eu-west-1:1:t')).toBe('arn:aws:sns:eu-west-1:1:t');
  });

  it('an output referring to a parameter that is not NoEcho is kept', () => {
    expect(
      maskNoEchoOutputs({
        template: templateWith('  Out:\n    Value: !Base64 { Ref: DbPassword }', 'false'),
        parameters: { DbPassword: PASSWORD },
        outputs: { Out: 'abc' },
      }),
    ).toEqual({ Out: 'abc' });
  });
});
