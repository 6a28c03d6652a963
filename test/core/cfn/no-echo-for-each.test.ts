/**
 * Outputs masked through `Fn::ForEach` loops (src/core/cfn/expand-for-each.ts, used by
 * outputs-referencing.ts and secret-attribute-outputs.ts), beyond the review10o cases: nested
 * loops, `&{Identifier}` and `{ Ref: Identifier }`, resources with secret attributes made by a
 * loop, and loops that cannot be expanded (a collection that is the stack's parameter), which fail
 * closed.
 */
import { expandForEach } from '../../../src/core/cfn/expand-for-each.js';
import {
  maskNoEchoOutputs,
  NO_ECHO_MARKER,
  SECRET_ATTRIBUTE_MARKER,
} from '../../../src/core/cfn/mask-no-echo-outputs.js';
import { includesOutput } from '../../../src/core/cfn/output-names.js';
import { outputsReferencing } from '../../../src/core/cfn/outputs-referencing.js';

const PASSWORD = 'Zq8-vR2mL0pWx7Nt';

const template = (resources: string[], outputs: string[]) =>
  [
    'Transform: AWS::LanguageExtensions',
    'Parameters:',
    '  DbPassword:',
    '    Type: String',
    '    NoEcho: true',
    '  Envs:',
    '    Type: CommaDelimitedList',
    '    Default: Staging,Prod',
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    ...resources,
    'Outputs:',
    '  BucketName:',
    '    Value: !Ref Bucket',
    ...outputs,
    '',
  ].join('\n');

const mask = (body: string, outputs: Record<string, string>) =>
  maskNoEchoOutputs({ template: body, parameters: { DbPassword: PASSWORD }, outputs });

describe('expandForEach', () => {
  it('expands nested loops, filling ${Id}, &{Id} and { Ref: Id } in keys and values', () => {
    const expanded = expandForEach({
      'Fn::ForEach::Envs': [
        'Env',
        ['eu-west', 'us'],
        {
          'Fn::ForEach::Tiers': [
            'Tier',
            ['A', 'B'],
            {
              'Topic&{Env}${Tier}': {
                Properties: { Name: { Ref: 'Env' }, Sub: { 'Fn::Sub': '${Env}-${Tier}' } },
              },
            },
          ],
        },
      ],
      Plain: { Type: 'AWS::S3::Bucket' },
    });
    expect(expanded.complete).toBe(true);
    expect(expanded.entries.map(([name]) => name)).toEqual([
      'TopiceuwestA',
      'TopiceuwestB',
      'TopicusA',
      'TopicusB',
      'Plain',
    ]);
    expect(expanded.entries[0]?.[1]).toEqual({
      Properties: { Name: 'eu-west', Sub: { 'Fn::Sub': 'eu-west-A' } },
    });
  });

  it('is not complete for a loop over a parameter (its value is the stack’s, not the default)', () => {
    const expanded = expandForEach({ 'Fn::ForEach::X': ['Env', { Ref: 'Envs' }, { 'T${Env}': {} }] });
    expect(expanded).toEqual({ entries: [], complete: false });
  });
});

describe('NoEcho and secret attribute outputs through Fn::ForEach', () => {
  it('masks an output reading a loop-made resource two loops deep that was handed the password', () => {
    const body = template(
      [
        '  Fn::ForEach::Regions:',
        '    - Region',
        '    - [East, West]',
        '    - Fn::ForEach::Envs:',
        '        - Env',
        '        - [Staging, Prod]',
        '        - Copy${Region}${Env}:',
        '            Type: AWS::SSM::Parameter',
        '            Properties:',
        '              Type: String',
        '              Value: !Join ["", [!Ref DbPassword]]',
      ],
      ['  Leak:', '    Value: !GetAtt CopyWestProd.Value'],
    );
    expect(mask(body, { Leak: 'encoded', BucketName: 'b' })).toEqual({
      Leak: NO_ECHO_MARKER,
      BucketName: 'b',
    });
  });

  it('masks an output reading the SecretAccessKey of an access key a loop makes', () => {
    const body = template(
      [
        '  Fn::ForEach::Keys:',
        '    - User',
        '    - [deployer, reader]',
        '    - Key&{User}:',
        '        Type: AWS::IAM::AccessKey',
        '        Properties:',
        '          UserName: !Ref User',
      ],
      ['  Secret:', '    Value: !GetAtt Keydeployer.SecretAccessKey'],
    );
    expect(mask(body, { Secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', BucketName: 'b' })).toEqual({
      Secret: SECRET_ATTRIBUTE_MARKER,
      BucketName: 'b',
    });
  });

  it('fails closed on a resource loop over a parameter: outputs reading what it may make are masked', () => {
    const body = template(
      [
        '  Fn::ForEach::Copies:',
        '    - Env',
        '    - !Ref Envs',
        '    - Copy${Env}:',
        '        Type: AWS::SSM::Parameter',
        '        Properties:',
        '          Type: String',
        '          Value: !Base64 { Ref: DbPassword }',
      ],
      ['  Leak:', '    Value: !GetAtt CopyStaging.Value'],
    );
    expect(includesOutput(outputsReferencing(body, new Set(['DbPassword'])), 'Leak')).toBe(true);
    expect(includesOutput(outputsReferencing(body, new Set(['DbPassword'])), 'BucketName')).toBe(false);
    // The secret attribute reading fails closed on the same loop (it may make access keys) first.
    expect(mask(body, { Leak: 'encoded', BucketName: 'b' })).toEqual({
      Leak: SECRET_ATTRIBUTE_MARKER,
      BucketName: 'b',
    });
  });

  it('fails closed on an output loop over a parameter: outputs the template does not name are masked', () => {
    const body = template(
      [],
      ['  Fn::ForEach::Outs:', '    - Env', '    - !Ref Envs', '    - Out${Env}:', '        Value: !Ref Env'],
    );
    expect(mask(body, { OutStaging: 'Staging', BucketName: 'b' })).toEqual({
      OutStaging: NO_ECHO_MARKER,
      BucketName: 'b',
    });
  });
});
