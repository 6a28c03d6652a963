import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createAwsClient, MIRROR_TIMEOUTS, type AwsClientConfig } from '../../src/aws/create-aws-client.js';
import { agentConfigSchema } from '../../src/core/config/agent-config.js';
import { mirrorStoresForConfig } from '../../src/pipeline/mirror/mirror-stores-for-config.js';
import { applyTaskEvent } from '../../src/core/task/apply-task-event.js';
import { syncTaskMirror } from '../../src/pipeline/mirror/sync-task-mirror.js';

/** An endpoint that takes the connection and never answers: a stuck proxy, a half-open connection. */
async function blackhole(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('review10d: a mirror that takes the connection and never answers', () => {
  it('FAULT: a client given timeouts gives up on a silent connection (no SDK default does); the mirrors have them', () => {
    let seen: AwsClientConfig | undefined;
    class Capture {
      constructor(config: AwsClientConfig) {
        seen = config;
      }
    }
    createAwsClient(Capture, { region: 'us-east-1', timeouts: MIRROR_TIMEOUTS });
    expect(seen?.requestHandler).toEqual({
      connectionTimeout: MIRROR_TIMEOUTS.connectionMs,
      socketTimeout: MIRROR_TIMEOUTS.socketMs,
    });
    expect(MIRROR_TIMEOUTS.socketMs).toBeLessThanOrEqual(60_000);
    // A model call is silent while the model writes: no timeout unless asked.
    createAwsClient(Capture, { region: 'us-east-1' });
    expect(seen?.requestHandler).toBeUndefined();
  });

  it('FAULT: the task goes on: the sync comes back behind instead of waiting for ever', async () => {
    const hole = await blackhole();
    try {
      const mirror = mirrorStoresForConfig({
        config: agentConfigSchema.parse({
          mirrors: {
            region: 'us-east-1',
            tasks_table: 'ImplementationTasks',
            results_table: 'ImplementationResults',
          },
        }),
        aws: {
          endpoint: hole.url,
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
          maxAttempts: 1,
          timeouts: { connectionMs: 300, socketMs: 300 },
        },
      });
      const { record, event } = applyTaskEvent(undefined, {
        type: 'task_received',
        task_id: 'acme/shop#7',
        repo: 'acme/shop',
        at: '2026-11-24T10:00:00.000Z',
      });
      const result = await syncTaskMirror({
        record,
        events: [event],
        mirror,
      });
      expect(result.status).toBe('behind');
      mirror.close();
    } finally {
      await hole.close();
    }
  }, 10_000);
});
