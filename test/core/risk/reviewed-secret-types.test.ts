import { reasonsOf } from './risk-of.js';

// Secrets Manager secrets and their rotation on the reviewed list (REVIEWED_RESOURCE_TYPES).

const OTHER = '999999999999';
const rotated = (rotation: Record<string, unknown>) => ({
  Resources: {
    Secret: {
      Type: 'AWS::SecretsManager::Secret',
      Properties: { Name: 'orders/db', GenerateSecretString: { PasswordLength: 32 } },
    },
    Rotation: {
      Type: 'AWS::SecretsManager::RotationSchedule',
      Properties: {
        SecretId: { Ref: 'Secret' },
        RotationLambdaARN: { 'Fn::Sub': 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:rotate' },
        RotationRules: { AutomaticallyAfterDays: 30 },
        ...rotation,
      },
    },
  },
});

describe('AWS::SecretsManager::RotationSchedule', () => {
  it('rotation by a function of this account is low', () => {
    expect(reasonsOf(rotated({}))).toEqual([]);
  });

  it('a rotation function in another account (it reads and writes the secret) is data-egress', () => {
    expect(
      reasonsOf(rotated({ RotationLambdaARN: `arn:aws:lambda:us-east-1:${OTHER}:function:rotate` })),
    ).toEqual(['data-egress Resources.Rotation.Properties.RotationLambdaARN']);
  });

  it('a hosted rotation function (deployed from the Serverless Application Repository) is unseen-effect', () => {
    expect(reasonsOf(rotated({ HostedRotationLambda: { RotationType: 'PostgreSQLSingleUser' } }))).toContain(
      'unseen-effect Resources.Rotation.Properties.HostedRotationLambda',
    );
  });

  it('replicas of the secret in other Regions are unseen-effect', () => {
    const body = rotated({});
    const secret = body.Resources.Secret;
    const replicated = {
      Resources: {
        ...body.Resources,
        Secret: {
          ...secret,
          Properties: { ...secret.Properties, ReplicaRegions: [{ Region: 'eu-west-1' }] },
        },
      },
    };
    expect(reasonsOf(replicated)).toEqual(['unseen-effect Resources.Secret.Properties.ReplicaRegions']);
  });
});
