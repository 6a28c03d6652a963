import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
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
  it('reports Succeeded when the new version passes every probe', async () => {
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

  it('reports Failed when the new version is misconfigured', async () => {
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

/** Jest suites: the service's answers, one probe test per story, and (with shifting) the pre-traffic hook. */
export function deploymentTests(params: {
  baseDir: string;
  probes: readonly ReleaseProbe[];
  withHook: boolean;
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
  const files: GeneratedFile[] = [
    { path: `${params.baseDir}/test/service.test.ts`, role: 'test', content: service },
  ];
  if (params.withHook)
    files.push({
      path: `${params.baseDir}/test/pre-traffic.test.ts`,
      role: 'test',
      content: PRE_TRAFFIC_TEST,
    });
  return files;
}
