import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { CUSTOM_CONFIG_ID, customTrafficRouting } from '../../cfn/release-config.js';
import type { TrafficShift } from '../../cfn/shift-of-config.js';
import { codeLiteral } from '../../naming/code-literal.js';
import { readTemplateFile } from '../../project/read-template-file.js';
import type { DeploymentAsks } from './deployment-asks.js';
import { DEPLOYMENT_FILES, DEPLOYMENT_TITLES, latencyTitle, releaseTitle } from './deployment-test-titles.js';
import type { ReleaseProbe } from './release-probes.js';

const PRE_TRAFFIC_TEST = `import { verifyNewVersion } from '../src/pre-traffic';
import type { HookStatus } from '../src/pre-traffic';
import { PROBES } from '../src/probes';
import { handleRequest } from '../src/service';

const HEALTHY = { version: '7', environment: 'test', config: { ENVIRONMENT_NAME: 'test' } };

function reporter() {
  const statuses: HookStatus[] = [];
  return { statuses, reportStatus: async (status: HookStatus) => void statuses.push(status) };
}

describe('verifyNewVersion', () => {
  it(${codeLiteral(DEPLOYMENT_TITLES.hookPasses)}, async () => {
    const { statuses, reportStatus } = reporter();
    const probed: string[] = [];
    const invoke = async (payload: string) => {
      const request = JSON.parse(payload) as { probe: string };
      probed.push(request.probe);
      return JSON.stringify(handleRequest(request, HEALTHY));
    };
    expect(await verifyNewVersion({ invoke, reportStatus, log: () => undefined })).toEqual({ status: 'Succeeded', failures: [] });
    expect(probed).toEqual(Object.keys(PROBES));
    expect(statuses).toEqual(['Succeeded']);
  });

  it(${codeLiteral(DEPLOYMENT_TITLES.hookFails)}, async () => {
    const { statuses, reportStatus } = reporter();
    const broken = { ...HEALTHY, config: {} };
    const invoke = async (payload: string) => JSON.stringify(handleRequest(JSON.parse(payload) as { probe: string }, broken));
    const result = await verifyNewVersion({ invoke, reportStatus, log: () => undefined });
    expect(result.status).toBe('Failed');
    expect(result.failures).toHaveLength(Object.keys(PROBES).length);
    expect(statuses).toEqual(['Failed']);
  });

  it('reports Failed when invoking the new version errors', async () => {
    const { statuses, reportStatus } = reporter();
    const invoke = async (): Promise<string> => {
      throw new Error('function error: boom');
    };
    expect((await verifyNewVersion({ invoke, reportStatus, log: () => undefined })).status).toBe('Failed');
    expect(statuses).toEqual(['Failed']);
  });
});
`;

/** Jest suites: the service's answers, one probe test per story, the pre-traffic hook, and the release the template promises. */
export function deploymentTests(params: {
  baseDir: string;
  probes: readonly ReleaseProbe[];
  configName: string;
  /** How the config moves traffic: what a custom config's routing is checked against. */
  shift: TrafficShift;
  asks: DeploymentAsks;
}): GeneratedFile[] {
  const stories = params.probes.map(
    ({ intent, name }) => `  // Story ${intent.number}: ${intent.text}
  it(${codeLiteral(intent.testTitle)}, () => {
    expect(handleRequest({ probe: ${codeLiteral(name)} }, CONTEXT)).toEqual({ ok: true, version: '3', environment: 'test', probe: ${codeLiteral(name)} });
    expect(handleRequest({ probe: ${codeLiteral(name)} }, { ...CONTEXT, config: {} }).ok).toBe(false);
  });
`,
  );
  const service = `import { handleRequest } from '../src/service';

const CONTEXT = { version: '3', environment: 'test', config: { ENVIRONMENT_NAME: 'test' } };

describe('handleRequest', () => {
  it('answers ordinary requests with the running version', () => {
    expect(handleRequest({}, CONTEXT)).toEqual({ ok: true, version: '3', environment: 'test' });
  });

  it('fails a probe it does not know', () => {
    expect(handleRequest({ probe: 'no-such-probe' }, CONTEXT)).toMatchObject({ ok: false, detail: 'unknown probe' });
  });
});

describe('release probes for the user stories', () => {
${stories.join('\n')}});
`;
  return [
    { path: `${params.baseDir}/${DEPLOYMENT_FILES.service}`, role: 'test', content: service },
    { path: `${params.baseDir}/${DEPLOYMENT_FILES.hook}`, role: 'test', content: PRE_TRAFFIC_TEST },
    readTemplateFile(params.baseDir),
    {
      path: `${params.baseDir}/${DEPLOYMENT_FILES.template}`,
      role: 'test',
      content: templateTest(params.configName, params.shift, params.asks),
    },
  ];
}

function templateTest(configName: string, shift: TrafficShift, asks: DeploymentAsks): string {
  // A custom config is referenced by the group and declares the asked percentage and interval itself.
  const release =
    configName === CUSTOM_CONFIG_ID
      ? `expect(group().Properties.DeploymentConfigName).toEqual({ Ref: ${codeLiteral(CUSTOM_CONFIG_ID)} });
    expect(Resources[${codeLiteral(CUSTOM_CONFIG_ID)}]?.Properties).toEqual({ ComputePlatform: 'Lambda', TrafficRoutingConfig: ${JSON.stringify(customTrafficRouting(shift))} });`
      : `expect(group().Properties.DeploymentConfigName).toBe(${codeLiteral(configName)});`;
  const latency =
    asks.latency === undefined
      ? ''
      : `
  it(${codeLiteral(latencyTitle(asks.latency.thresholdMs))}, () => {
    const alarm = readTemplate().Resources['ServiceFunctionLatencyAlarm'];
    expect(alarm?.Properties).toMatchObject({ MetricName: 'Duration', ExtendedStatistic: 'p99', Threshold: ${asks.latency.thresholdMs} });
    expect(group().Properties.AlarmConfiguration.Alarms).toContainEqual({ Name: { Ref: 'ServiceFunctionLatencyAlarm' } });
  });
`;
  return `import { readTemplate } from './read-template';

function group() {
  const resource = readTemplate().Resources['ServiceFunctionDeploymentGroup'];
  if (resource === undefined) throw new Error('the template has no ServiceFunctionDeploymentGroup');
  return resource;
}

describe('the release the template declares', () => {
  it(${codeLiteral(releaseTitle(configName))}, () => {
    const { Resources } = readTemplate();
    ${release}
    expect(Resources['ServiceFunctionAlias']?.Properties).toMatchObject({ Name: 'live', FunctionVersion: { 'Fn::GetAtt': ['ServiceFunctionVersion', 'Version'] } });
  });

  it(${codeLiteral(DEPLOYMENT_TITLES.hookRuns)}, () => {
    const alias = readTemplate().Resources['ServiceFunctionAlias'];
    expect(alias?.UpdatePolicy?.CodeDeployLambdaAliasUpdate).toMatchObject({ BeforeAllowTrafficHook: { Ref: 'PreTrafficHookFunction' } });
  });

  it(${codeLiteral(DEPLOYMENT_TITLES.rollsBack)}, () => {
    expect(group().Properties.AutoRollbackConfiguration).toEqual({ Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] });
    expect(group().Properties.AlarmConfiguration.Alarms).toContainEqual({ Name: { Ref: 'ServiceFunctionErrorAlarm' } });
  });
${latency}});
`;
}
