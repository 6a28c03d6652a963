import type { LastPush } from '../../../src/core/review/last-push.js';
import {
  headPusher,
  unknownPusherPushes,
  type PushRecord,
} from '../../../src/core/review/unknown-pusher-pushes.js';

const HEAD = 'c'.repeat(40);
const UNSEEN = 'e'.repeat(40);
const OLD = 'a'.repeat(40);

const agentAt = (sha: string): LastPush => ({ sha, by: { kind: 'agent' } });
const personAt = (sha: string, login: string): LastPush => ({ sha, by: { kind: 'human', login } });

describe('headPusher and unknownPusherPushes (review 9f)', () => {
  it.each<[string, PushRecord, ReturnType<typeof headPusher>, string[]]>([
    ['no task: no pusher rule', { lastPush: undefined }, { kind: 'no-task' }, []],
    ["the agent's recorded head", { lastPush: agentAt(HEAD) }, { kind: 'agent' }, []],
    ["a synchronize sender's head", { lastPush: personAt(HEAD, 'bob') }, { kind: 'named', login: 'bob' }, []],
    ['a head the record does not know', { lastPush: agentAt(OLD) }, { kind: 'unknown' }, [HEAD]],
    [
      "an unseen push under the agent's head",
      { lastPush: agentAt(HEAD), unvalidatedPush: UNSEEN },
      { kind: 'agent' },
      [UNSEEN],
    ],
    [
      'an unseen push GitHub named',
      {
        lastPush: agentAt(HEAD),
        unvalidatedPush: UNSEEN,
        foreignPushes: [{ sha: UNSEEN, login: 'mallory' }],
      },
      { kind: 'agent' },
      [],
    ],
    [
      'a foreign push GitHub could not name, after the unvalidated one was replaced',
      {
        lastPush: agentAt(HEAD),
        unvalidatedPush: OLD,
        foreignPushes: [{ sha: UNSEEN }, { sha: OLD, login: 'bob' }],
      },
      { kind: 'agent' },
      [UNSEEN],
    ],
    [
      'a head whose pusher GitHub named, not yet recorded as the last push',
      { lastPush: agentAt(OLD), foreignPushes: [{ sha: HEAD, login: 'mallory' }] },
      { kind: 'named', login: 'mallory' },
      [],
    ],
    [
      "a person's pushed head that is also the unvalidated push",
      { lastPush: personAt(HEAD, 'bob'), unvalidatedPush: HEAD },
      { kind: 'named', login: 'bob' },
      [],
    ],
    [
      'a marker before push records, head the agent recorded',
      { lastPush: undefined, unrecordedPushes: { agentCommits: [HEAD] } },
      { kind: 'agent' },
      [],
    ],
    [
      'a marker before push records, another head',
      { lastPush: undefined, unrecordedPushes: { agentCommits: [OLD] } },
      { kind: 'unknown' },
      [HEAD],
    ],
  ])('%s', (_name, record, pusher, unknown) => {
    expect(headPusher(record, HEAD)).toEqual(pusher);
    expect(unknownPusherPushes(record, HEAD)).toEqual(unknown);
  });

  it('lists the head and every push under it nobody can name, once each, lowercase', () => {
    const record: PushRecord = {
      lastPush: agentAt(OLD),
      unvalidatedPush: UNSEEN.toUpperCase(),
      foreignPushes: [{ sha: UNSEEN }, { sha: 'd'.repeat(40) }],
    };
    expect(unknownPusherPushes(record, HEAD.toUpperCase())).toEqual([HEAD, UNSEEN, 'd'.repeat(40)]);
  });
});
