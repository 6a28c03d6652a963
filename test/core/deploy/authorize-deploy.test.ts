import { agentConfigSchema, type EnvironmentConfig } from '../../../src/core/config/agent-config.js';
import {
  authorizeDeploy,
  DEPLOY_RULES,
  listDeployRefusals,
  type AuthorizeDeployParams,
  type ChecksState,
} from '../../../src/core/deploy/authorize-deploy.js';
import type { ChecksVerdict } from '../../../src/core/checks/combine-checks.js';
import type { ApprovalDecision } from '../../../src/core/review/decide-approval.js';
import {
  canChange,
  REPOSITORY_PERMISSIONS,
  type RepositoryPermission,
} from '../../../src/core/deploy/repository-permission.js';

function defaultEnvironment(name: string): EnvironmentConfig {
  const config = agentConfigSchema.parse({}).environments[name];
  if (!config) throw new Error(`the default config has no ${name} environment`);
  return config;
}

const PRODUCTION = defaultEnvironment('production');
const DEVELOPMENT = defaultEnvironment('development');

const CHECKED_SHA = '0b3c212e9be61ca9e9856cade371a5bf05103166';
const NEWER_SHA = 'd440a1df97baef6cf44bf85d482b6be21e5ba347';
const ORDER = ['development', 'staging', 'production'] as const;

const APPROVED: ApprovalDecision = {
  approved: true,
  approvedBy: ['hubot'],
  changesRequestedBy: [],
  withoutWriteAccess: [],
  stale: [],
};
const NOT_APPROVED: ApprovalDecision = { ...APPROVED, approved: false, approvedBy: [] };

function checksOf(state: ChecksState, more: Partial<ChecksVerdict> = {}): ChecksVerdict {
  return { state, failing: [], pending: [], validation: 'success', ...more };
}

const MOVED = {
  kind: 'moved',
  reason: 'pushed',
  movedAt: '2026-11-24T10:05:00Z',
  shaAtRequest: CHECKED_SHA,
} as const;

/** A production deploy that passes every rule; each case changes only what it is about. */
function deploy(
  overrides: Partial<Omit<AuthorizeDeployParams, 'config' | 'actor' | 'ref'>> & {
    config?: Partial<EnvironmentConfig>;
    actor?: Partial<AuthorizeDeployParams['actor']>;
    ref?: Partial<AuthorizeDeployParams['ref']>;
  } = {},
): AuthorizeDeployParams {
  const { config, actor, ref, ...rest } = overrides;
  return {
    environment: 'production',
    approval: APPROVED,
    checks: checksOf('success'),
    automated: false,
    ...rest,
    config: { ...PRODUCTION, ...config },
    actor: { login: 'mona', permission: 'write', teams: ['octo-org/payments'], ...actor },
    ref: { name: 'main', atRequest: { kind: 'proven', sha: CHECKED_SHA }, currentSha: CHECKED_SHA, ...ref },
  };
}

function without(params: AuthorizeDeployParams, key: 'approval' | 'checks'): AuthorizeDeployParams {
  const copy = { ...params };
  delete copy[key];
  return copy;
}

function refusedRule(params: AuthorizeDeployParams): string | undefined {
  const decision = authorizeDeploy(params);
  return decision.allowed ? undefined : decision.rule;
}

describe('canChange', () => {
  it.each<[RepositoryPermission, boolean]>([
    ['admin', true],
    ['maintain', true],
    ['write', true],
    ['triage', false],
    ['read', false],
    ['none', false],
  ])('%s → %s', (permission, expected) => {
    expect(canChange(permission)).toBe(expected);
  });

  it('covers every permission level', () => {
    expect([...REPOSITORY_PERMISSIONS].sort()).toEqual([
      'admin',
      'maintain',
      'none',
      'read',
      'triage',
      'write',
    ]);
  });
});

describe('authorizeDeploy: the rule matrix', () => {
  it('allows the baseline deploy', () => {
    expect(authorizeDeploy(deploy())).toEqual({ allowed: true });
  });

  it.each<[string, AuthorizeDeployParams, string | undefined]>([
    // permission
    ['admin', deploy({ actor: { permission: 'admin' } }), undefined],
    ['maintain', deploy({ actor: { permission: 'maintain' } }), undefined],
    ['write', deploy({ actor: { permission: 'write' } }), undefined],
    ['triage', deploy({ actor: { permission: 'triage' } }), 'permission'],
    ['read', deploy({ actor: { permission: 'read' } }), 'permission'],
    ['no permission', deploy({ actor: { permission: 'none' } }), 'permission'],

    // deployers
    ['no deployers listed', deploy({ config: { deployers: [] } }), undefined],
    ['listed by login', deploy({ config: { deployers: ['hubot', 'mona'] } }), undefined],
    ['listed by login in another case, with @', deploy({ config: { deployers: ['@Mona'] } }), undefined],
    ['in a listed team', deploy({ config: { deployers: ['octo-org/payments'] } }), undefined],
    ['in a listed team in another case', deploy({ config: { deployers: ['Octo-Org/Payments'] } }), undefined],
    ['not listed', deploy({ config: { deployers: ['hubot'] } }), 'deployers'],
    ['in an unlisted team', deploy({ config: { deployers: ['octo-org/platform'] } }), 'deployers'],
    ['a login equal to a team name', deploy({ config: { deployers: ['payments'] } }), 'deployers'],
    [
      'an admin not listed',
      deploy({ actor: { permission: 'admin' }, config: { deployers: ['octo-org/platform'] } }),
      'deployers',
    ],

    // allowed-refs
    ['any ref when none listed', deploy({ ref: { name: 'feature/x' } }), undefined],
    ['an exact ref', deploy({ config: { allowed_refs: ['main'] } }), undefined],
    [
      'a full ref name',
      deploy({ config: { allowed_refs: ['main'] }, ref: { name: 'refs/heads/main' } }),
      undefined,
    ],
    [
      'a name that only starts alike',
      deploy({ config: { allowed_refs: ['main'] }, ref: { name: 'main2' } }),
      'allowed-refs',
    ],
    [
      'a name that only ends alike',
      deploy({ config: { allowed_refs: ['main'] }, ref: { name: 'x/main' } }),
      'allowed-refs',
    ],
    [
      'a glob',
      deploy({ config: { allowed_refs: ['main', 'release/*'] }, ref: { name: 'release/1.2' } }),
      undefined,
    ],
    [
      'a glob one segment deep only',
      deploy({ config: { allowed_refs: ['release/*'] }, ref: { name: 'release/1.2/hotfix' } }),
      'allowed-refs',
    ],
    [
      'a ** glob across segments',
      deploy({ config: { allowed_refs: ['release/**'] }, ref: { name: 'release/1.2/hotfix' } }),
      undefined,
    ],
    [
      'a dot taken literally',
      deploy({ config: { allowed_refs: ['v1.*'] }, ref: { name: 'v1x2' } }),
      'allowed-refs',
    ],
    ['a dotted glob', deploy({ config: { allowed_refs: ['v1.*'] }, ref: { name: 'v1.2' } }), undefined],

    // sha-moved
    ['an unmoved ref', deploy({ ref: { currentSha: CHECKED_SHA.toUpperCase() } }), undefined],
    ['a head proven to be another sha', deploy({ ref: { currentSha: NEWER_SHA } }), 'sha-moved'],
    [
      'commits pushed after /deploy',
      deploy({ ref: { atRequest: MOVED, currentSha: NEWER_SHA } }),
      'sha-moved',
    ],
    [
      'merged after /deploy',
      deploy({ ref: { atRequest: { kind: 'moved', reason: 'merged', movedAt: '2026-11-24T10:05:00Z' } } }),
      'sha-moved',
    ],
    ['a head GitHub has no record of', deploy({ ref: { atRequest: { kind: 'unproven' } } }), 'sha-moved'],

    // fork
    ['a branch of this repository', deploy({ pullRequest: { fromFork: false } }), undefined],
    ['a fork', deploy({ pullRequest: { fromFork: true } }), 'fork'],
    ['a fork, allowed', deploy({ pullRequest: { fromFork: true }, allowForkPullRequests: true }), undefined],

    // quarantined
    ['a quarantined sha deployed by hand', deploy({ quarantinedShas: new Set([CHECKED_SHA]) }), undefined],
    [
      'an automated deploy of a clean sha',
      deploy({ automated: true, quarantinedShas: new Set([NEWER_SHA]) }),
      undefined,
    ],
    [
      'an automated deploy of a quarantined sha',
      deploy({ automated: true, quarantinedShas: new Set([CHECKED_SHA.toUpperCase()]) }),
      'quarantined',
    ],

    // approval
    ['approved', deploy({ approval: APPROVED }), undefined],
    ['not approved', deploy({ approval: NOT_APPROVED }), 'approval'],
    ['no approval read at all', without(deploy(), 'approval'), 'approval'],
    [
      'not approved, none required',
      deploy({ approval: NOT_APPROVED, config: { requires_approval: false } }),
      undefined,
    ],

    // green-checks
    ...(['pending', 'failure', 'none'] as const).map((checks): [string, AuthorizeDeployParams, string] => [
      `checks ${checks}`,
      deploy({ checks: checksOf(checks) }),
      'green-checks',
    ]),
    ['no checks read at all', without(deploy(), 'checks'), 'green-checks'],
    [
      'checks failing, none required',
      deploy({ checks: checksOf('failure'), config: { requires_green_checks: false } }),
      undefined,
    ],

    // validation
    ['validation failed', deploy({ checks: checksOf('success', { validation: 'failure' }) }), 'validation'],
    ['validation pending', deploy({ checks: checksOf('success', { validation: 'pending' }) }), undefined],
    ['no validation check', deploy({ checks: checksOf('success', { validation: 'none' }) }), undefined],
    [
      'validation failed, no checks required',
      deploy({
        checks: checksOf('success', { validation: 'failure' }),
        config: { requires_green_checks: false },
      }),
      undefined,
    ],

    // order
    ['no enforced order', deploy({ deployedEnvironments: new Set() }), undefined],
    ['the first environment', deploy({ environment: 'development', order: ORDER }), undefined],
    ['an environment outside the order', deploy({ environment: 'preview', order: ORDER }), undefined],
    [
      'every earlier environment done',
      deploy({ order: ORDER, deployedEnvironments: new Set(['development', 'staging']) }),
      undefined,
    ],
    [
      'the one before missing',
      deploy({ order: ORDER, deployedEnvironments: new Set(['development']) }),
      'order',
    ],
    ['an earlier one missing', deploy({ order: ORDER, deployedEnvironments: new Set(['staging']) }), 'order'],
    ['nothing deployed yet', deploy({ order: ORDER }), 'order'],
  ])('%s', (_case, params, rule) => {
    expect(refusedRule(params)).toBe(rule);
  });
});

describe('authorizeDeploy: the default environments', () => {
  it.each<[string, EnvironmentConfig, boolean, ChecksState, string | undefined]>([
    ['production', PRODUCTION, false, 'success', 'approval'],
    ['production', PRODUCTION, true, 'pending', 'green-checks'],
    ['production', PRODUCTION, true, 'success', undefined],
    ['development', DEVELOPMENT, false, 'failure', undefined],
  ])('%s, approved %s, checks %s → %s', (environment, config, approved, checks, rule) => {
    const approval = approved ? APPROVED : NOT_APPROVED;
    expect(refusedRule(deploy({ environment, config, approval, checks: checksOf(checks) }))).toBe(rule);
  });
});

describe('authorizeDeploy: the messages', () => {
  const everythingWrong = deploy({
    actor: { permission: 'read' },
    config: { deployers: ['octo-org/platform'], allowed_refs: ['main'] },
    ref: { name: 'feature/x', atRequest: MOVED, currentSha: NEWER_SHA },
    pullRequest: { fromFork: true },
    automated: true,
    quarantinedShas: new Set([NEWER_SHA]),
    approval: NOT_APPROVED,
    checks: checksOf('failure', { failing: ['build', 'ci/jenkins'], validation: 'failure' }),
    order: ORDER,
    deployedEnvironments: new Set(['development']),
  });

  it('reports the first failing rule, and a dry run lists every one in the documented order', () => {
    expect(refusedRule(everythingWrong)).toBe('permission');
    expect(listDeployRefusals(everythingWrong).map((refusal) => refusal.rule)).toEqual([...DEPLOY_RULES]);
    expect(listDeployRefusals(deploy())).toEqual([]);
  });

  it.each(listDeployRefusals(everythingWrong).map((refusal) => [refusal.rule, refusal.message]))(
    '%s names its rule and the environment',
    (rule, message) => {
      expect(message).toContain(`rule \`${rule}\``);
      expect(message).toMatch(/`production`|\/deploy production/);
    },
  );

  it.each([
    ['permission', 'your permission is **read**'],
    ['deployers', '`octo-org/platform`'],
    ['allowed-refs', 'only accepts deploys from `main`'],
    ['fork', 'comes from a fork'],
    ['sha-moved', 'at 2026-11-24T10:05:00Z, after the deploy was requested'],
    ['sha-moved', 'moved from `0b3c212` to `d440a1d`'],
    ['quarantined', '`d440a1d` was rolled back'],
    ['approval', 'write, maintain or admin permission'],
    ['green-checks', 'at least one check failed (`build`, `ci/jenkins`)'],
    ['validation', "implementation-agent's own validation failed"],
    ['order', 'not been deployed successfully to `staging` yet'],
  ])('%s says what is missing: %s', (rule, wording) => {
    const refusal = listDeployRefusals(everythingWrong).find((candidate) => candidate.rule === rule);
    expect(refusal?.message).toContain(wording);
  });

  it.each<[ChecksState, string]>([
    ['pending', 'some checks are still running'],
    ['none', 'no checks have reported yet'],
  ])('tells checks %s apart', (checks, wording) => {
    const decision = authorizeDeploy(deploy({ checks: checksOf(checks) }));
    expect(!decision.allowed && decision.message).toContain(wording);
  });

  it('suggests the first environment still missing in the order', () => {
    const decision = authorizeDeploy(deploy({ order: ORDER }));
    expect(!decision.allowed && decision.message).toContain('`development`, `staging` yet');
    expect(!decision.allowed && decision.message).toContain('starting with `/deploy development`');
  });

  it('shows a ref holding backticks without breaking out of its code span', () => {
    const decision = authorizeDeploy(
      deploy({ config: { allowed_refs: ['main'] }, ref: { name: 'fix/`rm -rf`' } }),
    );
    expect(!decision.allowed && decision.message).toContain('`` fix/`rm -rf` `` is not one of them');
  });

  it('does not mention listed deployers by @', () => {
    const decision = authorizeDeploy(deploy({ config: { deployers: ['@hubot'] } }));
    expect(!decision.allowed && decision.message).not.toContain('@hubot');
  });
});

// Review #9e: every deploy nobody asked for by name stops at a standing request for changes as a
// merge without a person does (`standingChangesRequest`, unknown included); a person's `/deploy`
// answers to the environment's configured rules (DESIGN §8).
describe('authorizeDeploy: a standing request for changes', () => {
  const REQUESTED: ApprovalDecision = { ...NOT_APPROVED, changesRequestedBy: ['reviewer-bob'] };
  const UNREAD: ApprovalDecision = { ...NOT_APPROVED, tooManyReviews: true };
  const NO_APPROVAL_NEEDED = { requires_approval: false };

  it.each<[string, ApprovalDecision, boolean, Partial<EnvironmentConfig>, string | undefined]>([
    ['automated, a writer asked for changes', REQUESTED, true, NO_APPROVAL_NEEDED, 'approval'],
    ['automated, more reviews than are read (unknown stands)', UNREAD, true, NO_APPROVAL_NEEDED, 'approval'],
    ['automated, the request lifted', NOT_APPROVED, true, NO_APPROVAL_NEEDED, undefined],
    ['/deploy, approval required, a writer asked for changes', REQUESTED, false, {}, 'approval'],
    ['/deploy, approval required, more reviews than are read', UNREAD, false, {}, 'approval'],
    // DESIGN §8: the environment's rules come from config; without required approval the writer decides.
    [
      '/deploy, approval not required, a writer asked for changes',
      REQUESTED,
      false,
      NO_APPROVAL_NEEDED,
      undefined,
    ],
  ])('%s → %s', (_name, approval, automated, config, rule) => {
    expect(refusedRule(deploy({ approval, automated, config }))).toBe(rule);
  });

  it('says who asked, or that an older request may stand unread', () => {
    const asked = authorizeDeploy(
      deploy({ approval: REQUESTED, automated: true, config: NO_APPROVAL_NEEDED }),
    );
    expect(!asked.allowed && asked.message).toContain(
      '@reviewer-bob asked for changes and that request still stands',
    );
    const unread = authorizeDeploy(deploy({ approval: UNREAD, automated: true, config: NO_APPROVAL_NEEDED }));
    expect(!unread.allowed && unread.message).toContain(
      'The pull request has more reviews than implementation-agent reads',
    );
    const person = authorizeDeploy(deploy({ approval: UNREAD }));
    expect(!person.allowed && person.message).toContain('more reviews than implementation-agent reads');
  });
});
