import type { RequestListener } from 'node:http';

/**
 * The server's request listener while it starts (the app's identity not yet checked with GitHub):
 * every request is answered 503 with `Retry-After`, `GET`/`HEAD /healthz` with
 * `{"status":"starting",…}`, so a load balancer waits and GitHub records a failed delivery that can
 * be redelivered, instead of a webhook handled by an app not yet set up.
 */
export function startingRequestHandler(params: { version: string }): RequestListener {
  const body = JSON.stringify({ status: 'starting', version: params.version });
  return (req, res) => {
    res.writeHead(503, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'retry-after': '10',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
