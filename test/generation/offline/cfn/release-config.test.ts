import { releaseConfig } from '../../../../src/generation/offline/cfn/release-config.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from '../offline-test-requests.js';

const configOf = async (params: {
  taskType: 'application' | 'deployment' | 'integration';
  strategy: 'canary' | 'linear';
  description: string;
}) => {
  const { bundle } = await generate({
    taskName: 'Orders API',
    stories: ['As a customer I can place an order'],
    environment: 'production',
    ...params,
  });
  const template = parseBundleTemplate(bundle);
  const groups = resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup');
  return {
    bundle,
    name: groups.map(([, group]) => group.Properties?.['DeploymentConfigName']),
    custom: resourcesOfType(template, 'AWS::CodeDeploy::DeploymentConfig').map(
      ([, config]) => config.Properties,
    ),
  };
};

// https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-lambda
describe('the release config is the shift the request spells out', () => {
  it.each([
    [
      'linear',
      'Roll out linearly, 10 percent every 2 minutes.',
      'CodeDeployDefault.LambdaLinear10PercentEvery2Minutes',
    ],
    [
      'linear',
      'Shift traffic 10% every 10 minutes.',
      'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes',
    ],
    [
      'canary',
      'A canary of 10 percent, then the rest after 30 minutes.',
      'CodeDeployDefault.LambdaCanary10Percent30Minutes',
    ],
    ['canary', 'Canary 10 percent for 15 minutes.', 'CodeDeployDefault.LambdaCanary10Percent15Minutes'],
  ] as const)('%s "%s" → %s (predefined)', async (strategy, description, expected) => {
    for (const taskType of ['application', 'deployment', 'integration'] as const) {
      const { name, custom } = await configOf({ taskType, strategy, description });
      expect(name).toEqual([expected]);
      expect(custom).toEqual([]);
    }
  });

  it('declares a custom TimeBasedLinear or TimeBasedCanary config when none is predefined, and tests it', async () => {
    const linear = await configOf({
      taskType: 'deployment',
      strategy: 'linear',
      description: 'Release with a linear rollout, 25 percent every 4 minutes.',
    });
    expect(linear.name).toEqual([{ Ref: 'ReleaseDeploymentConfig' }]);
    expect(linear.custom).toEqual([
      {
        ComputePlatform: 'Lambda',
        TrafficRoutingConfig: {
          Type: 'TimeBasedLinear',
          TimeBasedLinear: { LinearPercentage: 25, LinearInterval: 4 },
        },
      },
    ]);
    // The generated template test checks the custom config, so it would fail without it.
    expect(fileContent(linear.bundle, 'test/template.test.ts')).toContain('"LinearPercentage":25');
    const row = linear.bundle.coverage?.find((entry) => entry.source.kind === 'setting');
    expect(row?.implementedBy).toContain('linear, 25 percent every 4 minutes');

    const canary = await configOf({
      taskType: 'application',
      strategy: 'canary',
      description: 'Canary 5 percent of traffic, then the rest after 20 minutes.',
    });
    expect(canary.name).toEqual([{ Ref: 'ReleaseDeploymentConfig' }]);
    expect(canary.custom[0]?.['TrafficRoutingConfig']).toEqual({
      Type: 'TimeBasedCanary',
      TimeBasedCanary: { CanaryPercentage: 5, CanaryInterval: 20 },
    });
  });

  it('keeps the strategy default when no sentence is about the release ("cancel within 30 minutes")', async () => {
    const { name } = await configOf({
      taskType: 'application',
      strategy: 'canary',
      description: 'An orders API. A customer can cancel an order within 30 minutes.',
    });
    expect(name).toEqual(['CodeDeployDefault.LambdaCanary10Percent5Minutes']);
  });

  it('never makes a config CodeDeploy refuses: a percentage outside 1–99 keeps the default', () => {
    expect(releaseConfig({ strategy: 'linear', asked: { percent: 150, minutes: 2 } })).toMatchObject({
      name: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
    });
    expect(releaseConfig({ strategy: 'blue-green', asked: { percent: 20 } })?.name).toBe(
      'CodeDeployDefault.LambdaAllAtOnce',
    );
    expect(releaseConfig({ strategy: 'all-at-once' })).toBeUndefined();
  });
});
