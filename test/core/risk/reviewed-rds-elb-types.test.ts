import { reasonsOf } from './risk-of.js';

// RDS instances and Application/Network Load Balancers on the reviewed list
// (REVIEWED_RESOURCE_TYPES): realistic ones are judged in full, the settings that open them to the
// internet are read by a rule, and what is left out on purpose stays unseen-effect.

const OTHER = '999999999999';

describe('AWS::RDS::DBInstance', () => {
  // The database's own security group: one made elsewhere would give it that group's reachability
  // (existingSecurityGroupRisks).
  const db = (extra: Record<string, unknown>) => ({
    Resources: {
      DbGroup: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { GroupDescription: 'database', VpcId: 'vpc-0abc' },
      },
      Db: {
        Type: 'AWS::RDS::DBInstance',
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
        Properties: {
          DBInstanceClass: 'db.t4g.micro',
          Engine: 'postgres',
          EngineVersion: '16.3',
          AllocatedStorage: 20,
          StorageEncrypted: true,
          MasterUsername: 'app',
          ManageMasterUserPassword: true,
          DBSubnetGroupName: 'private',
          VPCSecurityGroups: [{ 'Fn::GetAtt': ['DbGroup', 'GroupId'] }],
          PubliclyAccessible: false,
          // The most RDS keeps: with no base read, a shorter period may cut an existing instance's backups.
          BackupRetentionPeriod: 35,
          DeletionProtection: true,
          ...extra,
        },
      },
    },
  });

  it('a private, encrypted instance snapshotted on removal is low', () => {
    expect(reasonsOf(db({}))).toEqual([]);
  });

  it.each([true, undefined])('PubliclyAccessible %s is public-access', (value) => {
    expect(reasonsOf(db({ PubliclyAccessible: value })).map((r) => r.split(' ')[0])).toEqual([
      'public-access',
    ]);
  });

  it('FAULT: PubliclyAccessible left out by AWS::NoValue on one Fn::If branch is public-access', () => {
    const body = db({ PubliclyAccessible: { 'Fn::If': ['Open', { Ref: 'AWS::NoValue' }, false] } });
    const withCondition = {
      ...body,
      Parameters: { Open: { Type: 'String' } },
      Conditions: { Open: { 'Fn::Equals': [{ Ref: 'Open' }, 'yes'] } },
    };
    expect(reasonsOf(withCondition).map((r) => r.split(' ')[0])).toContain('public-access');
  });

  it('a monitoring role of another account is unseen-effect at it', () => {
    expect(reasonsOf(db({ MonitoringRoleArn: `arn:aws:iam::${OTHER}:role/monitor` }))).toEqual([
      'unseen-effect Resources.Db.Properties.MonitoringRoleArn',
    ]);
  });

  it.each([
    [
      'a snapshot to restore (maybe shared by another account)',
      { DBSnapshotIdentifier: 'arn:x' },
      'DBSnapshotIdentifier',
    ],
    ['associated roles (S3 import and export)', { AssociatedRoles: [] }, 'AssociatedRoles'],
  ])('%s is unseen-effect', (_name, extra, at) => {
    expect(reasonsOf(db(extra))).toContain(`unseen-effect Resources.Db.Properties.${at}`);
  });
});

describe('AWS::ElasticLoadBalancingV2', () => {
  const elb = (
    lb: Record<string, unknown>,
    action: Record<string, unknown>,
    group: Record<string, unknown>,
  ) => ({
    Resources: {
      Lb: {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: { Scheme: 'internal', Type: 'application', Subnets: ['subnet-1', 'subnet-2'], ...lb },
      },
      Tg: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          TargetType: 'ip',
          Protocol: 'HTTP',
          Port: 8080,
          VpcId: 'vpc-0abc',
          HealthCheckPath: '/health',
          ...group,
        },
      },
      Listener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: { Ref: 'Lb' },
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Tg' }, ...action }],
        },
      },
    },
  });

  it('an internal load balancer forwarding to a target group is low', () => {
    expect(reasonsOf(elb({}, {}, {}))).toEqual([]);
  });

  it('an HTTPS redirect on the same host is low', () => {
    const redirect = { Type: 'redirect', TargetGroupArn: { Ref: 'AWS::NoValue' } };
    expect(
      reasonsOf(
        elb(
          {},
          { ...redirect, RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
          {},
        ),
      ),
    ).toEqual([]);
  });

  // FAULT: `Scheme: !Ref AWS::NoValue` leaves it out (internet-facing), and was read as no value.
  it.each([{ Scheme: 'internet-facing' }, { Scheme: { Ref: 'AWS::NoValue' } }])(
    'an internet-facing load balancer (%j) is public-access',
    (lb) => {
      expect(reasonsOf(elb(lb, {}, {})).map((r) => r.split(' ')[0])).toEqual(['public-access']);
    },
  );

  it.each([
    [
      'access logs to any bucket',
      { LoadBalancerAttributes: [{ Key: 'access_logs.s3.bucket', Value: 'x' }] },
      {},
      {},
      'Lb.Properties.LoadBalancerAttributes',
    ],
    [
      'a redirect to another host',
      {},
      { RedirectConfig: { Host: 'example.net', StatusCode: 'HTTP_302' } },
      {},
      'Listener.Properties.DefaultActions[0].RedirectConfig.Host',
    ],
    [
      'an OIDC login',
      {},
      { AuthenticateOidcConfig: { Issuer: 'https://idp.example.net' } },
      {},
      'Listener.Properties.DefaultActions[0].AuthenticateOidcConfig',
    ],
    [
      'targets by IP address',
      {},
      {},
      { Targets: [{ Id: '203.0.113.7', AvailabilityZone: 'all' }] },
      'Tg.Properties.Targets',
    ],
  ])('%s is unseen-effect', (_name, lb, action, group, at) => {
    expect(reasonsOf(elb(lb, action, group))).toContain(`unseen-effect Resources.${at}`);
  });
});
