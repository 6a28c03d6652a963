import type { LastPush } from '../../../src/core/review/last-push.js';
import { unvalidatedHead } from '../../../src/core/review/unvalidated-head.js';
import type { TaskMarker } from '../../../src/core/state/state-marker.js';

const AGENT = 'a'.repeat(40);
const PERSON = 'b'.repeat(40);
const UNSEEN = 'c'.repeat(40);
const agentPush: LastPush = { sha: AGENT, by: { kind: 'agent' } };
const personPush: LastPush = { sha: PERSON, by: { kind: 'human', login: 'bob' } };
type Standing = Parameters<typeof unvalidatedHead>[0]['marker'];

// Review #9e: a run built its commit on whatever head the branch had, and armed auto-merge over
// pushes it never saw. Only a head the marker records as the agent's own commit is validated.
describe('unvalidatedHead: is the head the agent builds on one it validated?', () => {
  it.each<[string, Standing, string, ReturnType<typeof unvalidatedHead>]>([
    ['the agent’s own last commit', { last_push: agentPush }, AGENT, undefined],
    ['the agent’s own last commit, in upper case', { last_push: agentPush }, AGENT.toUpperCase(), undefined],
    [
      'a head no event named (an undelivered synchronize)',
      { last_push: agentPush },
      UNSEEN,
      { sha: UNSEEN, seen: false },
    ],
    ['a person’s push the agent saw', { last_push: personPush }, PERSON, { sha: PERSON, seen: true }],
    [
      'a head pushed over a person’s push the agent saw',
      { last_push: personPush },
      UNSEEN,
      { sha: UNSEEN, seen: false },
    ],
    [
      'the person’s push the guard fell back on',
      { last_push: agentPush, unvalidated_push: PERSON },
      PERSON,
      { sha: PERSON, seen: true },
    ],
    [
      'the agent’s commit recorded also as a person’s push (the person’s record wins)',
      { last_push: agentPush, unvalidated_push: AGENT },
      AGENT,
      { sha: AGENT, seen: true },
    ],
    ['a branch there before any task (no marker)', undefined, UNSEEN, { sha: UNSEEN, seen: false }],
  ])('%s', (_case, marker, head, expected) => {
    expect(unvalidatedHead({ marker, head })).toEqual(expected);
  });

  it('reads a marker from before pushes were recorded by the commit its last publish names', () => {
    const older: Pick<TaskMarker, 'last_outcome'> = {
      last_outcome: {
        version: 1,
        status: 'pr_open',
        taskId: 'o/r#1',
        issueNumber: 1,
        pullNumber: 2,
        commitSha: AGENT,
      } as unknown as TaskMarker['last_outcome'],
    };
    expect(unvalidatedHead({ marker: older, head: AGENT })).toBeUndefined();
    expect(unvalidatedHead({ marker: older, head: UNSEEN })).toEqual({ sha: UNSEEN, seen: false });
    expect(unvalidatedHead({ marker: {}, head: AGENT })).toEqual({ sha: AGENT, seen: false });
  });
});
