import { parseStateMarker } from '../../../src/core/state/state-marker.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { startGitHubFake } from '../../support/github-fake-server.js';
import { deliverThreeTimes } from '../../support/redelivery.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_taskControlProcessToken321';
const AGENT = 'implementation-agent[bot]';

type Fake = Awaited<ReturnType<typeof startGitHubFake>>;

function statusOf(fake: Fake) {
  const status = fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const marker = status && parseStateMarker(status.body);
  if (!status || !marker) throw new Error('no status comment on #1');
  return { marker, body: status.body };
}

function repliesOn(fake: Fake, issue: number): string[] {
  return fake.comments
    .filter(
      (comment) => comment.issue_number === issue && !comment.body.includes('implementation-agent:state'),
    )
    .map((comment) => comment.body);
}

function comment(body: string, id: number, sender = 'Codertocat') {
  const payload = issueComment(body);
  payload.comment.id = id;
  payload.sender.login = sender;
  return payload;
}

const run = (fake: Fake, eventName: string, payload: Record<string, unknown>) =>
  runAction({ apiUrl: fake.url, eventName, payload, inputs: { token: TOKEN } });

/** The App-token setup of the example workflow: the agent writes as the App's bot. */
const STAND_IN = {
  owner: 'Codertocat',
  repo: 'Hello-World',
  defaultBranch: 'master',
  permissions: { Codertocat: 'admin', 'octo-reader': 'read' },
  tokenLogin: AGENT,
  issueBodies: { 1: readExample('orders-api.issue.md') },
};

describe('the built Action: /cancel and /retry of a task', () => {
  let fake: Fake | undefined;
  afterEach(async () => fake?.close());

  it("stops a running run at its next step when a later run's /cancel lands meanwhile", async () => {
    let release: () => void = () => undefined;
    let reachedGenerating: () => void = () => undefined;
    const generating = new Promise<void>((resolve) => (reachedGenerating = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    fake = await startGitHubFake({
      ...STAND_IN,
      // The first run's move to `generating` is written, then its answer is held until the
      // second run (the /cancel) has finished: the cancel lands while the first run is under way.
      hold: (request) => {
        if (held || request.method !== 'POST' || !JSON.stringify(request.body).includes('generating')) return;
        held = true;
        reachedGenerating();
        return gate;
      },
    });
    const stand = fake;
    const first = run(stand, 'issues', formIssue('opened'));
    await generating;

    const cancel = await run(stand, 'issue_comment', comment('/cancel', 6001));
    expect(cancel.code).toBe(0);
    expect(cancel.outputs.status).toBe('cancelled');
    release();
    const stopped = await first;

    expect(stopped.code).toBe(0);
    expect(stopped.outputs.status).toBe('cancelled');
    expect(JSON.parse(stopped.outputs.result ?? '{}')).toMatchObject({ reasonCode: 'cancelled' });
    expect(stand.commits).toEqual([]);
    expect(stand.pulls).toEqual([]);
    const { marker, body } = statusOf(stand);
    expect(marker.state).toBe('cancelled');
    expect(marker.handled_triggers).toEqual(expect.arrayContaining(['opened', 'comment:6001']));
    expect(body).toContain('its run stopped after generation, before anything was published');
    expect(repliesOn(stand, 1)).toEqual([
      expect.stringContaining('the run under way stops at its next step'),
    ]);
  }, 120_000);

  it("retries a cancelled task once whatever the number of runs; an outsider's unapproved request goes back on hold", async () => {
    fake = await startGitHubFake(STAND_IN);
    const stand = fake;
    await run(stand, 'issues', formIssue('opened', 'octo-reader'));
    await run(stand, 'issue_comment', comment('/cancel', 6002));
    expect(statusOf(stand).marker.state).toBe('cancelled');
    // The reader's text was never approved: the retry puts it back on hold rather than run it.
    const outcomes: string[] = [];

    const result = await deliverThreeTimes({
      fake: stand,
      deliver: async () => {
        outcomes.push((await run(stand, 'issue_comment', comment('/retry', 6004))).outputs.status ?? '');
      },
    });

    expect(result.repeatedWrites).toEqual([]);
    expect(outcomes).toEqual(['held', 'ignored', 'ignored']);
    expect(statusOf(stand).marker).toMatchObject({ state: 'held', requester: 'octo-reader' });
  }, 120_000);

  it('answers a reader once and changes nothing', async () => {
    fake = await startGitHubFake(STAND_IN);
    const stand = fake;
    await run(stand, 'issues', formIssue('opened', 'octo-reader'));
    const before = statusOf(stand).body;

    const refused = await run(stand, 'issue_comment', comment('/cancel', 6005, 'octo-reader'));

    expect(refused.outputs.status).toBe('answered');
    expect(statusOf(stand).body).toBe(before);
    expect(repliesOn(stand, 1)).toEqual([expect.stringContaining('you have read')]);
  }, 120_000);
});
