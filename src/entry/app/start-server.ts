import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, type ApplicationFunction } from 'probot';
import { markerKeysFrom } from '../../core/state/marker-keys.js';
import { implementationAgentApp } from './app.js';
import { checkAppIdentity } from './check-app-identity.js';
import { createRequestHandler } from './create-request-handler.js';
import { listenOn, PortUnavailableError } from '../listen-on.js';
import {
  readServerSettings,
  ServerSettingsError,
  type Environment,
  type ServerSettings,
} from './read-server-settings.js';
import { startingRequestHandler } from './starting-request-handler.js';

/** GitHub refused the app's credentials at start-up; the message says which and how to fix it. */
export class AppCredentialsError extends Error {
  override name = 'AppCredentialsError';
}

export interface RunningServer {
  readonly server: Server;
  /** e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly probot: Probot;
  close(): Promise<void>;
}

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Starts the app server: settings from `env` (throws `ServerSettingsError` naming each problem,
 * or the port when it is taken), listening at once (logged, every request answered 503 meanwhile),
 * the app's identity confirmed with GitHub (throws `AppCredentialsError` when GitHub refuses the
 * credentials; serves anyway, with a warning, when GitHub cannot be reached, and asks again on the
 * first event), state markers signed with keys derived from the webhook secret, then one HTTP
 * server for Probot's webhook path, `/healthz`, and 404 for anything else. Logs where it listens,
 * that it is asking GitHub, and which app it is; closes the server when it cannot go on.
 */
export async function startServer(params: {
  env: Environment;
  cwd: string;
  appFn?: ApplicationFunction;
}): Promise<RunningServer> {
  const settings = readServerSettings(params.env, params.cwd);
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    webhookPath: settings.webhookPath,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
    logFormat: settings.logFormat,
  });
  await probot.ready();
  let handle: RequestListener = startingRequestHandler({ version });
  const server = createServer((req, res) => handle(req, res));
  await listenOn({ server, port: settings.port, host: settings.host }).catch((error: unknown) => {
    if (!(error instanceof PortUnavailableError)) throw error;
    throw new ServerSettingsError([`PORT ${settings.port}: ${error.message}. Set PORT to another port.`]);
  });
  const close = () =>
    new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  const { url, where } = describeAddress(server.address() as AddressInfo);
  probot.log.info(
    `implementation-agent ${version} listening on ${where}: webhooks at ${url}${settings.webhookPath}, health at ${url}/healthz`,
  );
  // GitHub may take seconds to answer (or time out): say what the wait is for.
  probot.log.info(
    `Checking the app identity with GitHub (GET ${settings.baseUrl}/app); requests are answered 503 until it answers…`,
  );
  try {
    handle = await readyHandler({ settings, probot, appFn: params.appFn });
  } catch (error) {
    await close();
    throw error;
  }
  return { server, url, probot, close };
}

/**
 * The app's identity confirmed with GitHub (logged), then the listener that serves the app: throws
 * `AppCredentialsError` when GitHub refuses the credentials.
 */
async function readyHandler(params: {
  settings: ServerSettings;
  probot: Probot;
  appFn: ApplicationFunction | undefined;
}): Promise<RequestListener> {
  const { settings, probot } = params;
  const check = await checkAppIdentity({ client: (await probot.auth()).rest, appId: settings.appId });
  if (check.kind === 'rejected') throw new AppCredentialsError(check.problem);
  const markerKeys = markerKeysFrom({
    secret: settings.webhookSecret,
    previousSecret: settings.previousWebhookSecret,
  });
  const appFn =
    params.appFn ??
    implementationAgentApp({
      ...(markerKeys === undefined ? {} : { markerKeys }),
      ...(check.kind === 'confirmed' ? { login: `${check.identity.slug}[bot]` } : {}),
    });
  const middleware = await createNodeMiddleware(appFn, { probot });
  const app = check.kind === 'confirmed' ? check.identity.slug : 'implementation-agent';
  if (check.kind === 'confirmed') {
    const { identity } = check;
    const installs =
      identity.installationsCount === undefined
        ? ''
        : `, installed on ${identity.installationsCount} account(s)`;
    probot.log.info(
      `GitHub App "${identity.name}" (${identity.slug}, id ${identity.id}) owned by ${identity.owner}${installs}: ${identity.htmlUrl}`,
    );
  } else {
    probot.log.warn(`Serving without confirming the app's identity: ${check.problem}`);
  }
  return createRequestHandler({ middleware, health: { app, version } });
}

/** Listening on every interface (no HOST) is reachable as localhost; a specific HOST is shown as is. */
function describeAddress(address: AddressInfo): { url: string; where: string } {
  const everywhere = address.address === '::' || address.address === '0.0.0.0';
  const host = everywhere
    ? 'localhost'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  const url = `http://${host}:${address.port}`;
  return { url, where: everywhere ? `port ${address.port} (all interfaces)` : url };
}
