import type { DeploymentStrategy } from '../../../../src/core/request/execution-request.js';
import { generate, parseBundleTemplate, resourcesOfType } from '../offline-test-requests.js';
import type { ParsedTemplate } from '../offline-test-requests.js';

const FUNCTION_BLUEPRINTS = [
  ['application', 'ApiFunction'],
  ['integration', 'ConsumerFunction'],
  ['testing', 'CanaryFunction'],
  ['deployment', 'ServiceFunction'],
] as const;

const SHIFTING: readonly (readonly [DeploymentStrategy, string])[] = [
  ['canary', 'CodeDeployDefault.LambdaCanary10Percent5Minutes'],
  ['linear', 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute'],
  ['blue-green', 'CodeDeployDefault.LambdaAllAtOnce'],
];

const CODEDEPLOY_TYPES = [
  'AWS::CodeDeploy::Application',
  'AWS::CodeDeploy::DeploymentGroup',
  'AWS::Lambda::Version',
  'AWS::Lambda::Alias',
];

async function templateFor(
  taskType: (typeof FUNCTION_BLUEPRINTS)[number][0],
  strategy?: DeploymentStrategy,
): Promise<ParsedTemplate> {
  const { bundle } = await generate({
    taskType,
    taskName: 'Orders API',
    stories: ['As a customer I can place an order'],
    ...(strategy === undefined ? {} : { strategy }),
  });
  return parseBundleTemplate(bundle);
}

describe.each(FUNCTION_BLUEPRINTS)('traffic shifting in the %s blueprint', (taskType, functionId) => {
  it.each(SHIFTING)(
    '%s releases through CodeDeploy with %s, an alias and an alarm-driven rollback',
    async (strategy, configName) => {
      const template = await templateFor(taskType, strategy);
      const resources = template.Resources;
      expect(
        resourcesOfType(template, 'AWS::CodeDeploy::Application').map(
          ([, app]) => app.Properties?.['ComputePlatform'],
        ),
      ).toEqual(['Lambda']);

      const group = resources[`${functionId}DeploymentGroup`];
      expect(group?.Type).toBe('AWS::CodeDeploy::DeploymentGroup');
      expect(group?.Properties).toMatchObject({
        DeploymentConfigName: configName,
        DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
        AlarmConfiguration: { Enabled: true, Alarms: [{ Name: { Ref: `${functionId}ErrorAlarm` } }] },
        AutoRollbackConfiguration: {
          Enabled: true,
          Events: expect.arrayContaining(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']),
        },
      });
      expect(resources[`${functionId}ErrorAlarm`]?.Properties).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
      });

      expect(resources[`${functionId}Version`]).toMatchObject({
        Type: 'AWS::Lambda::Version',
        Properties: { FunctionName: { Ref: functionId } },
      });
      expect(resources[`${functionId}Alias`]).toMatchObject({
        Type: 'AWS::Lambda::Alias',
        Properties: {
          FunctionName: { Ref: functionId },
          FunctionVersion: { 'Fn::GetAtt': [`${functionId}Version`, 'Version'] },
        },
        UpdatePolicy: {
          CodeDeployLambdaAliasUpdate: {
            ApplicationName: { Ref: 'CodeDeployApplication' },
            DeploymentGroupName: { Ref: `${functionId}DeploymentGroup` },
          },
        },
      });
      // Callers go through the alias, or the shifted traffic would never reach them.
      expect(JSON.stringify(resources)).not.toContain(`"Fn::GetAtt":["${functionId}","Arn"]`);
    },
  );

  it.each([['all-at-once' as const], [undefined]])(
    taskType === 'deployment'
      ? '%s still releases through CodeDeploy (all at once) behind the alias, so the pre-traffic hook runs'
      : '%s keeps a plain function with an error alarm and no CodeDeploy',
    async (strategy) => {
      const template = await templateFor(taskType, strategy);
      expect(template.Resources[functionId]?.Type).toBe('AWS::Lambda::Function');
      expect(template.Resources[`${functionId}ErrorAlarm`]?.Type).toBe('AWS::CloudWatch::Alarm');
      if (taskType !== 'deployment') {
        for (const type of CODEDEPLOY_TYPES) expect(resourcesOfType(template, type)).toEqual([]);
        return;
      }
      expect(template.Resources['ServiceFunctionDeploymentGroup']?.Properties).toMatchObject({
        DeploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
      });
      expect(
        template.Resources['ServiceFunctionAlias']?.UpdatePolicy?.['CodeDeployLambdaAliasUpdate'],
      ).toMatchObject({
        BeforeAllowTrafficHook: { Ref: 'PreTrafficHookFunction' },
      });
    },
  );
});

describe('the deployment blueprint pre-traffic hook', () => {
  it('gates shifting strategies on a hook function that may invoke only the service versions', async () => {
    const template = await templateFor('deployment', 'canary');
    const alias = template.Resources['ServiceFunctionAlias'];
    expect(alias?.UpdatePolicy?.['CodeDeployLambdaAliasUpdate']).toMatchObject({
      BeforeAllowTrafficHook: { Ref: 'PreTrafficHookFunction' },
    });
    expect(template.Resources['PreTrafficHookFunction']?.Properties).toMatchObject({
      Handler: 'pre-traffic-hook.handler',
      Environment: { Variables: { TARGET_VERSION_ARN: { Ref: 'ServiceFunctionVersion' } } },
    });
    expect(JSON.stringify(template.Resources['PreTrafficHookFunctionRole'])).toContain(
      '"Fn::Sub":"${ServiceFunction.Arn}:*"',
    );
  });

  it('keeps the hook for every strategy, as the README promises, and builds it', async () => {
    for (const strategy of [undefined, 'all-at-once', 'blue-green'] as const) {
      const { bundle } = await generate({
        taskType: 'deployment',
        taskName: 'Orders API',
        ...(strategy === undefined ? {} : { strategy }),
      });
      expect(parseBundleTemplate(bundle).Resources['PreTrafficHookFunction']?.Type).toBe(
        'AWS::Lambda::Function',
      );
      expect(bundle.files.some((file) => file.path.endsWith('src/pre-traffic-hook.ts'))).toBe(true);
      expect(
        JSON.parse(bundle.files.find((file) => file.path.endsWith('package.json'))?.content ?? '{}'),
      ).toMatchObject({
        scripts: { build: expect.stringContaining('src/pre-traffic-hook.ts') },
      });
    }
  });

  it('adds a p99 latency alarm to the rollback alarms when the request asks for one', async () => {
    const { bundle } = await generate({
      taskType: 'deployment',
      taskName: 'Orders API rollout',
      strategy: 'linear',
      description: 'Shift traffic with CodeDeploy, rolling back when latency goes above 800 ms.',
    });
    const resources = parseBundleTemplate(bundle).Resources;
    expect(resources['ServiceFunctionLatencyAlarm']?.Properties).toMatchObject({
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Threshold: 800,
    });
    expect(resources['ServiceFunctionDeploymentGroup']?.Properties?.['AlarmConfiguration']).toEqual({
      Enabled: true,
      Alarms: [
        { Name: { Ref: 'ServiceFunctionErrorAlarm' } },
        { Name: { Ref: 'ServiceFunctionLatencyAlarm' } },
      ],
    });
  });
});
