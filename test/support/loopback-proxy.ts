import { createServer, connect, type Socket } from 'node:net';

export interface LoopbackProxy {
  /** `http://127.0.0.1:<port>`: point clients here instead of at the target. */
  readonly url: string;
  /** From now on every connection is reset at once, and open ones are cut: the target looks down. */
  refuse(): void;
  /** Lets traffic through to the target again. */
  forward(): void;
  /** Connections accepted so far, refused ones included. */
  readonly connections: () => number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of a local server, to make outages without stopping the server
 * (moto keeps its data only in memory). Traffic goes only between loopback addresses.
 */
export async function startLoopbackProxy(params: { targetPort: number }): Promise<LoopbackProxy> {
  let refusing = false;
  let accepted = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    accepted += 1;
    if (refusing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: params.targetPort });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    refuse() {
      refusing = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    forward() {
      refusing = false;
    },
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of open) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
