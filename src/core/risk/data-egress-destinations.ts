/**
 * Where a resource sends data, as a property path below `Properties` (`[]` for each item of a list).
 * Sources, AWS CloudFormation Template Reference for each type: SNS subscriptions' `Endpoint` (a
 * URL, an email address, a phone number or an ARN, by `Protocol`) and a topic's inline
 * `Subscription`; CloudWatch Logs subscription filters' `DestinationArn`; EventBridge rule and
 * EventBridge Scheduler targets' `Arn` (an event bus of another account receives every matched
 * event) and API destinations' `InvocationEndpoint`; Firehose HTTP endpoint destinations' `Url`;
 * Lambda asynchronous-invocation and event source mapping failure destinations; S3 replication
 * rules' destination `Bucket` and `Account`; CloudWatch cross-account observability links'
 * `SinkIdentifier`; SES receipt rules' S3, SNS and Lambda actions; CloudTrail trails' and AWS
 * Config delivery channels' buckets and topics; VPC flow logs' `LogDestination`; EventBridge
 * Pipes' `Target`; IoT rules' HTTP actions; Data Lifecycle Manager snapshot `ShareRules`; SQS
 * dead-letter queues (`RedrivePolicy.deadLetterTargetArn`); ECR replication destinations'
 * `RegistryId`; AWS Backup copy actions; DynamoDB Kinesis streaming destinations; Secrets
 * Manager rotation functions (they read and write the secret); EventBridge rule and Scheduler targets' and SNS
 * subscriptions' dead-letter queues (every undelivered event or message); CloudWatch alarm
 * actions; Lambda functions' `DeadLetterConfig` (a SAM function's `DeadLetterQueue` and
 * `EventInvokeConfig` destinations); HTTP API access logs (and SAM APIs' access logs); HTTP API and REST API method integrations' URIs (`IntegrationUri`, `Integration.Uri`: the backend each request is sent to); CodeDeploy triggers; S3
 * event notifications (object keys and metadata) and inventory reports (every object's listing,
 * into `BucketAccountId`). A `Json` property written as text is read as its object.
 */
export const DATA_EGRESS_DESTINATIONS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['AWS::SNS::Subscription', [['Endpoint'], ['RedrivePolicy', 'deadLetterTargetArn']]],
  ['AWS::SNS::Topic', [['Subscription', '[]', 'Endpoint']]],
  ['AWS::Logs::SubscriptionFilter', [['DestinationArn']]],
  [
    'AWS::Events::Rule',
    [
      ['Targets', '[]', 'Arn'],
      ['Targets', '[]', 'DeadLetterConfig', 'Arn'],
    ],
  ],
  [
    'AWS::CloudWatch::Alarm',
    [
      ['AlarmActions', '[]'],
      ['OKActions', '[]'],
      ['InsufficientDataActions', '[]'],
    ],
  ],
  ['AWS::Lambda::Function', [['DeadLetterConfig', 'TargetArn']]],
  [
    'AWS::Serverless::Function',
    [
      ['DeadLetterQueue', 'TargetArn'],
      ['EventInvokeConfig', 'DestinationConfig', 'OnSuccess', 'Destination'],
      ['EventInvokeConfig', 'DestinationConfig', 'OnFailure', 'Destination'],
    ],
  ],
  ['AWS::WAFv2::LoggingConfiguration', [['LogDestinationConfigs', '[]']]],
  ['AWS::ApiGatewayV2::Stage', [['AccessLogSettings', 'DestinationArn']]],
  ['AWS::Serverless::Api', [['AccessLogSetting', 'DestinationArn']]],
  ['AWS::Serverless::HttpApi', [['AccessLogSettings', 'DestinationArn']]],
  ['AWS::ApiGatewayV2::Integration', [['IntegrationUri']]],
  ['AWS::ApiGateway::Method', [['Integration', 'Uri']]],
  ['AWS::CodeDeploy::DeploymentGroup', [['TriggerConfigurations', '[]', 'TriggerTargetArn']]],
  [
    'AWS::Scheduler::Schedule',
    [
      ['Target', 'Arn'],
      ['Target', 'DeadLetterConfig', 'Arn'],
    ],
  ],
  ['AWS::Events::ApiDestination', [['InvocationEndpoint']]],
  [
    'AWS::KinesisFirehose::DeliveryStream',
    [['HttpEndpointDestinationConfiguration', 'EndpointConfiguration', 'Url']],
  ],
  [
    'AWS::Lambda::EventInvokeConfig',
    [
      ['DestinationConfig', 'OnSuccess', 'Destination'],
      ['DestinationConfig', 'OnFailure', 'Destination'],
    ],
  ],
  ['AWS::SQS::Queue', [['RedrivePolicy', 'deadLetterTargetArn']]],
  [
    'AWS::ECR::ReplicationConfiguration',
    [['ReplicationConfiguration', 'Rules', '[]', 'Destinations', '[]', 'RegistryId']],
  ],
  [
    'AWS::Backup::BackupPlan',
    [['BackupPlan', 'BackupPlanRule', '[]', 'CopyActions', '[]', 'DestinationBackupVaultArn']],
  ],
  ['AWS::DynamoDB::Table', [['KinesisStreamSpecification', 'StreamArn']]],
  ['AWS::SecretsManager::RotationSchedule', [['RotationLambdaARN']]],
  [
    'AWS::S3::Bucket',
    [
      ['ReplicationConfiguration', 'Rules', '[]', 'Destination', 'Bucket'],
      ['ReplicationConfiguration', 'Rules', '[]', 'Destination', 'Account'],
      ['NotificationConfiguration', 'TopicConfigurations', '[]', 'Topic'],
      ['NotificationConfiguration', 'QueueConfigurations', '[]', 'Queue'],
      ['NotificationConfiguration', 'LambdaConfigurations', '[]', 'Function'],
      ['InventoryConfigurations', '[]', 'Destination', 'BucketArn'],
      ['InventoryConfigurations', '[]', 'Destination', 'BucketAccountId'],
    ],
  ],
  ['AWS::Oam::Link', [['SinkIdentifier']]],
  [
    'AWS::SES::ReceiptRule',
    [
      ['Rule', 'Actions', '[]', 'S3Action', 'BucketName'],
      ['Rule', 'Actions', '[]', 'SNSAction', 'TopicArn'],
      ['Rule', 'Actions', '[]', 'LambdaAction', 'FunctionArn'],
    ],
  ],
  ['AWS::CloudTrail::Trail', [['S3BucketName'], ['SnsTopicName']]],
  ['AWS::Config::DeliveryChannel', [['S3BucketName'], ['SnsTopicARN']]],
  ['AWS::EC2::FlowLog', [['LogDestination']]],
  ['AWS::Lambda::EventSourceMapping', [['DestinationConfig', 'OnFailure', 'Destination']]],
  ['AWS::Pipes::Pipe', [['Target']]],
  [
    'AWS::IoT::TopicRule',
    [
      ['TopicRulePayload', 'Actions', '[]', 'Http', 'Url'],
      ['TopicRulePayload', 'ErrorAction', 'Http', 'Url'],
    ],
  ],
  ['AWS::DLM::LifecyclePolicy', [['PolicyDetails', 'Schedules', '[]', 'ShareRules', '[]', 'TargetAccounts']]],
]);
