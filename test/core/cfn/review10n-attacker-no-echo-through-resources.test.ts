/**
 * Attacker pass (review #10n) on NoEcho outputs masked by structure
 * (src/core/cfn/outputs-referencing.ts, mask-no-echo-outputs.ts). `outputsReferencing` follows an
 * output's value through every intrinsic but `Fn::GetAtt` ("whose values are the resource's"), and
 * the fallback is a substring test of the value as passed. A template (model output) can hand the
 * NoEcho value to a resource whose attribute gives it back (an `AWS::SSM::Parameter`'s `Value`, a
 * nested stack's `Outputs.X`) and transform it on the way (`Fn::Base64`, `Fn::Select`/`Fn::Split`
 * in the resource's property or in the output), so the output carries the password in a form no
 * substring test finds and no structure walk reaches. A fault is `it.failing` asserting the right
 * answer; an attack refused is an ordinary test.
 */
import { maskNoEchoOutputs, NO_ECHO_MARKER } from '../../../src/core/cfn/mask-no-echo-outputs.js';

const PASSWORD = 'Zq8-vR2mL0pWx7Nt';

const template = (resources: string, outputs: string) =>
  [
    'Parameters:',
    '  DbPassword:',
    '    Type: String',
    '    NoEcho: true',
    'Resources:',
    resources,
    'Outputs:',
    outputs,
    '',
  ].join('\n');

const mask = (body: string, outputs: Record<string, string>) =>
  maskNoEchoOutputs({ template: body, parameters: { DbPassword: PASSWORD }, outputs });

describe('review10n attacker: a NoEcho value given back by a resource attribute', () => {
  it('fixed FAULT: an SSM parameter holding !Base64 of the password, output as !GetAtt Copy.Value, is masked', () => {
    const body = template(
      [
        '  Copy:',
        '    Type: AWS::SSM::Parameter',
        '    Properties:',
        '      Type: String',
        '      Value: !Base64 { Ref: DbPassword }',
      ].join('\n'),
      '  Leak:\n    Value: !GetAtt Copy.Value',
    );
    expect(mask(body, { Leak: Buffer.from(PASSWORD).toString('base64') })).toEqual({
      Leak: NO_ECHO_MARKER,
    });
  });

  it('fixed FAULT: pieces of an SSM parameter holding the password (!Select of !Split of !GetAtt Copy.Value) are masked', () => {
    const body = template(
      [
        '  Copy:',
        '    Type: AWS::SSM::Parameter',
        '    Properties:',
        '      Type: String',
        '      Value: !Ref DbPassword',
      ].join('\n'),
      [
        '  Head:',
        "    Value: !Select [0, !Split ['-', !GetAtt Copy.Value]]",
        '  Tail:',
        "    Value: !Select [1, !Split ['-', !GetAtt Copy.Value]]",
      ].join('\n'),
    );
    expect(mask(body, { Head: 'Zq8', Tail: 'vR2mL0pWx7Nt' })).toEqual({
      Head: NO_ECHO_MARKER,
      Tail: NO_ECHO_MARKER,
    });
  });

  it('fixed FAULT: a nested stack given the password, its output read back by !GetAtt Inner.Outputs.Encoded, is masked', () => {
    // The nested template (not NoEcho there) outputs !Base64 of its parameter.
    const body = template(
      [
        '  Inner:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties:',
        '      TemplateURL: nested/inner.yaml',
        '      Parameters:',
        '        Pw: !Ref DbPassword',
      ].join('\n'),
      '  Leak:\n    Value: !GetAtt Inner.Outputs.Encoded',
    );
    expect(mask(body, { Leak: Buffer.from(PASSWORD).toString('base64') })).toEqual({
      Leak: NO_ECHO_MARKER,
    });
  });
});

describe('review10n attacker: NoEcho outputs recognised (refused)', () => {
  it('!GetAtt Copy.Value giving the password back as it is is masked (substring test)', () => {
    const body = template(
      [
        '  Copy:',
        '    Type: AWS::SSM::Parameter',
        '    Properties:',
        '      Type: String',
        '      Value: !Ref DbPassword',
      ].join('\n'),
      '  Leak:\n    Value: !GetAtt Copy.Value',
    );
    expect(mask(body, { Leak: PASSWORD })).toEqual({ Leak: NO_ECHO_MARKER });
  });

  it('!Sub with a variable map whose value is !Base64 of the password is masked', () => {
    const body = template(
      '  Topic:\n    Type: AWS::SNS::Topic',
      "  Leak:\n    Value: !Sub ['x${E}', {E: !Base64 { Ref: DbPassword }}]",
    );
    expect(mask(body, { Leak: 'harmless-looking' })).toEqual({ Leak: NO_ECHO_MARKER });
  });

  it('long-form Fn::Sub list with the map under Fn::If is masked', () => {
    const body = JSON.stringify({
      Parameters: { DbPassword: { Type: 'String', NoEcho: true } },
      Resources: { Topic: { Type: 'AWS::SNS::Topic' } },
      Outputs: {
        Leak: { Value: { 'Fn::Sub': ['${E}', { E: { 'Fn::If': ['C', { Ref: 'DbPassword' }, 'none'] } }] } },
      },
    });
    expect(mask(body, { Leak: 'x' })).toEqual({ Leak: NO_ECHO_MARKER });
  });
});

describe('fix13i: the value followed through resources, and only there', () => {
  it('a chain of resources (Copy → Again) carries it; an output of an unrelated resource is kept', () => {
    const body = template(
      [
        '  Copy:',
        '    Type: AWS::SSM::Parameter',
        '    Properties:',
        '      Value: !Base64 { Ref: DbPassword }',
        '  Again:',
        '    Type: AWS::SSM::Parameter',
        '    Properties:',
        "      Value: !Sub '${Copy.Value}-x'",
        '  Topic:',
        '    Type: AWS::SNS::Topic',
      ].join('\n'),
      ['  Leak:', '    Value: !GetAtt [Again, Value]', '  TopicArn:', '    Value: !Ref Topic'].join('\n'),
    );
    expect(mask(body, { Leak: 'anything', TopicArn: 'arn:aws:sns:x' })).toEqual({
      Leak: NO_ECHO_MARKER,
      TopicArn: 'arn:aws:sns:x',
    });
  });
});
