import { redactEventText } from '../../../src/core/task/redact-event-text.js';

const TOKEN = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const at = '2026-11-24T10:00:00.000Z';

describe("redactEventText: an event's free text as the record keeps it", () => {
  it('redacts the task name, every text of an outcome and an environment URL', async () => {
    expect(
      await redactEventText({
        type: 'task_received',
        task_id: 'acme/shop#7',
        at,
        repo: 'acme/shop',
        task_name: `Orders ${TOKEN}`,
      }),
    ).toMatchObject({ task_name: 'Orders [REDACTED:github-token]' });
    const outcome = await redactEventText({
      type: 'outcome_recorded',
      task_id: 'acme/shop#7',
      at,
      outcome: {
        version: 1,
        status: 'failed',
        reasonCode: 'failed',
        message: `token ${TOKEN}`,
        detail: `again ${TOKEN}`,
      },
    });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
    expect(outcome.outcome).toMatchObject({ status: 'failed', reasonCode: 'failed' });
    const deploy = await redactEventText({
      type: 'deploy_finished',
      environment_url: `https://x.example/?t=${TOKEN}`,
    });
    expect(deploy.environment_url).not.toContain(TOKEN);
  });

  it('leaves an event without free text as it is', async () => {
    const event = { type: 'attempt_started' as const, task_id: 'acme/shop#7', at, attempt: 2 };
    expect(await redactEventText(event)).toEqual(event);
  });
});
