import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenOn } from '../listen-on.js';
import { buildAppManifest } from './build-app-manifest.js';
import { exchangeManifestCode, type RegisteredApp } from './exchange-manifest-code.js';
import { escapeHtml, renderManifestForm } from './render-manifest-form.js';

export interface Registration {
  /** Open this in a browser signed in to GitHub, e.g. `http://127.0.0.1:3333/`. */
  readonly url: string;
  /** Resolves with the new app once GitHub redirected back and the code was exchanged. */
  readonly registered: Promise<RegisteredApp>;
  close(): Promise<void>;
}

/**
 * GitHub's manifest flow on localhost
 * (https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest):
 * `GET /` serves the form that posts the manifest to GitHub; GitHub sends the browser back to
 * `GET /callback?code=…&state=…`; the code is exchanged for the app's credentials, which
 * `onRegistered` saves before the browser is told it worked. A callback whose `state` is not this
 * server's is refused (it did not come from the form served here). Rejects with
 * `PortUnavailableError` when the port is taken, and as `buildAppManifest` does on a bad webhook URL.
 */
export async function serveRegistration(params: {
  appYml: string;
  webhookUrl: string;
  name?: string;
  organization?: string;
  port: number;
  apiUrl?: string;
  onRegistered: (app: RegisteredApp) => Promise<string>;
}): Promise<Registration> {
  const state = randomBytes(16).toString('hex');
  let settle!: { resolve: (app: RegisteredApp) => void; reject: (error: unknown) => void };
  const registered = new Promise<RegisteredApp>((resolve, reject) => (settle = { resolve, reject }));
  let manifestHtml = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const page = (status: number, html: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    };
    if (req.method !== 'GET') return page(405, 'Method not allowed');
    if (url.pathname === '/') return page(200, manifestHtml);
    if (url.pathname !== '/callback') return page(404, 'Not found');
    const code = url.searchParams.get('code');
    if (!code || url.searchParams.get('state') !== state)
      return page(
        400,
        '<p>This is not the answer to the form served here. Start again from <a href="/">the form</a>.</p>',
      );
    exchangeManifestCode({ code, ...(params.apiUrl ? { apiUrl: params.apiUrl } : {}) })
      .then(async (app) => {
        const saved = await params.onRegistered(app);
        page(
          200,
          `<p>Registered <a href="${escapeHtml(app.html_url)}">${escapeHtml(app.name)}</a>. ${escapeHtml(saved)}</p><p>Next: install it on your repositories from its page, then <code>npm start</code>.</p>`,
        );
        settle.resolve(app);
      })
      .catch((error: unknown) => {
        page(502, `<p>${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`);
        settle.reject(error);
      });
  });
  await listenOn({ server, port: params.port, host: '127.0.0.1' });
  // The address it listens on, so the redirect cannot land on another loopback family.
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // a browser's keep-alive connection would hold the close
    });
  let manifest;
  try {
    manifest = buildAppManifest({
      appYml: params.appYml,
      webhookUrl: params.webhookUrl,
      redirectUrl: `${base}/callback`,
      ...(params.name ? { name: params.name } : {}),
    });
  } catch (error) {
    await close();
    throw error;
  }
  manifestHtml = renderManifestForm({
    manifest,
    state,
    ...(params.organization ? { organization: params.organization } : {}),
  });
  return {
    url: `${base}/`,
    registered,
    close,
  };
}
