import { maskNoEchoOutputs, SECRET_ATTRIBUTE_MARKER } from '../../../src/core/cfn/mask-no-echo-outputs.js';
import { outputsReadingSecretAttributes } from '../../../src/core/cfn/secret-attribute-outputs.js';
import { redactDeployment } from '../../../src/core/stores/redact-deployment.js';

/** AWS's documented example secret key (IAM User Guide, access keys), which secretlint lets pass. */
const EXAMPLE_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const template = (resources: string[], outputs: string[]) =>
  ['Resources:', ...resources, 'Outputs:', ...outputs, ''].join('\n');

const ACCESS_KEY = ['  Key:', '    Type: AWS::IAM::AccessKey', '    Properties:', '      UserName: deployer'];

describe('outputsReadingSecretAttributes', () => {
  it('finds an AppSync API key read in an Fn::Sub, and keeps its id and ARN', () => {
    const names = outputsReadingSecretAttributes(
      template(
        ['  GraphKey:', '    Type: AWS::AppSync::ApiKey', '    Properties:', '      ApiId: abc'],
        [
          '  Header:',
          "    Value: !Sub 'x-api-key: ${GraphKey.ApiKey}'",
          '  KeyId:',
          '    Value: !GetAtt GraphKey.ApiKeyId',
          '  KeyArn:',
          '    Value: !Ref GraphKey',
        ],
      ),
    );
    expect([...names.named]).toEqual(['Header']);
  });

  it('follows a resource handed the secret (an SSM parameter read back), and a list-form GetAtt', () => {
    const names = outputsReadingSecretAttributes(
      template(
        [
          ...ACCESS_KEY,
          '  Stored:',
          '    Type: AWS::SSM::Parameter',
          '    Properties:',
          '      Type: String',
          '      Value: !GetAtt [Key, SecretAccessKey]',
        ],
        [
          '  FromParameter:',
          '    Value: !GetAtt Stored.Value',
          '  ParameterName:',
          '    Value: !Ref Stored',
          '  KeyId:',
          '    Value: !Ref Key',
          '  Chosen:',
          '    Value: !GetAtt [Key, !Select [0, [SecretAccessKey]]]',
        ],
      ),
    );
    expect([...names.named].sort()).toEqual(['Chosen', 'FromParameter', 'ParameterName']);
  });

  it('finds none where no resource type has secret attributes (Secrets Manager gives an ARN)', () => {
    const names = outputsReadingSecretAttributes(
      template(
        ['  Db:', '    Type: AWS::RDS::DBCluster', '  Secret:', '    Type: AWS::SecretsManager::Secret'],
        [
          '  SecretArn:',
          '    Value: !GetAtt Db.MasterUserSecret.SecretArn',
          '  Other:',
          '    Value: !Ref Secret',
        ],
      ),
    );
    expect(names.named.size).toBe(0);
  });
});

describe('secret attribute outputs masked like NoEcho ones', () => {
  it('withholds AWS’s example secret key when the output reads SecretAccessKey, whatever its name', () => {
    const masked = maskNoEchoOutputs({
      template: template(ACCESS_KEY, ['  Second:', '    Value: !GetAtt Key.SecretAccessKey']),
      parameters: {},
      outputs: { Second: EXAMPLE_SECRET_KEY },
    });
    expect(masked).toEqual({ Second: SECRET_ATTRIBUTE_MARKER });
  });

  // Decided: AWS's published example key is no credential; secretlint lets it pass on purpose so
  // docs and tests (moto) may use it, and an output merely named like a secret keeps it.
  it('keeps AWS’s published example key in an output that reads no secret attribute', async () => {
    const stored = await redactDeployment({
      repository: 'acme/shop',
      environment: 'staging',
      deploymentId: 1,
      sha: 'f'.repeat(40),
      stackName: 'shop-staging',
      template: template(
        ['  Topic:', '    Type: AWS::SNS::Topic'],
        ['  SecretAccessKey:', '    Value: example'],
      ),
      parameters: {},
      outputs: { SecretAccessKey: EXAMPLE_SECRET_KEY },
    });
    expect(stored.outputs).toEqual({ SecretAccessKey: EXAMPLE_SECRET_KEY });
  });
});
