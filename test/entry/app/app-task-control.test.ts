import { parseStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import type { ModelProvider } from '../../../src/generation/model-provider.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { formIssue, issueComment } from '../../fixtures/trigger-events.js';
import { readExample } from '../../fixtures/webhook-payloads.js';
import { deliverThreeTimes } from '../../support/redelivery.js';
import { accountId } from './account-id.js';
import { APP_LOGIN } from './agent-status.js';
import { fixedBundleProvider } from './fixed-bundle-provider.js';
import { githubFakeBehindNock } from './github-fake-nock.js';
import { testProbot } from './test-probot.js';

type Fake = ReturnType<typeof githubFakeBehindNock>;

const ISSUE_BODY = readExample('orders-api.issue.md');
/** A model that keeps answering with a path the gates refuse: the task fails after its repairs. */
const failing = () => fixedBundleProvider(2, ['../outside.ts']);

/** A provider the test swaps between runs (a failing model, then a working one). */
function switchableProvider(first: ModelProvider) {
  let current = first;
  const provider: ModelProvider = {
    name: 'switchable',
    generate: (input) => current.generate(input),
  };
  return { provider, use: (next: ModelProvider) => (current = next) };
}

/** The stand-in; `issueBodies` is its issue #1 as `GET /issues/1` answers it, for edits between runs. */
function fakeGitHub(issueBodies: Record<number, string> = { 1: ISSUE_BODY }) {
  return githubFakeBehindNock({
    permissions: { Codertocat: 'admin', 'octo-reader': 'read', 'octo-triage': 'triage' },
    issueBodies,
  });
}

/** The agent's status comment on issue #1, read back as the next run would. */
function statusOf(fake: Fake): { marker: TaskMarker; body: string } {
  const status = fake.comments.find(
    (comment) => comment.issue_number === 1 && comment.body.includes('implementation-agent:state'),
  );
  const marker = status && parseStateMarker(status.body);
  if (!status || !marker) throw new Error('no status comment on #1');
  return { marker, body: status.body };
}

/** Replies (not the status comment) on `issue`. */
function repliesOn(fake: Fake, issue: number): string[] {
  return fake.comments
    .filter(
      (comment) => comment.issue_number === issue && !comment.body.includes('implementation-agent:state'),
    )
    .map((comment) => comment.body);
}

function comment(body: string, options: { id?: number; sender?: string; type?: string; pull?: number } = {}) {
  const payload = issueComment(body, options.pull === undefined ? {} : { issue: options.pull, pull: true });
  payload.comment.id = options.id ?? 5001;
  payload.sender.login = options.sender ?? 'Codertocat';
  payload.sender.type = options.type ?? 'User';
  payload.comment.user = { ...payload.comment.user, login: payload.sender.login, type: payload.sender.type };
  return payload;
}

describe('Probot app: /retry', () => {
  it('re-runs a task whose validation failed, as the next attempt, through the implement path', async () => {
    const fake = fakeGitHub();
    const model = switchableProvider(failing());
    const app = await testProbot({ providerFor: () => model.provider });
    await app.receive('issues', formIssue('opened'));
    expect(statusOf(fake).marker).toMatchObject({ state: 'failed', attempt: 1 });
    expect(fake.pulls).toHaveLength(0);

    model.use(createOfflineProvider());
    await app.receive('issue_comment', comment('/retry'));

    expect(app.errors).toEqual([]);
    const { marker } = statusOf(fake);
    expect(marker).toMatchObject({ state: 'pr_open', attempt: 2, pull_number: fake.pulls[0]?.number });
    expect(marker.handled_triggers).toContain('comment:5001');
    expect(fake.pulls).toHaveLength(1);
    // The run is the answer (status comment and pull request); no extra reply.
    expect(repliesOn(fake, 1)).toEqual([]);
  });

  it('re-runs a cancelled task, and a redelivered /retry runs it once', async () => {
    const fake = fakeGitHub();
    const app = await testProbot();
    await app.receive('issues', formIssue('opened', 'octo-reader'));
    expect(statusOf(fake).marker.state).toBe('held');
    await app.receive('issue_comment', comment('/cancel', { id: 5002 }));
    expect(statusOf(fake).marker.state).toBe('cancelled');

    const result = await deliverThreeTimes({
      fake,
      deliver: () => app.receive('issue_comment', comment('/retry', { id: 5003 })),
    });

    expect(app.errors).toEqual([]);
    expect(result.repeatedWrites).toEqual([]);
    // The reader's request was never approved: a retry holds it again rather than run it.
    expect(statusOf(fake).marker).toMatchObject({ state: 'held', requester: 'octo-reader' });
    expect(fake.pulls).toHaveLength(0);
  });

  it('never runs a request that changed since the failed run when its author lacks write access', async () => {
    const issueBodies = { 1: ISSUE_BODY };
    const fake = fakeGitHub(issueBodies);
    const model = switchableProvider(failing());
    const app = await testProbot({ providerFor: () => model.provider });
    await app.receive('issues', formIssue('opened', 'octo-reader'));
    await app.receive('issue_comment', comment('/approve', { id: 5004 }));
    expect(statusOf(fake).marker).toMatchObject({ state: 'failed', requester: 'octo-reader' });

    // The outsider edits the request after the approved run failed; a maintainer then retries.
    const edited = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    expect(edited).not.toBe(ISSUE_BODY);
    issueBodies[1] = edited;
    model.use(createOfflineProvider());
    await app.receive('issue_comment', comment('/retry', { id: 5005 }));

    const { marker, body } = statusOf(fake);
    expect(marker.state).toBe('held');
    expect(body).toContain('Orders Admin API');
    expect(fake.pulls).toHaveLength(0);
  });

  it('asks about the requester by account id: a renamed requester who lost write access does not pass under their old login', async () => {
    const issueBodies = { 1: ISSUE_BODY };
    const permissions: Record<string, string> = { Codertocat: 'admin', 'octo-writer': 'write' };
    const accounts: Record<number, string> = {};
    const fake = githubFakeBehindNock({ permissions, issueBodies, accounts });
    const model = switchableProvider(failing());
    const app = await testProbot({ providerFor: () => model.provider });
    await app.receive('issues', formIssue('opened', 'octo-writer'));
    expect(statusOf(fake).marker).toMatchObject({
      state: 'failed',
      requester: 'octo-writer',
      requester_id: accountId('octo-writer'),
    });

    // The requester renames their account and loses write access; the request is then edited.
    // Their old login, as the app last saw it, had write access: only the account id tells.
    accounts[accountId('octo-writer')] = 'octo-renamed';
    permissions['octo-renamed'] = 'read';
    issueBodies[1] = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    model.use(createOfflineProvider());
    await app.receive('issue_comment', comment('/retry', { id: 5005 }));

    expect(app.errors).toEqual([]);
    expect(statusOf(fake).marker.state).toBe('held');
    expect(fake.pulls).toHaveLength(0);
    // Held for the renamed account's read access, asked about under its login of now.
    expect(
      fake.requests.filter((request) => request.path.endsWith('/collaborators/octo-renamed/permission')),
    ).not.toEqual([]);
  });

  it('runs a request a writer edited since the failed run: logins are asked about in lower case, and GitHub matches them whatever the case', async () => {
    const issueBodies = { 1: ISSUE_BODY };
    // The stand-in knows the issue's author as `Codertocat`; the app asks about `codertocat`.
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'octo-writer': 'write' },
      issueBodies,
      accounts: { [accountId('octo-writer')]: 'octo-writer' },
    });
    const model = switchableProvider(failing());
    const app = await testProbot({ providerFor: () => model.provider });
    await app.receive('issues', formIssue('opened', 'octo-writer'));
    expect(statusOf(fake).marker).toMatchObject({ state: 'failed', requester: 'octo-writer' });

    issueBodies[1] = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    model.use(createOfflineProvider());
    await app.receive('issue_comment', comment('/retry', { id: 5006 }));

    expect(app.errors).toEqual([]);
    expect(statusOf(fake).marker).toMatchObject({ state: 'pr_open', attempt: 2 });
    expect(
      fake.requests.filter((request) => request.path.endsWith('/collaborators/codertocat/permission')),
    ).not.toEqual([]);
  });

  it("never runs an outsider's issue body edited after a maintainer's labeling ran it", async () => {
    // The outsider opened the issue; a maintainer labeled it, which ran it (the maintainer is the
    // requester); the run failed; the outsider then edits the body and the maintainer retries.
    const issueBodies = { 1: ISSUE_BODY };
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'octo-reader': 'read' },
      issueBodies,
      issueAuthors: { 1: 'octo-reader' },
    });
    const model = switchableProvider(failing());
    const app = await testProbot({ providerFor: () => model.provider });
    const labeled = formIssue('labeled', 'Codertocat');
    labeled.issue.user.login = 'octo-reader';
    await app.receive('issues', labeled);
    expect(statusOf(fake).marker).toMatchObject({ state: 'failed', requester: 'Codertocat' });

    const edited = ISSUE_BODY.replace('Orders API', 'Orders Admin API');
    expect(edited).not.toBe(ISSUE_BODY);
    issueBodies[1] = edited;
    model.use(createOfflineProvider());
    await app.receive('issue_comment', comment('/retry', { id: 5009 }));

    expect(app.errors).toEqual([]);
    const { marker, body } = statusOf(fake);
    expect(marker.state).toBe('held');
    expect(body).toContain('Orders Admin API');
    expect(fake.pulls).toHaveLength(0);
  });

  it("re-runs an approved outsider's request as it ran, without a new approval", async () => {
    const fake = fakeGitHub();
    const model = switchableProvider(failing());
    const app = await testProbot({ providerFor: () => model.provider });
    await app.receive('issues', formIssue('opened', 'octo-reader'));
    await app.receive('issue_comment', comment('/approve', { id: 5007 }));
    expect(statusOf(fake).marker.state).toBe('failed');

    model.use(createOfflineProvider());
    await app.receive('issue_comment', comment('/retry', { id: 5008 }));

    expect(statusOf(fake).marker).toMatchObject({ state: 'pr_open', attempt: 2, requester: 'octo-reader' });
    expect(fake.pulls).toHaveLength(1);
  });

  it.each([['a task with its pull request open', 'pull request #', 'opened']] as const)(
    'answers why it cannot retry %s, once whatever the deliveries',
    async (_label, said) => {
      const fake = fakeGitHub();
      const app = await testProbot();
      await app.receive('issues', formIssue('opened'));
      expect(statusOf(fake).marker.state).toBe('pr_open');

      const result = await deliverThreeTimes({
        fake,
        deliver: () => app.receive('issue_comment', comment('/retry', { id: 5006 })),
      });

      expect(result.repeatedWrites).toEqual([]);
      const [reply, ...more] = repliesOn(fake, 1);
      expect(more).toEqual([]);
      expect(reply).toContain('@Codertocat, `/retry` did not run the task: the task succeeded');
      expect(reply).toContain(said);
      expect(statusOf(fake).marker.state).toBe('pr_open');
    },
  );
});

describe('Probot app: /cancel', () => {
  it('cancels a held task and says so; the marker records the comment, so a redelivery changes nothing', async () => {
    const fake = fakeGitHub();
    const app = await testProbot();
    await app.receive('issues', formIssue('opened', 'octo-reader'));

    const result = await deliverThreeTimes({
      fake,
      deliver: () => app.receive('issue_comment', comment('/cancel', { id: 5010 })),
    });

    expect(app.errors).toEqual([]);
    expect(result.repeatedWrites).toEqual([]);
    const { marker, body } = statusOf(fake);
    expect(marker.state).toBe('cancelled');
    expect(marker.handled_triggers).toContain('comment:5010');
    expect(body).toContain('Cancelled by @Codertocat before it ran');
    expect(repliesOn(fake, 1)).toEqual([expect.stringContaining('@Codertocat, Cancelled by @Codertocat')]);
  });

  it('stops a running generation at its next step: no commit, no pull request', async () => {
    const fake = fakeGitHub();
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const offline = createOfflineProvider();
    const slow: ModelProvider = {
      name: 'slow',
      generate: async (input) => {
        started();
        await gate;
        return offline.generate(input);
      },
    };
    const app = await testProbot({ providerFor: () => slow });
    await app.deliver('issues', formIssue('opened'));
    await running;
    expect(statusOf(fake).marker.state).toBe('generating');

    // The cancel is not queued behind the run it stops.
    await app.deliver('issue_comment', comment('/cancel', { id: 5011 }));
    await waitFor(() => repliesOn(fake, 1).length > 0);
    expect(statusOf(fake).marker.state).toBe('cancelled');
    expect(repliesOn(fake, 1)).toEqual([expect.stringContaining('the run under way stops at its next step')]);
    release();
    await app.idle();

    expect(app.errors).toEqual([]);
    expect(fake.commits).toEqual([]);
    expect(fake.pulls).toEqual([]);
    const { marker, body } = statusOf(fake);
    expect(marker).toMatchObject({ state: 'cancelled', attempt: 1 });
    expect(marker.handled_triggers).toEqual(expect.arrayContaining(['opened', 'comment:5011']));
    expect(body).toContain('its run stopped after generation, before anything was published');
  });

  it('keeps a pull request published before the cancel was seen, named on the cancelled task', async () => {
    // The app, once made: the stand-in's hold delivers the /cancel through it.
    const made: { app?: Awaited<ReturnType<typeof testProbot>> } = {};
    let heldOnce = false;
    const fake: Fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin' },
      issueBodies: { 1: ISSUE_BODY },
      // The pull request is created; before the run hears so, a /cancel is carried out.
      hold: async (request) => {
        if (heldOnce || request.method !== 'POST' || !/\/pulls$/.test(request.url)) return;
        heldOnce = true;
        await made.app?.deliver('issue_comment', comment('/cancel', { id: 5013 }));
        await waitFor(() => repliesOn(fake, 1).length > 0);
      },
    });
    const app = await testProbot();
    made.app = app;

    await app.receive('issues', formIssue('opened'));
    await app.idle();

    expect(app.errors).toEqual([]);
    const pull = fake.pulls[0]?.number;
    expect(pull).toBeDefined();
    const { marker, body } = statusOf(fake);
    expect(marker).toMatchObject({ state: 'cancelled', pull_number: pull });
    expect(marker.handled_triggers).toEqual(expect.arrayContaining(['opened', 'comment:5013']));
    expect(body).toContain(`after pull request #${pull} was published; it stays open`);
  });

  it('closes nothing on a task whose pull request is open, and says how to cancel it', async () => {
    const fake = fakeGitHub();
    const app = await testProbot();
    await app.receive('issues', formIssue('opened'));
    const pull = fake.pulls[0]?.number ?? 0;

    await app.receive('issue_comment', comment('/cancel', { id: 5012, pull }));

    expect(statusOf(fake).marker.state).toBe('pr_open');
    expect(fake.pulls[0]?.state ?? 'open').toBe('open');
    expect(repliesOn(fake, pull)).toEqual([
      expect.stringContaining(`\`/cancel\` closes nothing; close pull request #${pull} to cancel the task`),
    ]);
  });
});

describe('Probot app: /retry and /cancel on a pull request', () => {
  it("answers /retry on the task's own pull request there, from the task on its issue", async () => {
    const fake = fakeGitHub();
    const app = await testProbot();
    await app.receive('issues', formIssue('opened'));
    const pull = fake.pulls[0]?.number ?? 0;

    await app.receive('issue_comment', comment('/retry', { id: 5030, pull }));

    expect(repliesOn(fake, pull)).toEqual([
      expect.stringContaining(`the task succeeded: pull request #${pull} is open`),
    ]);
    expect(repliesOn(fake, 1)).toEqual([]);
  });

  it('changes nothing from a pull request whose branch names the issue but which the task does not name', async () => {
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'octo-reader': 'read' },
      issueBodies: { 1: ISSUE_BODY },
      pulls: [{ number: 77, head: { sha: 'c'.repeat(40), ref: 'implementation/1-orders-api' } }],
    });
    const app = await testProbot();
    await app.receive('issues', formIssue('opened', 'octo-reader'));
    const before = statusOf(fake).body;

    await app.receive('issue_comment', comment('/cancel', { id: 5031, pull: 77 }));

    expect(statusOf(fake).body).toBe(before);
    expect(repliesOn(fake, 77)).toEqual([
      expect.stringContaining('the task on issue #1 does not name pull request #77 as its own'),
    ]);
  });
});

describe('Probot app: /status on a pull request', () => {
  it("shows the task its branch names, on the pull request, when the task's status names that pull request", async () => {
    const fake = fakeGitHub();
    const app = await testProbot();
    await app.receive('issues', formIssue('opened'));
    const pull = fake.pulls[0]?.number ?? 0;

    await app.receive('issue_comment', comment('/status', { id: 5040, pull }));

    expect(app.errors).toEqual([]);
    expect(repliesOn(fake, pull)).toEqual([expect.stringContaining('Pull request open for review')]);
    expect(repliesOn(fake, 1)).toEqual([]);
  });

  it('shows no task for a pull request whose branch names an issue whose task does not name it', async () => {
    const fake = githubFakeBehindNock({
      permissions: { Codertocat: 'admin', 'octo-reader': 'read' },
      issueBodies: { 1: ISSUE_BODY },
      pulls: [{ number: 77, head: { sha: 'c'.repeat(40), ref: 'implementation/1-orders-api' } }],
    });
    const app = await testProbot();
    await app.receive('issues', formIssue('opened', 'octo-reader'));

    await app.receive('issue_comment', comment('/status', { id: 5041, pull: 77 }));

    expect(repliesOn(fake, 77)).toEqual(['No implementation task is tracked on #77.']);
  });
});

describe('Probot app: who may /retry and /cancel', () => {
  it.each([
    ['/retry', 'octo-reader', 'read'],
    ['/retry', 'octo-triage', 'triage'],
    ['/cancel', 'octo-reader', 'read'],
    ['/cancel', 'octo-triage', 'triage'],
  ])('%s from %s (%s) changes nothing and is answered once', async (command, sender, permission) => {
    const fake = fakeGitHub();
    const model = switchableProvider(failing());
    const app = await testProbot({ providerFor: () => model.provider });
    await app.receive('issues', formIssue('opened'));
    const before = statusOf(fake).body;

    await app.receive('issue_comment', comment(command, { id: 5020, sender }));

    expect(statusOf(fake).body).toBe(before);
    expect(repliesOn(fake, 1)).toEqual([
      expect.stringContaining(
        `needs write, maintain or admin permission on Codertocat/Hello-World; you have ${permission}`,
      ),
    ]);
  });

  it.each([
    ['/retry', 'renovate[bot]'],
    ['/cancel', 'renovate[bot]'],
    ['/retry', APP_LOGIN],
    ['/cancel', APP_LOGIN],
  ])('%s from the bot %s changes nothing and gets no answer', async (command, sender) => {
    const fake = fakeGitHub();
    const app = await testProbot();
    await app.receive('issues', formIssue('opened', 'octo-reader'));
    const before = { status: statusOf(fake).body, requests: fake.requests.length };

    await app.receive('issue_comment', comment(command, { id: 5021, sender, type: 'Bot' }));

    expect(statusOf(fake).body).toBe(before.status);
    expect(fake.requests.slice(before.requests)).toEqual([]);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out waiting');
}
