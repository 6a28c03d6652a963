/**
 * Where a resource sends data, as a property path below `Properties` (`[]` for each item of a list).
 * Sources, AWS CloudFormation Template Reference for each type: SNS subscriptions' `Endpoint` (a
 * URL, an email address, a phone number or an ARN, by `Protocol`) and a topic's inline
 * `Subscription`; CloudWatch Logs subscription filters' `DestinationArn`; EventBridge rule and
 * EventBridge Scheduler targets' `Arn` (an event bus of another account receives every matched
 * event) and API destinations' `InvocationEndpoint`; Firehose HTTP endpoint destinations' `Url`;
 * Lambda asynchronous-invocation destinations; S3 replication rules' destination `Bucket` and
 * `Account`.
 */
export const DATA_EGRESS_DESTINATIONS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['AWS::SNS::Subscription', [['Endpoint']]],
  ['AWS::SNS::Topic', [['Subscription', '[]', 'Endpoint']]],
  ['AWS::Logs::SubscriptionFilter', [['DestinationArn']]],
  ['AWS::Events::Rule', [['Targets', '[]', 'Arn']]],
  ['AWS::Scheduler::Schedule', [['Target', 'Arn']]],
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
  [
    'AWS::S3::Bucket',
    [
      ['ReplicationConfiguration', 'Rules', '[]', 'Destination', 'Bucket'],
      ['ReplicationConfiguration', 'Rules', '[]', 'Destination', 'Account'],
    ],
  ],
]);
