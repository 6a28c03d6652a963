import { agentConfigSchema } from '../../../src/core/config/agent-config.js';
import { planCodePackage } from '../../../src/core/deploy/code-package-plan.js';

const TEMPLATE = `Parameters:
  CodeS3Bucket: { Type: String, MinLength: 3 }
  CodeS3Key: { Type: String, MinLength: 1 }
Resources:
  Fn: { Type: AWS::Lambda::Function, Properties: { Code: { S3Bucket: !Ref CodeS3Bucket, S3Key: !Ref CodeS3Key } } }
`;

function plan(
  overrides: {
    template?: string;
    parameters?: Record<string, string>;
    config?: unknown;
    region?: string;
  } = {},
) {
  return planCodePackage({
    template: overrides.template ?? TEMPLATE,
    templatePath: 'services/orders-api/template.yaml',
    parameters: overrides.parameters ?? {},
    config: agentConfigSchema.parse(overrides.config ?? {}),
    environment: 'staging',
    region: overrides.region ?? 'ap-southeast-2',
    repository: 'acme/shop',
  });
}

describe('planCodePackage', () => {
  it('packages into the deployments bucket, under the repository and service, when it is in the stack region', () => {
    expect(plan({ config: { mirrors: { deployments_bucket: 'acme-deployments' } } })).toEqual({
      kind: 'package',
      bucket: 'acme-deployments',
      keyPrefix: 'acme/shop/code/orders-api/',
      serviceDir: 'services/orders-api',
    });
  });

  it("falls back to the environment's code_bucket, also when the deployments bucket is in another region", () => {
    const config = {
      mirrors: { deployments_bucket: 'acme-deployments', region: 'us-east-1' },
      environments: { staging: { code_bucket: 'acme-code-sydney' } },
    };
    expect(plan({ config })).toMatchObject({ kind: 'package', bucket: 'acme-code-sydney' });
  });

  it('refuses naming both settings when no bucket in the region is configured', () => {
    const refused = plan();
    expect(refused.kind).toBe('refuse');
    if (refused.kind !== 'refuse') return;
    expect(refused.message).toContain('mirrors.deployments_bucket');
    expect(refused.message).toContain('environments.staging.code_bucket');
    expect(refused.message).toContain('Nothing was deployed');
    const elsewhere = plan({
      config: { mirrors: { deployments_bucket: 'acme-deployments', region: 'us-east-1' } },
    });
    expect(elsewhere).toMatchObject({ kind: 'refuse', message: expect.stringContaining('is in us-east-1') });
  });

  it('packages nothing when the template takes no code, has a default, or the deployment already says where the code is', () => {
    expect(plan({ template: 'Resources: { Q: { Type: AWS::SQS::Queue } }' })).toEqual({ kind: 'none' });
    expect(
      plan({
        template: TEMPLATE.replace(
          'CodeS3Key: { Type: String, MinLength: 1 }',
          'CodeS3Key: { Type: String, Default: code.zip }',
        ),
      }),
    ).toEqual({ kind: 'none' });
    // A rollback redeploys stored parameters, code location included.
    expect(
      plan({ parameters: { CodeS3Bucket: 'b', CodeS3Key: 'acme/shop/code/orders-api/abc.zip' } }),
    ).toEqual({ kind: 'none' });
  });
});
