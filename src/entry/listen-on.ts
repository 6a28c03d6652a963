import type { Server } from 'node:net';

/** The port cannot be listened on: taken by another program (`EADDRINUSE`) or needing privileges (`EACCES`). */
export class PortUnavailableError extends Error {
  constructor(
    readonly port: number,
    readonly host: string | undefined,
    readonly reason: 'in-use' | 'needs-privileges',
    options: { cause: unknown },
  ) {
    super(
      reason === 'in-use'
        ? `port ${port}${host ? ` on ${host}` : ''} is already in use (another program, or an earlier run still going)`
        : `port ${port} needs privileges this process does not have (ports below 1024 do on most systems)`,
      options,
    );
    this.name = 'PortUnavailableError';
  }
}

/**
 * Starts `server` listening on `port` (0: any free one) at `host` (undefined: every interface).
 * Rejects with `PortUnavailableError` when the port is taken or privileged, so each entry point
 * can name the setting that chooses it; other listen errors reject as Node raised them.
 */
export function listenOn(params: { server: Server; port: number; host?: string | undefined }): Promise<void> {
  const { server, port, host } = params;
  return new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
        reject(
          new PortUnavailableError(port, host, error.code === 'EADDRINUSE' ? 'in-use' : 'needs-privileges', {
            cause: error,
          }),
        );
      else reject(error);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
