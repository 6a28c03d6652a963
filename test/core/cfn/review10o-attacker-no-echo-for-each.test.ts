/**
 * Attacker pass (review #10o) on NoEcho outputs masked by structure (src/core/cfn/
 * outputs-referencing.ts `carryingNames`, mask-no-echo-outputs.ts), through the
 * `AWS::LanguageExtensions` transform's `Fn::ForEach`, which the secrets reading follows since
 * fix13 but the output masking does not. A `Fn::ForEach::<Loop>` entry of `Resources` makes one
 * resource per item under the key it names (`Copy${Env}` → `CopyStaging`); handed the NoEcho value,
 * each carries it, and an output reading `!GetAtt CopyStaging.Value` gives it back. The walk keys
 * carriers by the entry's own key (`Fn::ForEach::Copies`), never by the resources it makes. A
 * `Fn::ForEach` entry of `Outputs` (allowed there too: AWS CloudFormation User Guide,
 * "Fn::ForEach", *Replicate outputs*) is a list, not a mapping with a `Value`, so the outputs it
 * makes are not looked at at all; the `!Base64` of the password there is no substring the
 * fallback test finds. A fault is `it.failing` asserting the right answer; an attack refused is
 * an ordinary test.
 * Fixed (fix14h): loops in `Resources` and `Outputs` are expanded (`expandForEach`), failing
 * closed when one cannot be; each FAULT below is now an ordinary test.
 */
import { maskNoEchoOutputs, NO_ECHO_MARKER } from '../../../src/core/cfn/mask-no-echo-outputs.js';

const PASSWORD = 'Zq8-vR2mL0pWx7Nt';
const ENCODED = Buffer.from(PASSWORD).toString('base64');

const template = (resources: string, outputs: string) =>
  [
    'Transform: AWS::LanguageExtensions',
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

const COPIES = [
  '  Fn::ForEach::Copies:',
  '    - Env',
  '    - [Staging, Prod]',
  '    - Copy${Env}:',
  '        Type: AWS::SSM::Parameter',
  '        Properties:',
  '          Type: String',
  '          Name: !Sub /shop/${Env}/db-password',
  '          Value: !Base64 { Ref: DbPassword }',
].join('\n');

describe('review10o attacker: NoEcho values carried by resources and outputs Fn::ForEach makes', () => {
  it('FAULT: !GetAtt CopyStaging.Value of a resource made by Fn::ForEach from the password is masked', () => {
    const body = template(COPIES, '  Leak:\n    Value: !GetAtt CopyStaging.Value');
    expect(mask(body, { Leak: ENCODED })).toEqual({ Leak: NO_ECHO_MARKER });
  });

  it('FAULT: outputs made by Fn::ForEach in Outputs, each !Base64 of the password, are masked', () => {
    const body = template(
      '  Bucket:\n    Type: AWS::S3::Bucket',
      [
        '  Fn::ForEach::Secrets:',
        '    - Env',
        '    - [Staging, Prod]',
        '    - Secret${Env}:',
        '        Value: !Base64 { Ref: DbPassword }',
      ].join('\n'),
    );
    expect(mask(body, { SecretStaging: ENCODED, SecretProd: ENCODED })).toEqual({
      SecretStaging: NO_ECHO_MARKER,
      SecretProd: NO_ECHO_MARKER,
    });
  });
});

describe('review10o attacker: NoEcho outputs around Fn::ForEach (refused)', () => {
  it('an output made by Fn::ForEach holding the password as it is is masked (substring test)', () => {
    const body = template(
      '  Bucket:\n    Type: AWS::S3::Bucket',
      [
        '  Fn::ForEach::Secrets:',
        '    - Env',
        '    - [Staging]',
        '    - Secret${Env}:',
        '        Value: !Ref DbPassword',
      ].join('\n'),
    );
    expect(mask(body, { SecretStaging: PASSWORD })).toEqual({ SecretStaging: NO_ECHO_MARKER });
  });

  it('a plain output of an unrelated resource beside the loop is kept', () => {
    const body = template(
      `${COPIES}\n  Bucket:\n    Type: AWS::S3::Bucket`,
      '  BucketName:\n    Value: !Ref Bucket',
    );
    expect(mask(body, { BucketName: 'shop-bucket-1a2b' })).toEqual({ BucketName: 'shop-bucket-1a2b' });
  });
});
