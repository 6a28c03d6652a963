import type { FakeRequest } from './github-fake-server.js';

/** What the GitHub stand-in holds (`createGitHubFake` or `startGitHubFake`). */
interface FakeState {
  readonly requests: readonly FakeRequest[];
  readonly issues: readonly unknown[];
  readonly pulls: readonly unknown[];
  readonly commits: readonly unknown[];
  readonly checkRuns: ReadonlyArray<{ name?: string }>;
  readonly deployments: readonly unknown[];
  readonly comments: ReadonlyArray<{ issue_number?: number }>;
}

/** One of each thing a trigger can make on GitHub, counted. */
export interface SideEffects {
  /** Runs that moved a task to `generating` (each is a model call, and a bill with Bedrock). */
  readonly generations: number;
  readonly issues: number;
  readonly pullRequests: number;
  readonly commits: number;
  /** The validation check (`implementation-agent`). */
  readonly checkRuns: number;
  /** Guided mode's `implementation-agent/approval` check. */
  readonly approvalChecks: number;
  readonly deployments: number;
  /** Comments the agent wrote (status comments and replies). */
  readonly comments: number;
}

export function sideEffectsOf(fake: FakeState): SideEffects {
  const generating = fake.requests.filter(
    (request) =>
      request.method !== 'GET' &&
      /\/issues\/(\d+\/)?comments/.test(request.path) &&
      String(request.body?.body ?? '').includes('"state":"generating"'),
  );
  return {
    generations: generating.length,
    issues: fake.issues.length,
    pullRequests: fake.pulls.length,
    commits: fake.commits.length,
    // The validation check; guided mode's approval check is counted on its own.
    checkRuns: fake.checkRuns.filter((check) => check.name === 'implementation-agent').length,
    approvalChecks: fake.checkRuns.filter((check) => check.name === 'implementation-agent/approval').length,
    deployments: fake.deployments.length,
    comments: fake.comments.filter((comment) => comment.issue_number !== undefined).length,
  };
}

/**
 * The redelivery test: delivers one trigger three times (however the runtime delivers: the app's
 * webhook with the same delivery id, an app restarted in between, the Action run again) and
 * reports what the first delivery made, what all three made, and every write the second and third
 * made. GitHub keeps one reaction per user and kind, so acknowledging again is not a write here;
 * a GraphQL query (the Action asking who it is) is a read, a GraphQL mutation a write.
 */
export async function deliverThreeTimes(params: {
  fake: FakeState;
  deliver: (delivery: 1 | 2 | 3) => Promise<void>;
}): Promise<{ once: SideEffects; thrice: SideEffects; repeatedWrites: string[] }> {
  const { fake } = params;
  await params.deliver(1);
  const once = sideEffectsOf(fake);
  const seen = fake.requests.length;
  await params.deliver(2);
  await params.deliver(3);
  const repeatedWrites = fake.requests
    .slice(seen)
    .filter((request) => request.method !== 'GET' && !request.path.endsWith('/reactions'))
    .filter((request) => !request.path.includes('/access_tokens'))
    .filter((request) => !(request.path.endsWith('/graphql') && isGraphQLQuery(request.body)))
    .map((request) => `${request.method} ${request.path}`);
  return { once, thrice: sideEffectsOf(fake), repeatedWrites };
}

/** A GraphQL document that only reads: no `mutation` operation in it. */
function isGraphQLQuery(body: unknown): boolean {
  const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
  return typeof query === 'string' && !/\bmutation\b/.test(query);
}
