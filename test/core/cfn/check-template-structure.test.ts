import { checkTemplateStructure } from '../../../src/core/cfn/check-template-structure.js';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import { formatTemplateIssue } from '../../../src/core/cfn/template-issue.js';
import { ordersApiYaml, queueJson } from './template-fixtures.js';

function issuesIn(text: string): string[] {
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new Error(`fixture does not parse: ${parsed.message}`);
  return checkTemplateStructure(parsed.template).map(formatTemplateIssue);
}

/** A minimal valid template with `extra` YAML appended under the function's Properties. */
function withFunctionProperties(extra: string): string {
  return `Parameters:
  Stage:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  OrdersRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  OrdersFunction:
    Type: AWS::Lambda::Function
    Properties:
${extra.replace(/^/gm, '      ')}
`;
}

describe('checkTemplateStructure', () => {
  it('finds nothing wrong in a sound YAML template using every short form', () => {
    expect(issuesIn(ordersApiYaml)).toEqual([]);
  });

  it('finds nothing wrong in a sound JSON template', () => {
    expect(issuesIn(queueJson)).toEqual([]);
  });

  it('reports a GetAtt to a resource that does not exist, where it is', () => {
    expect(issuesIn(withFunctionProperties('Role: !GetAtt OrderRole.Arn'))).toEqual([
      'Resources.OrdersFunction.Properties.Role: Fn::GetAtt target "OrderRole" is not a resource (did you mean "OrdersRole"?)',
    ]);
  });

  it('reports a GetAtt to a parameter', () => {
    expect(issuesIn(withFunctionProperties('Role: !GetAtt [Stage, Arn]'))).toEqual([
      'Resources.OrdersFunction.Properties.Role: Fn::GetAtt target "Stage" is a parameter, not a resource',
    ]);
  });

  it('reports a Ref to an undeclared name, and accepts pseudo parameters', () => {
    const issues = issuesIn(
      withFunctionProperties(
        'Environment:\n  Variables:\n    A: !Ref Stag\n    B: !Ref AWS::Region\n    C: !Ref AWS::Regoin',
      ),
    );
    expect(issues).toEqual([
      'Resources.OrdersFunction.Properties.Environment.Variables.A: Ref target "Stag" is not a parameter, resource or pseudo parameter (did you mean "Stage"?)',
      'Resources.OrdersFunction.Properties.Environment.Variables.C: Ref target "AWS::Regoin" is not a parameter, resource or pseudo parameter (did you mean "AWS::Region"?)',
    ]);
  });

  it('reports a Ref that is not a string', () => {
    expect(issuesIn(withFunctionProperties('Role: !Ref [OrdersRole]'))).toEqual([
      'Resources.OrdersFunction.Properties.Role: Ref must name a parameter or resource as a string, got a list of 1',
    ]);
  });

  it('checks Fn::Sub placeholders, skipping ${!Literal} and honouring the variable map', () => {
    const issues = issuesIn(
      withFunctionProperties(
        [
          'Description: !Sub "${!Literal} ${Stage} ${AWS::AccountId} ${OrdersRole.Arn} ${Missing}"',
          'FunctionName: !Sub',
          '  - "${Name}-${!Also.Literal}-${Unmapped}-${Stage.Arn}"',
          '  - Name: !Ref Nowhere',
        ].join('\n'),
      ),
    );
    expect(issues).toEqual([
      'Resources.OrdersFunction.Properties.Description: Fn::Sub variable "${Missing}" is not a parameter, resource, pseudo parameter or key of the variable map',
      'Resources.OrdersFunction.Properties.FunctionName: Fn::Sub variable "${Unmapped}" is not a parameter, resource, pseudo parameter or key of the variable map',
      'Resources.OrdersFunction.Properties.FunctionName: Fn::Sub variable "${Stage.Arn}" refers to "Stage", which is a parameter, not a resource',
      'Resources.OrdersFunction.Properties.FunctionName.Fn::Sub[1].Name: Ref target "Nowhere" is not a parameter, resource or pseudo parameter',
    ]);
  });

  it('reports an Fn::If on an undefined condition and condition references inside conditions', () => {
    expect(issuesIn(withFunctionProperties('MemorySize: !If [IsPrd, 1024, 128]'))).toEqual([
      'Resources.OrdersFunction.Properties.MemorySize: Fn::If condition "IsPrd" is not defined in Conditions (did you mean "IsProd"?)',
    ]);
    const conditions = withFunctionProperties('MemorySize: 128').replace(
      '  IsProd: !Equals [!Ref Stage, prod]',
      '  IsProd: !Equals [!Ref Stage, prod]\n  IsBig: !And [!Condition IsProd, !Condition IsHuge]',
    );
    expect(issuesIn(conditions)).toEqual([
      'Conditions.IsBig.Fn::And[1]: Condition condition "IsHuge" is not defined in Conditions',
    ]);
  });

  it('reports DependsOn and Condition attributes that point nowhere', () => {
    const text = withFunctionProperties('MemorySize: 128').replace(
      '    Type: AWS::Lambda::Function\n',
      '    Type: AWS::Lambda::Function\n    DependsOn: [OrdersRole, OrdersQueue]\n    Condition: IsStaging\n',
    );
    expect(issuesIn(text)).toEqual([
      'Resources.OrdersFunction.DependsOn: DependsOn target "OrdersQueue" is not a resource',
      'Resources.OrdersFunction.Condition: condition "IsStaging" is not defined in Conditions',
    ]);
  });

  it('reports malformed resource types and logical IDs', () => {
    const text = `Resources:
  Good:
    Type: Custom::OrderSeeder
  Also-Bad:
    Type: AWS::S3::Bucket
  Typeless:
    Properties: {}
  ShortType:
    Type: AWS::Lambda
  Sam:
    Type: AWS::Serverless::Function
`;
    expect(issuesIn(text)).toEqual([
      'Resources.Also-Bad: logical ID "Also-Bad" must contain only letters A-Z, a-z and digits 0-9',
      'Resources.Typeless.Type: is missing; every resource needs a Type such as AWS::S3::Bucket',
      'Resources.ShortType.Type: "AWS::Lambda" is not a resource type (expected Provider::Service::Resource such as AWS::Lambda::Function, or Custom::Name)',
    ]);
  });

  it('requires a non-empty Resources map at the top of a mapping', () => {
    expect(issuesIn('Description: nothing\n')).toEqual([
      'Resources: is missing; a template needs at least one resource',
    ]);
    expect(issuesIn('Resources: {}\n')).toEqual([
      'Resources: is empty; a template needs at least one resource',
    ]);
    expect(issuesIn('Resources: [a]\n')).toEqual([
      'Resources: must be a mapping of logical IDs to resources',
    ]);
    expect(issuesIn('- just a list\n')).toEqual([
      'Template: must be a mapping with a Resources section at the top level',
    ]);
    expect(issuesIn('')).toEqual(['Template: must be a mapping with a Resources section at the top level']);
  });

  it('requires a Type on parameters and a Value on outputs', () => {
    const text = `Parameters:
  Stage:
    Default: dev
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  BucketName:
    Description: no value here
  BucketArn:
    Value: !GetAtt Bucket.Arn
`;
    expect(issuesIn(text)).toEqual([
      'Parameters.Stage.Type: is missing; every parameter needs a Type such as String or Number',
      'Outputs.BucketName.Value: is missing; every output needs a Value',
    ]);
  });

  it('reports unknown sections and resource attributes a model might invent', () => {
    const text = `Resource:
  Bucket:
    Type: AWS::S3::Bucket
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    BucketName: orders
`;
    expect(issuesIn(text)).toEqual([
      expect.stringMatching(/^Resource: "Resource" is not a template section/),
      'Resources.Bucket.BucketName: "BucketName" is not a resource attribute; resource settings belong under Properties',
    ]);
  });

  it('checks the argument counts and mappings of intrinsic functions', () => {
    const text = withFunctionProperties(
      [
        'Handler: !Join [",", a, b]',
        'Runtime: !FindInMap [Runtimes, !Ref Stage, Name]',
        'Timeout: !Select [0]',
        'Code: { "Fn::Joyn": [",", []] }',
      ].join('\n'),
    );
    expect(issuesIn(text)).toEqual([
      'Resources.OrdersFunction.Properties.Handler: Fn::Join expects a list of 2 items, got 3',
      'Resources.OrdersFunction.Properties.Runtime: Fn::FindInMap map "Runtimes" is not defined in Mappings',
      'Resources.OrdersFunction.Properties.Timeout: Fn::Select expects a list of 2 items, got 1',
      'Resources.OrdersFunction.Properties.Code: unknown intrinsic function "Fn::Joyn"',
    ]);
  });

  it('finds references nested deep inside lists and other functions', () => {
    const text = withFunctionProperties(
      'Layers:\n  - !If\n    - IsProd\n    - !Join ["", [!GetAtt Ghost.Arn]]\n    - !Ref AWS::NoValue',
    );
    expect(issuesIn(text)).toEqual([
      'Resources.OrdersFunction.Properties.Layers[0].Fn::If[1].Fn::Join[1][0]: Fn::GetAtt target "Ghost" is not a resource',
    ]);
  });

  it('reports circular dependencies between resources', () => {
    const text = `Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !GetAtt Queue.QueueName
  Queue:
    Type: AWS::SQS::Queue
    DependsOn: Topic
  Lonely:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "\${Lonely.Arn}"
`;
    expect(issuesIn(text)).toEqual([
      'Resources.Lonely: circular dependency Lonely → Lonely; CloudFormation cannot order these resources',
      'Resources.Queue: circular dependency Queue → Topic → Queue; CloudFormation cannot order these resources',
    ]);
  });

  it('accepts resources the SAM transform generates', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 10
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      AutoPublishAlias: live
Outputs:
  RoleArn:
    Value: !GetAtt OrdersFunctionRole.Arn
  Alias:
    Value: !Ref OrdersFunction.Alias
  Api:
    Value: !Sub "https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/Prod"
`;
    expect(issuesIn(text)).toEqual([]);
    expect(issuesIn(text.replace('Transform: AWS::Serverless-2016-10-31\n', ''))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Globals: /),
        'Outputs.RoleArn.Value: Fn::GetAtt target "OrdersFunctionRole" is not a resource',
        'Outputs.Alias.Value: Ref target "OrdersFunction.Alias" is not a parameter, resource or pseudo parameter',
      ]),
    );
  });
});
