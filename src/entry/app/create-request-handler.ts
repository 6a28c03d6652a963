import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Probot's middleware: answers its own paths (the webhook endpoint) and calls `next` for others. */
export type ProbotMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: () => void,
) => boolean | void | Promise<boolean | void>;

/**
 * The server's one request listener: `GET`/`HEAD /healthz` answers 200 with a small JSON body for
 * load balancer health checks, Probot takes its webhook path, and anything else is answered 404
 * at once (Probot leaves unknown paths unanswered, so a check on `/` would hang).
 */
export function createRequestHandler(params: {
  middleware: ProbotMiddleware;
  health: { readonly app: string; readonly version: string };
}): RequestListener {
  const healthBody = JSON.stringify({ status: 'ok', ...params.health });
  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : healthBody);
      return;
    }
    Promise.resolve(
      params.middleware(req, res, () => {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not found' }));
      }),
    ).catch(() => {
      // Probot answers its own failures with 500; this covers one thrown before it could.
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}
