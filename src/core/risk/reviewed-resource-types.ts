/**
 * What the classifier has reviewed of a property's value: `true` for any value (a rule reads it,
 * or whatever it holds stays inside the account), a mapping for an object whose keys must each be
 * reviewed, and a one-item list for a list whose items each have that shape.
 */
export type ReviewedShape = true | { readonly [key: string]: ReviewedShape } | readonly [ReviewedShape];

const ANY = true;
const TAGS = { Tags: ANY } as const;

/** An EC2 network interface as an instance or launch template gives it (IPv6 addresses: a public-access rule). */
const NETWORK_INTERFACE: ReviewedShape = {
  DeviceIndex: ANY,
  SubnetId: ANY,
  GroupSet: ANY,
  Groups: ANY,
  AssociatePublicIpAddress: ANY,
  DeleteOnTermination: ANY,
  Description: ANY,
  NetworkInterfaceId: ANY,
  PrivateIpAddress: ANY,
  PrivateIpAddresses: ANY,
  SecondaryPrivateIpAddressCount: ANY,
  Ipv6AddressCount: ANY,
  Ipv6Addresses: ANY,
};

/**
 * EC2 instance settings that act only on the instance, or that a rule reads (IPv6 addresses: a
 * public-access rule; `ImageId`: `machineImageRisks`, an image AWS does not build is unseen).
 */
const INSTANCE_SETTINGS = {
  ImageId: ANY,
  InstanceType: ANY,
  KeyName: ANY,
  SecurityGroupIds: ANY,
  SecurityGroups: ANY,
  UserData: ANY,
  IamInstanceProfile: ANY,
  BlockDeviceMappings: ANY,
  MetadataOptions: ANY,
  Monitoring: ANY,
  EbsOptimized: ANY,
  DisableApiTermination: ANY,
  CreditSpecification: ANY,
  NetworkInterfaces: [NETWORK_INTERFACE],
  Ipv6AddressCount: ANY,
  Ipv6Addresses: ANY,
} as const;

/**
 * The resource types the risk classifier fully understands (an allowlist, DESIGN §4: "unknown
 * counts as high"), each with the properties it has reviewed: those a rule reads (policies,
 * ingress, public-access settings, data destinations of `DATA_EGRESS_DESTINATIONS`, roles) and
 * those whose effect stays inside the account (names, sizes, timeouts, encryption, tags). A
 * resource of any other type, or a property (or nested key) outside its reviewed shape, is
 * `unseen-effect`: a person must review it (`unreviewedRisks`). Blueprint output
 * (`src/generation/offline`) uses only what is here, so generated templates are judged in full.
 *
 * To extend it: read the type's page in the AWS CloudFormation Template Reference ("Resource and
 * property types reference"); add only properties that cannot send data out of the account, let
 * another account or the internet in, run code or templates this change does not hold, or hide
 * an effect; a property that can do one of those goes in only with a rule that judges it (a
 * destination in `data-egress-destinations.ts`, a setting in `public-access-rules.ts`…) and a test.
 * IPv6 address counts and addresses are here because `public-access-rules.ts` judges them (every
 * IPv6 address AWS gives may be reached from the internet); IPv6 prefixes and CIDR blocks of a
 * subnet are not (yet).
 */
export const REVIEWED_RESOURCE_TYPES: ReadonlyMap<string, { readonly [property: string]: ReviewedShape }> =
  new Map<string, { readonly [property: string]: ReviewedShape }>([
    [
      'AWS::ApiGatewayV2::Api',
      {
        ...TAGS,
        Name: ANY,
        Description: ANY,
        ProtocolType: ANY,
        Body: ANY,
        BodyS3Location: ANY,
        Target: ANY,
        RouteKey: ANY,
        CorsConfiguration: ANY,
        DisableExecuteApiEndpoint: ANY,
        RouteSelectionExpression: ANY,
        ApiKeySelectionExpression: ANY,
        Version: ANY,
      },
    ],
    // AWS CloudFormation Template Reference, "AWS::ApiGateway::RestApi". `Policy` is the API's
    // resource policy, judged as one (`findPolicyDocuments`; one only known at deploy time:
    // `unreadablePolicyRisks`); an OpenAPI `Body` or `BodyS3Location` defines routes whose
    // authorization is not read (public-access rules), and one in S3 is not in this change
    // (`apiDefinitionSourceRisks`); `EndpointConfiguration.Types`/`IpAddressType` and
    // `DisableExecuteApiEndpoint` choose where it is reached, while who may call each method is its
    // own `AuthorizationType` (judged on `AWS::ApiGateway::Method`). Left out until a rule reads
    // them: `CloneFrom` (an existing API's routes and integrations), `Parameters` (import options),
    // `EndpointConfiguration.VpcEndpointIds` (VPC endpoints, perhaps of another account, that
    // reach a private API).
    [
      'AWS::ApiGateway::RestApi',
      {
        ...TAGS,
        Name: ANY,
        Description: ANY,
        Policy: ANY,
        Body: ANY,
        BodyS3Location: ANY,
        Mode: ANY,
        FailOnWarnings: ANY,
        EndpointConfiguration: { Types: ANY, IpAddressType: ANY },
        DisableExecuteApiEndpoint: ANY,
        ApiKeySourceType: ANY,
        BinaryMediaTypes: ANY,
        MinimumCompressionSize: ANY,
      },
    ],
    // "AWS::ApiGateway::Resource": a path part below a parent resource; its API must be this
    // template's (`outsideTargetRisks`), what is reached there is its methods'.
    ['AWS::ApiGateway::Resource', { RestApiId: ANY, ParentId: ANY, PathPart: ANY }],
    // AWS CloudFormation Template Reference, "AWS::ApiGateway::Method" and "AWS::ApiGateway::Method
    // Integration". `AuthorizationType` is read by `public-access-rules.ts` (NONE, or absent, is
    // callable by anyone: high, unless the integration is a MOCK); `RestApiId` must be this
    // template's API (`outsideTargetRisks`); `Integration.Uri` is a data destination (an HTTP URL
    // or an AWS service the request is sent to: `DATA_EGRESS_DESTINATIONS`); `Integration.Credentials`
    // (the role API Gateway calls the backend as, or `arn:aws:iam::*:user/*`, the caller's own
    // credentials) is judged as any role a resource uses (`existingRoleRisks`: one this template
    // does not make is high); `Integration.ConnectionId`, a VPC link, must be this template's
    // (`outsideTargetRisks`).
    [
      'AWS::ApiGateway::Method',
      {
        RestApiId: ANY,
        ResourceId: ANY,
        HttpMethod: ANY,
        AuthorizationType: ANY,
        AuthorizerId: ANY,
        AuthorizationScopes: ANY,
        ApiKeyRequired: ANY,
        OperationName: ANY,
        RequestModels: ANY,
        RequestParameters: ANY,
        RequestValidatorId: ANY,
        MethodResponses: ANY,
        Integration: {
          Type: ANY,
          Uri: ANY,
          IntegrationHttpMethod: ANY,
          Credentials: ANY,
          ConnectionType: ANY,
          ConnectionId: ANY,
          ContentHandling: ANY,
          PassthroughBehavior: ANY,
          RequestParameters: ANY,
          RequestTemplates: ANY,
          IntegrationResponses: ANY,
          TimeoutInMillis: ANY,
          CacheKeyParameters: ANY,
          CacheNamespace: ANY,
        },
      },
    ],
    // "AWS::ApiGatewayV2::Integration": `ApiId` must be this template's API (`outsideTargetRisks`);
    // `IntegrationUri` is a data destination (`DATA_EGRESS_DESTINATIONS`); an AWS service
    // integration's `IntegrationSubtype` and the `RequestParameters` naming its destination are
    // placed by `httpApiServiceIntegrationPlace` (caller-chosen or missing: unresolved);
    // `CredentialsArn`, the role API Gateway calls the service as, by `existingRoleRisks`; an AWS
    // integration's `RequestTemplates` and `PassthroughBehavior` with `RequestParameters` name its
    // destination (`serviceIntegrationPlace`); `ConnectionType` `VPC_LINK` needs this template's
    // listener or service as its URI (`integrationResourceRisks`) and its VPC link (`ConnectionId`,
    // `outsideTargetRisks`); `ResponseParameters` only the documented header and status-code changes
    // (`integrationResourceRisks`); `TlsConfig.ServerNameToVerify` a host name known before deploying
    // (`integrationResourceRisks`); `TemplateSelectionExpression` and `ContentHandlingStrategy`
    // choose among its own templates and encodings.
    [
      'AWS::ApiGatewayV2::Integration',
      {
        ApiId: ANY,
        IntegrationType: ANY,
        IntegrationUri: ANY,
        IntegrationSubtype: ANY,
        RequestParameters: ANY,
        CredentialsArn: ANY,
        ConnectionType: ANY,
        ConnectionId: ANY,
        RequestTemplates: ANY,
        TemplateSelectionExpression: ANY,
        PassthroughBehavior: ANY,
        ContentHandlingStrategy: ANY,
        ResponseParameters: ANY,
        IntegrationMethod: ANY,
        PayloadFormatVersion: ANY,
        Description: ANY,
        TimeoutInMillis: ANY,
        TlsConfig: { ServerNameToVerify: ANY },
      },
    ],
    // "AWS::ApiGatewayV2::VpcLink": its `SecurityGroupIds` must be this template's groups
    // (`existingSecurityGroupRisks`), and named (`vpcLinkRisks`); its subnets alone place it, as a
    // function's do; where requests go through it is its integrations' URIs (`httpApiIntegrationRisks`).
    ['AWS::ApiGatewayV2::VpcLink', { ...TAGS, Name: ANY, SubnetIds: ANY, SecurityGroupIds: ANY }],
    [
      'AWS::ApiGatewayV2::Route',
      {
        ApiId: ANY,
        RouteKey: ANY,
        Target: ANY,
        AuthorizationType: ANY,
        AuthorizerId: ANY,
        AuthorizationScopes: ANY,
        ApiKeyRequired: ANY,
        OperationName: ANY,
      },
    ],
    [
      'AWS::ApiGatewayV2::Stage',
      {
        ...TAGS,
        ApiId: ANY,
        StageName: ANY,
        Description: ANY,
        AutoDeploy: ANY,
        AccessLogSettings: ANY,
        DefaultRouteSettings: ANY,
        RouteSettings: ANY,
        StageVariables: ANY,
        DeploymentId: ANY,
      },
    ],
    [
      'AWS::CloudWatch::Alarm',
      {
        ...TAGS,
        AlarmName: ANY,
        AlarmDescription: ANY,
        ActionsEnabled: ANY,
        AlarmActions: ANY,
        OKActions: ANY,
        InsufficientDataActions: ANY,
        ComparisonOperator: ANY,
        DatapointsToAlarm: ANY,
        Dimensions: ANY,
        EvaluateLowSampleCountPercentile: ANY,
        EvaluationPeriods: ANY,
        ExtendedStatistic: ANY,
        MetricName: ANY,
        Metrics: ANY,
        Namespace: ANY,
        Period: ANY,
        Statistic: ANY,
        Threshold: ANY,
        ThresholdMetricId: ANY,
        TreatMissingData: ANY,
        Unit: ANY,
      },
    ],
    ['AWS::CodeDeploy::Application', { ...TAGS, ApplicationName: ANY, ComputePlatform: ANY }],
    [
      'AWS::CodeDeploy::DeploymentGroup',
      {
        ...TAGS,
        ApplicationName: ANY,
        DeploymentGroupName: ANY,
        DeploymentConfigName: ANY,
        DeploymentStyle: ANY,
        AlarmConfiguration: ANY,
        AutoRollbackConfiguration: ANY,
        ServiceRoleArn: ANY,
        TriggerConfigurations: ANY,
      },
    ],
    [
      'AWS::DynamoDB::Table',
      {
        ...TAGS,
        TableName: ANY,
        AttributeDefinitions: ANY,
        KeySchema: ANY,
        BillingMode: ANY,
        ProvisionedThroughput: ANY,
        OnDemandThroughput: ANY,
        WarmThroughput: ANY,
        GlobalSecondaryIndexes: ANY,
        LocalSecondaryIndexes: ANY,
        DeletionProtectionEnabled: ANY,
        PointInTimeRecoverySpecification: ANY,
        SSESpecification: ANY,
        StreamSpecification: ANY,
        TableClass: ANY,
        TimeToLiveSpecification: ANY,
        ContributorInsightsSpecification: ANY,
        KinesisStreamSpecification: ANY,
        ResourcePolicy: ANY,
      },
    ],
    // `EventBusName` is judged by account (`foreignPlacementRisks`), targets by `outsideTargetRisks`.
    [
      'AWS::Events::Rule',
      {
        Name: ANY,
        Description: ANY,
        EventBusName: ANY,
        EventPattern: ANY,
        ScheduleExpression: ANY,
        State: ANY,
        RoleArn: ANY,
        Targets: [
          {
            Id: ANY,
            Arn: ANY,
            RoleArn: ANY,
            Input: ANY,
            InputPath: ANY,
            InputTransformer: ANY,
            RetryPolicy: ANY,
            DeadLetterConfig: ANY,
            SqsParameters: ANY,
            RunCommandParameters: ANY,
          },
        ],
      },
    ],
    [
      'AWS::IAM::Role',
      {
        ...TAGS,
        RoleName: ANY,
        Path: ANY,
        Description: ANY,
        AssumeRolePolicyDocument: ANY,
        ManagedPolicyArns: ANY,
        Policies: ANY,
        MaxSessionDuration: ANY,
        PermissionsBoundary: ANY,
      },
    ],
    [
      'AWS::WAFv2::LoggingConfiguration',
      { ResourceArn: ANY, LogDestinationConfigs: ANY, LoggingFilter: ANY, RedactedFields: ANY },
    ],
    ['AWS::CloudFormation::WaitConditionHandle', {}],
    [
      'AWS::SSM::Parameter',
      {
        ...TAGS,
        Name: ANY,
        Type: ANY,
        Value: ANY,
        Description: ANY,
        DataType: ANY,
        Tier: ANY,
        AllowedPattern: ANY,
      },
    ],
    [
      'AWS::Lambda::Url',
      { AuthType: ANY, TargetFunctionArn: ANY, Qualifier: ANY, Cors: ANY, InvokeMode: ANY },
    ],
    // Its network policies are judged by `serverlessNetworkPolicyRisks`; other kinds choose keys.
    ['AWS::OpenSearchServerless::SecurityPolicy', { Name: ANY, Type: ANY, Policy: ANY, Description: ANY }],
    [
      'AWS::EC2::PrefixList',
      { ...TAGS, PrefixListName: ANY, AddressFamily: ANY, MaxEntries: ANY, Entries: ANY },
    ],
    // `TargetKeyId` is judged by account (`foreignPlacementRisks`).
    ['AWS::KMS::Alias', { AliasName: ANY, TargetKeyId: ANY }],
    [
      'AWS::KMS::Key',
      {
        ...TAGS,
        Description: ANY,
        Enabled: ANY,
        EnableKeyRotation: ANY,
        RotationPeriodInDays: ANY,
        KeyPolicy: ANY,
        KeySpec: ANY,
        KeyUsage: ANY,
        MultiRegion: ANY,
        PendingWindowInDays: ANY,
      },
    ],
    [
      'AWS::Lambda::Alias',
      {
        FunctionName: ANY,
        FunctionVersion: ANY,
        Name: ANY,
        Description: ANY,
        RoutingConfig: ANY,
        ProvisionedConcurrencyConfig: ANY,
      },
    ],
    [
      'AWS::Lambda::EventSourceMapping',
      {
        EventSourceArn: ANY,
        FunctionName: ANY,
        Enabled: ANY,
        BatchSize: ANY,
        MaximumBatchingWindowInSeconds: ANY,
        FunctionResponseTypes: ANY,
        DestinationConfig: ANY,
        StartingPosition: ANY,
        StartingPositionTimestamp: ANY,
        FilterCriteria: ANY,
        MaximumRecordAgeInSeconds: ANY,
        MaximumRetryAttempts: ANY,
        BisectBatchOnFunctionError: ANY,
        ParallelizationFactor: ANY,
        ScalingConfig: ANY,
        TumblingWindowInSeconds: ANY,
      },
    ],
    // `Code` is read by `codeSourceRisks`: an S3 object other than the deploy run's upload, or an image
    // of another registry, is code this change does not hold; `Layers` by `layerSourceRisks` (only a
    // layer this template builds is this change's code).
    [
      'AWS::Lambda::Function',
      {
        ...TAGS,
        FunctionName: ANY,
        Description: ANY,
        Code: ANY,
        Handler: ANY,
        Runtime: ANY,
        Architectures: ANY,
        MemorySize: ANY,
        Timeout: ANY,
        EphemeralStorage: ANY,
        Environment: ANY,
        Role: ANY,
        LoggingConfig: ANY,
        TracingConfig: ANY,
        ReservedConcurrentExecutions: ANY,
        VpcConfig: ANY,
        DeadLetterConfig: ANY,
        KmsKeyArn: ANY,
        PackageType: ANY,
        ImageConfig: ANY,
        SnapStartConfig: ANY,
        RuntimeManagementConfig: ANY,
        Layers: ANY,
      },
    ],
    // AWS CloudFormation Template Reference, "AWS::Lambda::LayerVersion": the layer's code
    // (`Content`, read by `codeSourceRisks`) and metadata. Sharing it takes an
    // AWS::Lambda::LayerVersionPermission, which always grants (`ALWAYS_GRANTING_TYPES`).
    [
      'AWS::Lambda::LayerVersion',
      {
        LayerName: ANY,
        Description: ANY,
        Content: { S3Bucket: ANY, S3Key: ANY, S3ObjectVersion: ANY },
        CompatibleRuntimes: ANY,
        CompatibleArchitectures: ANY,
        LicenseInfo: ANY,
      },
    ],
    [
      'AWS::Lambda::Permission',
      {
        Action: ANY,
        FunctionName: ANY,
        Principal: ANY,
        SourceArn: ANY,
        SourceAccount: ANY,
        PrincipalOrgID: ANY,
        EventSourceToken: ANY,
        FunctionUrlAuthType: ANY,
      },
    ],
    [
      'AWS::Lambda::Version',
      {
        FunctionName: ANY,
        Description: ANY,
        CodeSha256: ANY,
        ProvisionedConcurrencyConfig: ANY,
        RuntimePolicy: ANY,
      },
    ],
    [
      'AWS::Logs::LogGroup',
      { ...TAGS, LogGroupName: ANY, RetentionInDays: ANY, KmsKeyId: ANY, LogGroupClass: ANY },
    ],
    [
      'AWS::Logs::MetricFilter',
      {
        FilterName: ANY,
        FilterPattern: ANY,
        LogGroupName: ANY,
        MetricTransformations: ANY,
        ApplyOnTransformedLogs: ANY,
      },
    ],
    [
      'AWS::S3::Bucket',
      {
        ...TAGS,
        BucketName: ANY,
        AccessControl: ANY,
        BucketEncryption: ANY,
        CorsConfiguration: ANY,
        IntelligentTieringConfigurations: ANY,
        InventoryConfigurations: ANY,
        LifecycleConfiguration: ANY,
        MetricsConfigurations: ANY,
        NotificationConfiguration: {
          EventBridgeConfiguration: ANY,
          TopicConfigurations: ANY,
          QueueConfigurations: ANY,
          LambdaConfigurations: ANY,
        },
        ObjectLockConfiguration: ANY,
        ObjectLockEnabled: ANY,
        OwnershipControls: ANY,
        PublicAccessBlockConfiguration: ANY,
        ReplicationConfiguration: ANY,
        VersioningConfiguration: ANY,
      },
    ],
    ['AWS::S3::BucketPolicy', { Bucket: ANY, PolicyDocument: ANY }],
    ['AWS::SQS::QueuePolicy', { Queues: ANY, PolicyDocument: ANY }],
    ['AWS::SNS::TopicPolicy', { Topics: ANY, PolicyDocument: ANY }],
    // AWS CloudFormation Template Reference, "AWS::SecretsManager::Secret" (`ReplicaRegions`, copies
    // in other Regions, left out) and "AWS::SecretsManager::RotationSchedule": the rotation function
    // reads and writes the secret, a data-egress destination; `HostedRotationLambda` (a function
    // SAR deploys) is left out.
    [
      'AWS::SecretsManager::Secret',
      { ...TAGS, Name: ANY, Description: ANY, GenerateSecretString: ANY, SecretString: ANY, KmsKeyId: ANY },
    ],
    [
      'AWS::SecretsManager::RotationSchedule',
      { SecretId: ANY, RotationLambdaARN: ANY, RotationRules: ANY, RotateImmediatelyOnUpdate: ANY },
    ],
    [
      'AWS::SNS::Subscription',
      {
        TopicArn: ANY,
        Protocol: ANY,
        Endpoint: ANY,
        RedrivePolicy: ANY,
        FilterPolicy: ANY,
        FilterPolicyScope: ANY,
        RawMessageDelivery: ANY,
        DeliveryPolicy: ANY,
      },
    ],
    [
      'AWS::SNS::Topic',
      {
        ...TAGS,
        TopicName: ANY,
        DisplayName: ANY,
        Subscription: ANY,
        KmsMasterKeyId: ANY,
        FifoTopic: ANY,
        ContentBasedDeduplication: ANY,
        SignatureVersion: ANY,
        TracingConfig: ANY,
      },
    ],
    [
      'AWS::SQS::Queue',
      {
        ...TAGS,
        QueueName: ANY,
        ContentBasedDeduplication: ANY,
        DeduplicationScope: ANY,
        DelaySeconds: ANY,
        FifoQueue: ANY,
        FifoThroughputLimit: ANY,
        KmsDataKeyReusePeriodSeconds: ANY,
        KmsMasterKeyId: ANY,
        MaximumMessageSize: ANY,
        MessageRetentionPeriod: ANY,
        ReceiveMessageWaitTimeSeconds: ANY,
        RedriveAllowPolicy: ANY,
        RedrivePolicy: ANY,
        SqsManagedSseEnabled: ANY,
        VisibilityTimeout: ANY,
      },
    ],
    [
      'AWS::EC2::SecurityGroup',
      {
        ...TAGS,
        GroupName: ANY,
        GroupDescription: ANY,
        VpcId: ANY,
        SecurityGroupIngress: ANY,
        SecurityGroupEgress: ANY,
      },
    ],
    [
      'AWS::EC2::SecurityGroupIngress',
      {
        GroupId: ANY,
        GroupName: ANY,
        Description: ANY,
        IpProtocol: ANY,
        FromPort: ANY,
        ToPort: ANY,
        CidrIp: ANY,
        CidrIpv6: ANY,
        SourcePrefixListId: ANY,
        SourceSecurityGroupId: ANY,
        SourceSecurityGroupName: ANY,
        SourceSecurityGroupOwnerId: ANY,
      },
    ],
    [
      'AWS::EC2::VPC',
      {
        ...TAGS,
        CidrBlock: ANY,
        EnableDnsHostnames: ANY,
        EnableDnsSupport: ANY,
        InstanceTenancy: ANY,
      },
    ],
    [
      'AWS::EC2::Subnet',
      {
        ...TAGS,
        VpcId: ANY,
        CidrBlock: ANY,
        AvailabilityZone: ANY,
        AvailabilityZoneId: ANY,
        MapPublicIpOnLaunch: ANY,
        AssignIpv6AddressOnCreation: ANY,
      },
    ],
    ['AWS::EC2::RouteTable', { ...TAGS, VpcId: ANY }],
    ['AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ANY, RouteTableId: ANY }],
    [
      'AWS::EC2::Instance',
      {
        ...TAGS,
        ...INSTANCE_SETTINGS,
        SubnetId: ANY,
        AvailabilityZone: ANY,
        PrivateIpAddress: ANY,
      },
    ],
    // AWS SAM Developer Guide, "AWS::Serverless::Function"
    // (docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html):
    // the settings SAM passes to the AWS::Lambda::Function reviewed above (Code -> CodeUri/InlineCode,
    // TracingConfig -> Tracing, SnapStartConfig -> SnapStart), versions and aliases of it, its
    // dead-letter queue and asynchronous-invocation destinations (data-egress destinations), and its
    // function URL (`functionUrlRisks` reads AuthType). `CodeUri` and `ImageUri` are read by
    // `codeSourceRisks` (only the deploy run's own upload is this change's code), `Layers` by
    // `layerSourceRisks` (only a layer this template builds). `Role` is read by
    // `existingRoleRisks`; a function without one gets an implicit role (`implicit-iam-role`). Left out on purpose, until a
    // rule reads them: `Events` (each source makes an API, a schedule or a subscription, some of
    // them public or in another account), `Policies` (policy templates and managed policy names are
    // not policy documents), `DeploymentPreference` (hook
    // functions), `Connectors`, `PermissionsBoundary`, `CodeSigningConfigArn`, `FileSystemConfigs`.
    [
      'AWS::Serverless::Function',
      {
        ...TAGS,
        PropagateTags: ANY,
        FunctionName: ANY,
        Description: ANY,
        CodeUri: ANY,
        InlineCode: ANY,
        ImageUri: ANY,
        ImageConfig: ANY,
        PackageType: ANY,
        Handler: ANY,
        Runtime: ANY,
        Architectures: ANY,
        MemorySize: ANY,
        Timeout: ANY,
        EphemeralStorage: ANY,
        Environment: ANY,
        Role: ANY,
        LoggingConfig: ANY,
        Tracing: ANY,
        ReservedConcurrentExecutions: ANY,
        ProvisionedConcurrencyConfig: ANY,
        VpcConfig: ANY,
        KmsKeyArn: ANY,
        SnapStart: ANY,
        RuntimeManagementConfig: ANY,
        AutoPublishAlias: ANY,
        AutoPublishCodeSha256: ANY,
        AutoPublishAliasAllProperties: ANY,
        DeadLetterQueue: { Type: ANY, TargetArn: ANY },
        EventInvokeConfig: {
          MaximumEventAgeInSeconds: ANY,
          MaximumRetryAttempts: ANY,
          DestinationConfig: {
            OnSuccess: { Type: ANY, Destination: ANY },
            OnFailure: { Type: ANY, Destination: ANY },
          },
        },
        FunctionUrlConfig: { AuthType: ANY, Cors: ANY, InvokeMode: ANY },
        Layers: ANY,
      },
    ],
    // AWS SAM Developer Guide, "AWS::Serverless::Api" (sam-resource-api.html) and
    // "AWS::Serverless::HttpApi" (sam-resource-httpapi.html). `Auth.DefaultAuthorizer` is read by a
    // public-access rule (none: anyone may call the routes), `Auth.ResourcePolicy` by
    // `samResourcePolicyRisks`, access log destinations are data-egress destinations; the rest is
    // the stage's own settings. `DefinitionBody`, an inline OpenAPI document, has its integrations
    // judged (`openApiIntegrationRisks`) and its routes treated as callable by anyone (a public-access
    // rule: their authorization is not read). Left out until a rule reads them: `Auth.Authorizers` (Lambda
    // authorizers and identity providers that may be another account's), `DefinitionUri` (an OpenAPI
    // document in a file or S3), `Domain` (custom
    // domains, certificates, DNS records), `EndpointConfiguration.VPCEndpointIds`, `GatewayResponses`,
    // `Models`, usage plans and API keys (`Auth.UsagePlan`, `Auth.ApiKeyRequired`).
    [
      'AWS::Serverless::Api',
      {
        ...TAGS,
        PropagateTags: ANY,
        Name: ANY,
        StageName: ANY,
        Description: ANY,
        TracingEnabled: ANY,
        EndpointConfiguration: { Type: ANY },
        Cors: ANY,
        BinaryMediaTypes: ANY,
        MinimumCompressionSize: ANY,
        CacheClusterEnabled: ANY,
        CacheClusterSize: ANY,
        Variables: ANY,
        MethodSettings: ANY,
        OpenApiVersion: ANY,
        AccessLogSetting: { DestinationArn: ANY, Format: ANY },
        DisableExecuteApiEndpoint: ANY,
        AlwaysDeploy: ANY,
        FailOnWarnings: ANY,
        Auth: { DefaultAuthorizer: ANY, ResourcePolicy: ANY },
        DefinitionBody: ANY,
      },
    ],
    [
      'AWS::Serverless::HttpApi',
      {
        ...TAGS,
        PropagateTags: ANY,
        Name: ANY,
        StageName: ANY,
        Description: ANY,
        AccessLogSettings: { DestinationArn: ANY, Format: ANY },
        CorsConfiguration: ANY,
        DefaultRouteSettings: ANY,
        RouteSettings: ANY,
        StageVariables: ANY,
        DisableExecuteApiEndpoint: ANY,
        FailOnWarnings: ANY,
        Auth: { DefaultAuthorizer: ANY, EnableIamAuthorizer: ANY },
        DefinitionBody: ANY,
      },
    ],
    // AWS SAM Developer Guide, "AWS::Serverless::SimpleTable" (sam-resource-simpletable.html): a
    // DynamoDB table's key, capacity, encryption and backups; its deletion is judged as a stateful type.
    [
      'AWS::Serverless::SimpleTable',
      {
        ...TAGS,
        TableName: ANY,
        PrimaryKey: { Name: ANY, Type: ANY },
        ProvisionedThroughput: ANY,
        SSESpecification: ANY,
        PointInTimeRecoverySpecification: ANY,
      },
    ],
    // AWS SAM Developer Guide, "AWS::Serverless::LayerVersion" (sam-resource-layerversion.html): the
    // layer's own code (`ContentUri`, read by `codeSourceRisks`) and metadata. Sharing it with other accounts takes an
    // AWS::Lambda::LayerVersionPermission, which always grants (`ALWAYS_GRANTING_TYPES`).
    [
      'AWS::Serverless::LayerVersion',
      {
        LayerName: ANY,
        Description: ANY,
        ContentUri: ANY,
        CompatibleRuntimes: ANY,
        CompatibleArchitectures: ANY,
        LicenseInfo: ANY,
        RetentionPolicy: ANY,
        PublishLambdaVersion: ANY,
      },
    ],
    // AWS CloudFormation Template Reference, "AWS::RDS::DBInstance": `PubliclyAccessible` is read
    // by a public-access rule (absent counts as public), `MonitoringRoleArn` by `existingRoleRisks`,
    // removal by the stateful-type rule (default `Snapshot`); the rest sizes, encrypts, backs up and
    // places the instance in this account. Left out: restoring or replicating from elsewhere
    // (`DBSnapshotIdentifier`, `DBClusterSnapshotIdentifier`, `SourceDBInstanceIdentifier`,
    // `SourceDBInstanceAutomatedBackupsArn`, `SourceRegion`, `RestoreTime`), `AssociatedRoles`
    // (S3 import/export, Lambda calls), `Domain*` (a directory), `DBSecurityGroups`.
    [
      'AWS::RDS::DBInstance',
      {
        ...TAGS,
        DBInstanceIdentifier: ANY,
        DBInstanceClass: ANY,
        Engine: ANY,
        EngineVersion: ANY,
        LicenseModel: ANY,
        DBName: ANY,
        Port: ANY,
        MasterUsername: ANY,
        MasterUserPassword: ANY,
        ManageMasterUserPassword: ANY,
        MasterUserSecret: { KmsKeyId: ANY },
        AllocatedStorage: ANY,
        MaxAllocatedStorage: ANY,
        StorageType: ANY,
        Iops: ANY,
        StorageThroughput: ANY,
        StorageEncrypted: ANY,
        KmsKeyId: ANY,
        MultiAZ: ANY,
        AvailabilityZone: ANY,
        DBSubnetGroupName: ANY,
        VPCSecurityGroups: ANY,
        NetworkType: ANY,
        PubliclyAccessible: ANY,
        DBClusterIdentifier: ANY,
        DBParameterGroupName: ANY,
        OptionGroupName: ANY,
        CACertificateIdentifier: ANY,
        BackupRetentionPeriod: ANY,
        PreferredBackupWindow: ANY,
        PreferredMaintenanceWindow: ANY,
        DeleteAutomatedBackups: ANY,
        CopyTagsToSnapshot: ANY,
        DeletionProtection: ANY,
        AutoMinorVersionUpgrade: ANY,
        AllowMajorVersionUpgrade: ANY,
        EnableIAMDatabaseAuthentication: ANY,
        EnableCloudwatchLogsExports: ANY,
        EnablePerformanceInsights: ANY,
        PerformanceInsightsKMSKeyId: ANY,
        PerformanceInsightsRetentionPeriod: ANY,
        MonitoringInterval: ANY,
        MonitoringRoleArn: ANY,
      },
    ],
    // AWS CloudFormation Template Reference, "AWS::ElasticLoadBalancingV2::LoadBalancer",
    // "…::Listener", "…::TargetGroup". `Scheme` is read by a public-access rule (absent:
    // internet-facing). Left out: `LoadBalancerAttributes` (access logs to an S3 bucket of any
    // account), `SubnetMappings` (Elastic IPs), a redirect's `Host` (sends users, path and query to
    // another site), `authenticate-*` actions (identity providers outside), and a target group's
    // `Targets` (IP targets may be outside the VPC).
    [
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      {
        ...TAGS,
        Name: ANY,
        Type: ANY,
        Scheme: ANY,
        IpAddressType: ANY,
        Subnets: ANY,
        SecurityGroups: ANY,
      },
    ],
    [
      'AWS::ElasticLoadBalancingV2::Listener',
      {
        LoadBalancerArn: ANY,
        Port: ANY,
        Protocol: ANY,
        SslPolicy: ANY,
        Certificates: ANY,
        AlpnPolicy: ANY,
        DefaultActions: [
          {
            Type: ANY,
            Order: ANY,
            TargetGroupArn: ANY,
            ForwardConfig: ANY,
            FixedResponseConfig: ANY,
            RedirectConfig: { Protocol: ANY, Port: ANY, Path: ANY, Query: ANY, StatusCode: ANY },
          },
        ],
      },
    ],
    [
      'AWS::ElasticLoadBalancingV2::TargetGroup',
      {
        ...TAGS,
        Name: ANY,
        TargetType: ANY,
        Protocol: ANY,
        ProtocolVersion: ANY,
        Port: ANY,
        VpcId: ANY,
        IpAddressType: ANY,
        HealthCheckEnabled: ANY,
        HealthCheckPath: ANY,
        HealthCheckPort: ANY,
        HealthCheckProtocol: ANY,
        HealthCheckIntervalSeconds: ANY,
        HealthCheckTimeoutSeconds: ANY,
        HealthyThresholdCount: ANY,
        UnhealthyThresholdCount: ANY,
        Matcher: ANY,
        TargetGroupAttributes: ANY,
      },
    ],
    // AWS CloudFormation Template Reference, "AWS::Scheduler::Schedule" and "…::ScheduleGroup".
    // `Target.Arn` and its dead-letter queue are data-egress destinations (a universal target,
    // `aws-sdk:…`, is `unseen-effect`: `universalTargetRisks`), `Target.RoleArn` is read by
    // `existingRoleRisks`. Left out: ECS, EventBridge, Kinesis and SageMaker target parameters
    // (tasks with public IPs, events with a chosen source…).
    [
      'AWS::Scheduler::Schedule',
      {
        Name: ANY,
        Description: ANY,
        GroupName: ANY,
        ScheduleExpression: ANY,
        ScheduleExpressionTimezone: ANY,
        StartDate: ANY,
        EndDate: ANY,
        State: ANY,
        FlexibleTimeWindow: ANY,
        KmsKeyArn: ANY,
        ActionAfterCompletion: ANY,
        Target: {
          Arn: ANY,
          RoleArn: ANY,
          Input: ANY,
          RetryPolicy: ANY,
          DeadLetterConfig: { Arn: ANY },
          SqsParameters: ANY,
        },
      },
    ],
    ['AWS::Scheduler::ScheduleGroup', { ...TAGS, Name: ANY }],
    [
      'AWS::EC2::LaunchTemplate',
      {
        LaunchTemplateName: ANY,
        VersionDescription: ANY,
        TagSpecifications: ANY,
        LaunchTemplateData: { ...INSTANCE_SETTINGS, TagSpecifications: ANY },
      },
    ],
  ]);
