import { toDeploymentRecord, type DeploymentRecord } from '../../../src/core/deploy/deployment-record.js';
import {
  selectRollbackTarget,
  type RollbackTargetRequest,
} from '../../../src/core/deploy/select-rollback-target.js';
import {
  DEPLOYMENT_ID,
  DEPLOYMENTS_HISTORY,
  SHA,
  type DeploymentWithStatuses,
} from './fixtures/deployments-history.js';

const HISTORY: readonly DeploymentRecord[] = DEPLOYMENTS_HISTORY.map(({ deployment, statuses }) =>
  toDeploymentRecord(deployment, statuses),
);

function fixtureEntry(id: number): DeploymentWithStatuses {
  const entry = DEPLOYMENTS_HISTORY.find(({ deployment }) => deployment.id === id);
  if (!entry) throw new Error(`fixture has no deployment ${id}`);
  return entry;
}

function select(environment: string, target?: RollbackTargetRequest, history = HISTORY) {
  return selectRollbackTarget({ environment, history, ...(target ? { target } : {}) });
}

describe('toDeploymentRecord', () => {
  it('keeps the latest state, that a superseded deployment once succeeded, and the payload fields', () => {
    const { deployment, statuses } = fixtureEntry(DEPLOYMENT_ID.p4);
    expect(toDeploymentRecord(deployment, statuses)).toEqual({
      id: DEPLOYMENT_ID.p4,
      sha: SHA.d,
      ref: 'main',
      environment: 'production',
      createdAt: '2025-03-10T09:55:40Z',
      creator: 'implementation-agent[bot]',
      latestState: 'inactive',
      everSucceeded: true,
      dryRun: false,
      taskId: 'orders-api-9',
      stackName: 'orders-service-production',
    });
  });

  it('reads rollback_of from the payload of a rollback deployment', () => {
    const { deployment, statuses } = fixtureEntry(DEPLOYMENT_ID.p5);
    expect(toDeploymentRecord(deployment, statuses)).toMatchObject({
      latestState: 'success',
      rollbackOf: DEPLOYMENT_ID.p4,
    });
  });

  it('parses a payload sent as a JSON string', () => {
    const { deployment, statuses } = fixtureEntry(DEPLOYMENT_ID.s2);
    expect(toDeploymentRecord(deployment, statuses)).toMatchObject({
      creator: 'mona',
      taskId: 'orders-api-7',
      stackName: 'orders-service-staging',
    });
  });

  it('finds the latest status by time, whatever order the statuses arrive in', () => {
    const { deployment, statuses } = fixtureEntry(DEPLOYMENT_ID.s2);
    expect(toDeploymentRecord(deployment, [...statuses].reverse()).latestState).toBe('inactive');
    expect(toDeploymentRecord(deployment, statuses.slice(2)).latestState).toBe('in_progress');
  });

  it('leaves out what a deployment without statuses, payload or creator does not have', () => {
    const { deployment } = fixtureEntry(DEPLOYMENT_ID.d3);
    const record = toDeploymentRecord({ ...deployment, creator: null }, []);
    expect(record).toEqual({
      id: DEPLOYMENT_ID.d3,
      sha: SHA.f,
      ref: 'feature/export-csv',
      environment: 'development',
      createdAt: '2025-03-01T12:31:08Z',
      everSucceeded: false,
      dryRun: false,
    });
  });

  it.each([
    ['not JSON', 'deploy please', {}],
    ['a JSON array', '["orders-api-7"]', {}],
    ['empty or mistyped fields', { task_id: '', stack_name: 42, rollback_of: 'last' }, {}],
    ['rollback_of as a numeric string', '{"rollback_of":"1840021502"}', { rollbackOf: 1840021502 }],
  ])('takes only well-formed payload fields: %s', (_case, payload, expected) => {
    const { deployment, statuses } = fixtureEntry(DEPLOYMENT_ID.p1);
    const record = toDeploymentRecord({ ...deployment, payload }, statuses);
    expect({ taskId: record.taskId, stackName: record.stackName, rollbackOf: record.rollbackOf }).toEqual({
      taskId: undefined,
      stackName: undefined,
      rollbackOf: undefined,
      ...expected,
    });
  });
});

describe('selectRollbackTarget: the previous good deployment', () => {
  it('skips a failed deploy and an earlier deploy of the current sha', () => {
    const selection = select('staging');
    expect(selection).toMatchObject({
      kind: 'target',
      deployment: { id: DEPLOYMENT_ID.s4, sha: SHA.e2 },
      current: { id: DEPLOYMENT_ID.s7, sha: SHA.d },
    });
  });

  it('counts a deployment that was itself rolled back: rolling back a rollback returns to what it replaced', () => {
    expect(select('production')).toMatchObject({
      kind: 'target',
      deployment: { id: DEPLOYMENT_ID.p4, sha: SHA.d, latestState: 'inactive' },
      current: { id: DEPLOYMENT_ID.p5, sha: SHA.b, rollbackOf: DEPLOYMENT_ID.p4 },
    });
  });

  it('before the rollback, skips the failed deploy to reach the last good one', () => {
    const beforeRollback = HISTORY.filter((record) => record.id !== DEPLOYMENT_ID.p5).map((record) =>
      record.id === DEPLOYMENT_ID.p4 ? { ...record, latestState: 'success' as const } : record,
    );
    expect(select('production', undefined, beforeRollback)).toMatchObject({
      kind: 'target',
      deployment: { id: DEPLOYMENT_ID.p2, sha: SHA.b },
      current: { id: DEPLOYMENT_ID.p4 },
    });
  });

  it('treats a deployment still in progress as current and never returns to its sha', () => {
    const p5 = fixtureEntry(DEPLOYMENT_ID.p5);
    const p4 = fixtureEntry(DEPLOYMENT_ID.p4);
    const midRollback = [
      ...HISTORY.filter((record) => record.id !== DEPLOYMENT_ID.p5 && record.id !== DEPLOYMENT_ID.p4),
      toDeploymentRecord(p5.deployment, p5.statuses.slice(-1)),
      toDeploymentRecord(p4.deployment, p4.statuses.slice(1)),
    ];
    expect(select('production', undefined, midRollback)).toMatchObject({
      kind: 'target',
      deployment: { id: DEPLOYMENT_ID.p4 },
      current: { id: DEPLOYMENT_ID.p5, latestState: 'in_progress' },
    });
  });

  it('does not depend on the order of the history', () => {
    expect(select('staging', undefined, [...HISTORY].reverse())).toEqual(select('staging'));
  });

  it('falls back to the last success as current when nothing is marked live', () => {
    const allInactive = HISTORY.map((record) =>
      record.everSucceeded ? { ...record, latestState: 'inactive' as const } : record,
    );
    expect(select('staging', undefined, allInactive)).toMatchObject({
      kind: 'target',
      deployment: { id: DEPLOYMENT_ID.s4 },
      current: { id: DEPLOYMENT_ID.s7 },
    });
  });
});

describe('selectRollbackTarget: nothing to roll back', () => {
  it.each([
    ['an empty history', 'production', [], 'no-deployments', '`production` has no deployments yet'],
    ['an environment never deployed', 'preview', HISTORY, 'no-deployments', '`preview` has no deployments'],
    [
      'only one successful deployment',
      'development',
      HISTORY,
      'no-previous',
      `deployment ${DEPLOYMENT_ID.d1} of \`903440d\``,
    ],
    [
      'only failed deployments',
      'production',
      HISTORY.filter((record) => record.id === DEPLOYMENT_ID.p3),
      'no-successful',
      'No deployment of `production` has succeeded (1 tried)',
    ],
    [
      'earlier successes all of the current sha',
      'production',
      HISTORY.filter((record) =>
        new Set<number>([DEPLOYMENT_ID.p2, DEPLOYMENT_ID.p3, DEPLOYMENT_ID.p5]).has(record.id),
      ),
      'no-previous',
      'no earlier successful deployment of a different commit',
    ],
  ] as const)('%s', (_case, environment, history, reason, wording) => {
    const selection = select(environment, undefined, history);
    expect(selection).toMatchObject({ kind: 'nothing', reason });
    expect(selection.kind === 'nothing' && selection.message).toContain(wording);
  });
});

describe('selectRollbackTarget: to <sha>', () => {
  it.each([
    ['a 7-character prefix', 'production', SHA.a.slice(0, 7), DEPLOYMENT_ID.p1],
    ['a full sha in capitals', 'production', SHA.a.toUpperCase(), DEPLOYMENT_ID.p1],
    ['a deployment newer than current', 'production', SHA.d.slice(0, 9), DEPLOYMENT_ID.p4],
    ['one of two shas sharing 7 characters, given 8', 'staging', SHA.e1.slice(0, 8), DEPLOYMENT_ID.s3],
  ])('picks %s', (_case, environment, sha, id) => {
    expect(select(environment, { kind: 'sha', sha })).toMatchObject({ kind: 'target', deployment: { id } });
  });

  it('picks the newest of several deployments of one sha', () => {
    const s2 = HISTORY.find((record) => record.id === DEPLOYMENT_ID.s2);
    if (!s2) throw new Error('fixture lost S2');
    const redeployedEarlier = [...HISTORY, { ...s2, id: 1840020700, createdAt: '2025-03-03T08:00:00Z' }];
    expect(select('staging', { kind: 'sha', sha: SHA.b.slice(0, 7) }, redeployedEarlier)).toMatchObject({
      kind: 'target',
      deployment: { id: DEPLOYMENT_ID.s2 },
    });
  });

  it.each([
    ['too short', 'production', SHA.a.slice(0, 6), 'invalid-sha', 'at least 7 hexadecimal characters'],
    ['not hexadecimal', 'production', 'release-2', 'invalid-sha', 'release-2 is not a commit sha'],
    ['empty', 'production', '', 'invalid-sha', 'An empty target is not a commit sha'],
    ['ambiguous', 'staging', SHA.e1.slice(0, 7), 'ambiguous-sha', '`23d542d55c46`, `23d542dfd35d`'],
    ['a failed deploy', 'production', SHA.c.slice(0, 7), 'never-succeeded', 'last status is `failure`'],
    ['the current sha', 'production', SHA.b.slice(0, 7), 'already-current', 'is what `production` runs now'],
    [
      'deployed to staging only',
      'production',
      SHA.e2.slice(0, 8),
      'other-environment',
      'deployed to `staging`',
    ],
    ['deployed nowhere', 'production', '0000000', 'not-found', 'starting with `0000000`'],
  ])('refuses %s', (_case, environment, sha, reason, wording) => {
    const selection = select(environment, { kind: 'sha', sha });
    expect(selection).toMatchObject({ kind: 'nothing', reason });
    expect(selection.kind === 'nothing' && selection.message).toContain(wording);
  });

  it('escapes a target that is not a sha before echoing it', () => {
    const selection = select('production', { kind: 'sha', sha: '@octocat **now**' });
    expect(selection.kind === 'nothing' && selection.message).not.toContain('@octocat');
    expect(selection.kind === 'nothing' && selection.message).not.toContain('**');
  });
});

describe('selectRollbackTarget: to <deployment id>', () => {
  it('picks a successful deployment of the environment, reporting current alongside', () => {
    expect(select('production', { kind: 'deployment', id: DEPLOYMENT_ID.p1 })).toMatchObject({
      kind: 'target',
      deployment: { id: DEPLOYMENT_ID.p1, sha: SHA.a },
      current: { id: DEPLOYMENT_ID.p5 },
    });
  });

  it.each([
    ['a failed deployment', 'production', DEPLOYMENT_ID.p3, 'never-succeeded', 'never succeeded'],
    [
      'a deployment that never started',
      'development',
      DEPLOYMENT_ID.d3,
      'never-succeeded',
      'never succeeded, so',
    ],
    ['the current deployment', 'production', DEPLOYMENT_ID.p5, 'already-current', 'would change nothing'],
    [
      'an older deployment of the current sha',
      'production',
      DEPLOYMENT_ID.p2,
      'already-current',
      '`0b3c212`',
    ],
    [
      'another environment’s deployment',
      'production',
      DEPLOYMENT_ID.s4,
      'other-environment',
      'belongs to `staging`',
    ],
    ['an unknown id', 'production', 1, 'not-found', 'no deployment 1 in'],
  ])('refuses %s', (_case, environment, id, reason, wording) => {
    const selection = select(environment, { kind: 'deployment', id });
    expect(selection).toMatchObject({ kind: 'nothing', reason });
    expect(selection.kind === 'nothing' && selection.message).toContain(wording);
  });
});

describe('selectRollbackTarget: a dry run is never what runs', () => {
  const DRY_RUN_ID = 1840021700;
  /** `/deploy production --dry-run` of C after the rollback: its run ended `success`, nothing deployed. */
  function dryRunOf(
    sha: string,
    states: ReadonlyArray<'success' | 'in_progress'> = ['success', 'in_progress'],
  ) {
    const p5 = fixtureEntry(DEPLOYMENT_ID.p5);
    const payload = { ...(p5.deployment.payload as Record<string, unknown>), dry_run: true };
    return toDeploymentRecord(
      { ...p5.deployment, id: DRY_RUN_ID, sha, created_at: '2025-03-20T10:00:00Z', payload },
      states.map((state, index) => ({ ...p5.statuses[0]!, id: 9_000 + states.length - index, state })),
    );
  }

  it('reads the dry_run flag: a dry run never counts as having succeeded', () => {
    expect(dryRunOf(SHA.c)).toMatchObject({ dryRun: true, everSucceeded: false, latestState: 'success' });
  });

  it.each([
    ['ended success', ['success', 'in_progress'] as const],
    ['still running', ['in_progress'] as const],
  ])(
    'leaves the current deployment and the rollback target as they were when a dry run %s',
    (_case, states) => {
      expect(select('production', undefined, [...HISTORY, dryRunOf(SHA.c, states)])).toEqual(
        select('production'),
      );
    },
  );

  it('refuses a dry run named by id, saying nothing it planned ever ran', () => {
    const selection = select('production', { kind: 'deployment', id: DRY_RUN_ID }, [
      ...HISTORY,
      dryRunOf(SHA.c),
    ]);
    expect(selection).toMatchObject({ kind: 'nothing', reason: 'dry-run' });
    expect(selection.kind === 'nothing' && selection.message).toContain('was a dry run');
  });

  it('refuses a sha that only a dry run planned', () => {
    const selection = select('production', { kind: 'sha', sha: SHA.f.slice(0, 7) }, [
      ...HISTORY,
      dryRunOf(SHA.f),
    ]);
    expect(selection).toMatchObject({ kind: 'nothing', reason: 'dry-run' });
  });

  it('still picks a sha that really ran before it was dry-run again', () => {
    expect(
      select('production', { kind: 'sha', sha: SHA.a.slice(0, 7) }, [...HISTORY, dryRunOf(SHA.a)]),
    ).toMatchObject({
      kind: 'target',
      deployment: { id: DEPLOYMENT_ID.p1 },
    });
  });
});
