import type { GeneratedFile } from '../../../../core/bundle/artifact-bundle.js';
import { codeLiteral } from '../../naming/code-literal.js';
import type { ReleaseProbe } from './release-probes.js';
import { PRE_TRAFFIC_CONTRACT, PRE_TRAFFIC_HOOK_SOURCE } from '../../project/pre-traffic-hook-source.js';

const SERVICE = `import { PROBES } from './probes';

export interface ServiceContext {
  version: string;
  environment: string;
  /** Configuration the function was deployed with (its environment variables). */
  config: Record<string, string | undefined>;
}

export interface ServiceRequest {
  /** Present when the pre-traffic hook (or an operator) probes a version before it takes traffic. */
  probe?: string;
}

export interface ServiceResponse {
  ok: boolean;
  version: string;
  environment: string;
  probe?: string;
  detail?: string;
}

/** The service's behaviour, free of AWS: answers requests and release probes. */
export function handleRequest(request: ServiceRequest, context: ServiceContext): ServiceResponse {
  const base = { version: context.version, environment: context.environment };
  if (request.probe === undefined) return { ok: true, ...base };
  const probe = PROBES[request.probe];
  if (probe === undefined) return { ok: false, ...base, probe: request.probe, detail: 'unknown probe' };
  const problem = probe(context);
  return problem === undefined ? { ok: true, ...base, probe: request.probe } : { ok: false, ...base, probe: request.probe, detail: problem };
}
`;

const HANDLER = `import { handleRequest } from './service';
import type { ServiceRequest, ServiceResponse } from './service';

/** Lambda entry point of the released service. */
export async function handler(event: ServiceRequest): Promise<ServiceResponse> {
  return handleRequest(event ?? {}, {
    version: process.env['AWS_LAMBDA_FUNCTION_VERSION'] ?? 'unknown',
    environment: process.env['ENVIRONMENT_NAME'] ?? 'unknown',
    config: process.env,
  });
}
`;

const PRE_TRAFFIC = `import { PROBES } from './probes';

${PRE_TRAFFIC_CONTRACT}
/**
 * Sends every release probe to the new version before it gets traffic. Any failure reports Failed,
 * which makes CodeDeploy stop the deployment and keep traffic on the current version.
 */
export async function verifyNewVersion(deps: PreTrafficDependencies): Promise<{ status: HookStatus; failures: string[] }> {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const failures: string[] = [];
  for (const probe of Object.keys(PROBES)) {
    try {
      const response = JSON.parse(await deps.invoke(JSON.stringify({ probe }))) as { ok?: unknown; probe?: unknown; detail?: unknown };
      if (response.ok !== true || response.probe !== probe) failures.push(probe + ': ' + String(response.detail ?? 'not ok'));
    } catch (error) {
      failures.push(probe + ': ' + (error instanceof Error ? error.message : String(error)));
    }
  }
  const status: HookStatus = failures.length === 0 ? 'Succeeded' : 'Failed';
  log({ level: status === 'Succeeded' ? 'info' : 'error', hook: 'pre-traffic', status, failures });
  await deps.reportStatus(status);
  return { status, failures };
}
`;

/** Service source with one release probe per story; with traffic shifting, the pre-traffic hook too. */
export function deploymentSource(params: {
  baseDir: string;
  probes: readonly ReleaseProbe[];
  withHook: boolean;
}): GeneratedFile[] {
  const files: [string, string][] = [
    ['probes.ts', probesModule(params.probes)],
    ['service.ts', SERVICE],
    ['handler.ts', HANDLER],
  ];
  if (params.withHook)
    files.push(['pre-traffic.ts', PRE_TRAFFIC], ['pre-traffic-hook.ts', PRE_TRAFFIC_HOOK_SOURCE]);
  return files.map(([name, content]) => ({ path: `${params.baseDir}/src/${name}`, role: 'source', content }));
}

function probesModule(probes: readonly ReleaseProbe[]): string {
  const entries = probes.map(({ intent, name }) =>
    [
      `  // Story ${intent.number}: ${intent.text}`,
      `  ${codeLiteral(name)}: (context) => requireConfig(context, ['ENVIRONMENT_NAME']),`,
    ].join('\n'),
  );
  return `import type { ServiceContext } from './service';

/** Returns undefined when the version is fit to serve, else what is wrong. */
export type Probe = (context: ServiceContext) => string | undefined;

/**
 * One probe per user story, run against every new version before it takes traffic. Each starts by
 * checking the configuration the story depends on; extend it to exercise the behaviour itself.
 */
export const PROBES: Readonly<Record<string, Probe>> = {
${entries.join('\n')}
};

export function requireConfig(context: ServiceContext, names: readonly string[]): string | undefined {
  const missing = names.filter((name) => (context.config[name] ?? '') === '');
  return missing.length === 0 ? undefined : 'missing configuration: ' + missing.join(', ');
}
`;
}
