/** A small but complete Orders API template using every short-form tag the parser must understand. */
export const ordersApiYaml = `AWSTemplateFormatVersion: '2010-09-09'
Description: Orders API
Parameters:
  Environment:
    Type: String
    AllowedValues: [development, staging, production]
  VpcCidr:
    Type: String
    Default: 10.0.0.0/16
Mappings:
  RetentionByEnvironment:
    production:
      Days: 90
    development:
      Days: 7
Conditions:
  IsProduction: !Equals [!Ref Environment, production]
  IsNotProduction: !Not [!Condition IsProduction]
  IsStagingOrProduction: !Or
    - !Condition IsProduction
    - !Equals [!Ref Environment, staging]
  UsesAlarms: !And [!Condition IsStagingOrProduction, !Condition IsProduction]
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: orderId
          AttributeType: S
      KeySchema:
        - AttributeName: orderId
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !If [IsProduction, true, false]
  OrdersRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: orders-table
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [dynamodb:GetItem, dynamodb:PutItem]
                Resource: !GetAtt OrdersTable.Arn
                Condition:
                  StringEquals:
                    aws:RequestedRegion: !Ref AWS::Region
  OrdersLogGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /aws/lambda/\${OrdersFunction}
      RetentionInDays: !FindInMap [RetentionByEnvironment, !Ref Environment, Days]
  OrdersFunction:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub '\${AWS::StackName}-orders-\${Environment}'
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt [OrdersRole, Arn]
      Code:
        ZipFile: !Sub
          - |
            exports.handler = async () => ({ table: '\${Table}', template: '\${!NotAVariable}' });
          - Table: !Ref OrdersTable
      Environment:
        Variables:
          TABLE_NAME: !Ref OrdersTable
          FIRST_AZ: !Select [0, !GetAZs '']
          SUBNETS: !Join [',', !Cidr [!Ref VpcCidr, 2, 8]]
          HOST: !Select [2, !Split ['/', !ImportValue shared-api-url]]
          TRACE: !Base64 enabled
          OPTIONAL: !If [IsNotProduction, debug, !Ref AWS::NoValue]
  OrdersAlarm:
    Type: AWS::CloudWatch::Alarm
    Condition: UsesAlarms
    DependsOn: OrdersFunction
    Properties:
      Namespace: AWS/Lambda
      MetricName: Errors
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold
      Dimensions:
        - Name: FunctionName
          Value: !Ref OrdersFunction
Outputs:
  FunctionArn:
    Value: !GetAtt OrdersFunction.Arn
    Export:
      Name: !Sub '\${AWS::StackName}-FunctionArn'
  AlarmName:
    Condition: UsesAlarms
    Value: !Ref OrdersAlarm
`;

/** The same shape in JSON, long-form intrinsics throughout. */
export const queueJson = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { QueueName: { Type: 'String' } },
    Resources: {
      Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { Ref: 'QueueName' } } },
      QueuePolicy: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [{ Ref: 'Queue' }],
          PolicyDocument: {
            Statement: [
              { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] } },
            ],
          },
        },
      },
    },
    Outputs: { QueueUrl: { Value: { 'Fn::Sub': 'https://${Queue.QueueName}.example/${AWS::Region}' } } },
  },
  null,
  2,
);
