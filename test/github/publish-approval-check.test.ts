import type { ApprovalCheckView } from '../../src/core/review/approval-check-view.js';
import { publishApprovalCheck, type ApprovalCheckClient } from '../../src/github/publish-approval-check.js';

const PENDING: ApprovalCheckView = {
  status: 'in_progress',
  title: 'Waiting for an approving review',
  summary: 's',
};
const APPROVED: ApprovalCheckView = {
  status: 'completed',
  conclusion: 'success',
  title: 'Approved by @alice',
  summary: 's',
};

type Run = {
  id: number;
  name?: string;
  app?: { id: number; slug: string };
  status: string;
  conclusion: string | null;
  output: { title: string | null };
};

function fakeClient(runs: Run[]) {
  const calls: Array<{ method: string; params: unknown }> = [];
  const client: ApprovalCheckClient = {
    checks: {
      listForRef: async (params) => {
        calls.push({ method: 'listForRef', params });
        // The agent's own App unless a run says otherwise.
        const listed = runs.map((run) => ({
          name: 'implementation-agent/approval',
          app: { id: 1, slug: 'implementation-agent' },
          ...run,
        }));
        return { data: { check_runs: listed } };
      },
      create: async (params) => {
        calls.push({ method: 'create', params });
        return { data: { id: 5 } };
      },
      update: async (params) => {
        calls.push({ method: 'update', params });
        return {};
      },
    },
  };
  return { client, calls };
}

const publish = (client: ApprovalCheckClient, view: ApprovalCheckView, extra = {}) =>
  publishApprovalCheck({
    client,
    owner: 'o',
    repo: 'r',
    headSha: 'h'.repeat(40),
    view,
    agentAppSlug: 'implementation-agent',
    ...extra,
  });

describe('publishApprovalCheck', () => {
  it('on a fresh commit creates the check without looking', async () => {
    const { client, calls } = fakeClient([]);
    expect(await publish(client, PENDING, { fresh: true })).toBe(true);
    expect(calls.map((call) => call.method)).toEqual(['create']);
    expect(calls[0]?.params).toMatchObject({ name: 'implementation-agent/approval', status: 'in_progress' });
  });

  it('asks for the latest approval check on the head by name', async () => {
    const { client, calls } = fakeClient([]);
    await publish(client, PENDING);
    expect(calls[0]).toEqual({
      method: 'listForRef',
      params: {
        owner: 'o',
        repo: 'r',
        ref: 'h'.repeat(40),
        check_name: 'implementation-agent/approval',
        filter: 'latest',
        per_page: 100,
      },
    });
  });

  it('writes nothing when the check already says the same', async () => {
    const { client, calls } = fakeClient([
      { id: 1, status: 'in_progress', conclusion: null, output: { title: PENDING.title } },
    ]);
    expect(await publish(client, PENDING)).toBe(false);
    expect(calls.map((call) => call.method)).toEqual(['listForRef']);
  });

  it('completes a pending check in place', async () => {
    const { client, calls } = fakeClient([
      { id: 1, status: 'in_progress', conclusion: null, output: { title: PENDING.title } },
    ]);
    await publish(client, APPROVED);
    expect(calls[1]).toEqual({
      method: 'update',
      params: expect.objectContaining({ check_run_id: 1, status: 'completed', conclusion: 'success' }),
    });
  });

  it('replaces a completed check with a new run when the approval is undone (a run cannot go back)', async () => {
    const { client, calls } = fakeClient([
      { id: 1, status: 'completed', conclusion: 'success', output: { title: APPROVED.title } },
    ]);
    await publish(client, PENDING);
    expect(calls.map((call) => call.method)).toEqual(['listForRef', 'create']);
  });

  it('with onlyIfMissing, leaves a check a review already decided', async () => {
    const { client, calls } = fakeClient([
      { id: 1, status: 'completed', conclusion: 'success', output: { title: APPROVED.title } },
    ]);
    expect(await publish(client, PENDING, { onlyIfMissing: true })).toBe(false);
    expect(calls.map((call) => call.method)).toEqual(['listForRef']);
  });

  // Review #9: a run of the same name by another App is not the agent's to edit (GitHub: 403).
  it('passes over another App’s run of the same name and creates its own', async () => {
    const { client, calls } = fakeClient([
      {
        id: 9,
        app: { id: 999, slug: 'someone-else' },
        status: 'in_progress',
        conclusion: null,
        output: { title: 'x' },
      },
    ]);
    expect(await publish(client, APPROVED)).toBe(true);
    expect(calls.map((call) => call.method)).toEqual(['listForRef', 'create']);
  });

  it('finds its own run behind a newer foreign one', async () => {
    const { client, calls } = fakeClient([
      {
        id: 9,
        app: { id: 999, slug: 'someone-else' },
        status: 'in_progress',
        conclusion: null,
        output: { title: 'x' },
      },
      { id: 1, status: 'in_progress', conclusion: null, output: { title: PENDING.title } },
    ]);
    await publish(client, APPROVED);
    expect(calls[1]).toMatchObject({ method: 'update', params: { check_run_id: 1 } });
  });

  it('without the agent’s App slug edits nothing: it creates a run', async () => {
    const { client, calls } = fakeClient([
      { id: 1, status: 'in_progress', conclusion: null, output: { title: PENDING.title } },
    ]);
    await publish(client, APPROVED, { agentAppSlug: undefined });
    expect(calls.map((call) => call.method)).toEqual(['listForRef', 'create']);
  });
});
