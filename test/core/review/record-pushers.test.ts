import {
  foreignPushesAfter,
  foreignPushesPatch,
  MAX_FOREIGN_PUSHES,
} from '../../../src/core/review/foreign-push.js';
import { MAX_HUMAN_PUSHERS } from '../../../src/core/review/human-pushers-after.js';
import { recordPushers } from '../../../src/core/review/record-pushers.js';
import { reviewPolicyFor } from '../../../src/core/review/review-policy-for.js';

const sha = (c: string) => c.repeat(40);

describe('recordPushers (review 9f)', () => {
  it('records every sha asked, with the pusher GitHub named or without one, and the named among the pushers', () => {
    expect(
      recordPushers({
        marker: { human_pushers: ['bob'] },
        asked: [sha('e'), sha('F')],
        named: new Map([[sha('e'), { login: 'Mallory' }]]),
      }),
    ).toEqual({
      foreign_pushes: [{ sha: sha('e'), login: 'Mallory' }, { sha: sha('f') }],
      human_pushers: ['bob', 'mallory'],
    });
  });

  it("keeps the named account's id and type (review #9h: a rename, a bot without `[bot]`)", () => {
    expect(
      recordPushers({
        marker: { human_pushers: ['mallory'] },
        asked: [sha('e'), sha('c')],
        named: new Map([
          [sha('e'), { login: 'Mallory', id: 42, type: 'User' }],
          [sha('c'), { login: 'Copilot', id: 7, type: 'Bot' }],
        ]),
      }),
    ).toEqual({
      foreign_pushes: [
        { sha: sha('e'), login: 'Mallory', id: 42, type: 'User' },
        { sha: sha('c'), login: 'Copilot', id: 7, type: 'Bot' },
      ],
      human_pushers: [
        { login: 'mallory', id: 42, type: 'User' },
        { login: 'copilot', id: 7, type: 'Bot' },
      ],
    });
  });

  it('names no pusher when GitHub named none', () => {
    expect(recordPushers({ marker: {}, asked: [sha('e')], named: new Map() })).toEqual({
      foreign_pushes: [{ sha: sha('e') }],
    });
  });
});

describe('foreignPushesAfter', () => {
  it('keeps a pusher GitHub named once when a later answer names nobody', () => {
    expect(
      foreignPushesAfter({ recorded: [{ sha: sha('e'), login: 'mallory' }], pushes: [{ sha: sha('e') }] })
        .pushes,
    ).toEqual([{ sha: sha('e'), login: 'mallory' }]);
  });

  it('names the pusher of a push recorded as unknown once GitHub says', () => {
    expect(
      foreignPushesAfter({ recorded: [{ sha: sha('e') }], pushes: [{ sha: sha('e'), login: 'eve' }] }).pushes,
    ).toEqual([{ sha: sha('e'), login: 'eve' }]);
  });

  it(`keeps at most ${MAX_FOREIGN_PUSHES}, forgetting pushes of known pusher first`, () => {
    const unknown = { sha: sha('0') };
    const named = Array.from({ length: MAX_FOREIGN_PUSHES }, (_, i) => ({
      sha: (i + 0x10).toString(16).padStart(40, '0'),
      login: `user${i}`,
    }));
    const after = foreignPushesAfter({ recorded: [unknown, ...named], pushes: [{ sha: sha('9') }] });
    const kept = after.pushes;
    expect(kept).toHaveLength(MAX_FOREIGN_PUSHES);
    expect(kept[0]).toEqual(unknown);
    expect(kept.at(-1)).toEqual({ sha: sha('9') });
    // Review 14b: what was left out is said, never dropped quietly.
    expect(after.pastBound).toBe(true);
    expect(foreignPushesPatch(after)).toEqual({ foreign_pushes: kept, trust_lost: true });
  });

  it(`within ${MAX_FOREIGN_PUSHES} pushes (a push recorded again included) nothing is past the bound`, () => {
    const recorded = Array.from({ length: MAX_FOREIGN_PUSHES }, (_, i) => ({
      sha: (i + 1).toString(16).padStart(40, '0'),
    }));
    const after = foreignPushesAfter({ recorded, pushes: [{ ...recorded[3]!, login: 'eve' }] });
    expect(after.pastBound).toBe(false);
    expect(after.pushes).toHaveLength(MAX_FOREIGN_PUSHES);
    expect(foreignPushesPatch(after).trust_lost).toBeUndefined();
  });

  // Review 14b: the 21st unknown push dropped the oldest quietly outside mirror merges.
  it(`a push GitHub is asked about past ${MAX_FOREIGN_PUSHES} recorded ones sets trust_lost`, () => {
    const recorded = Array.from({ length: MAX_FOREIGN_PUSHES }, (_, i) => ({
      sha: (i + 1).toString(16).padStart(40, '0'),
    }));
    const after = recordPushers({
      marker: { foreign_pushes: recorded },
      asked: [sha('e')],
      named: new Map(),
    });
    expect(after.trust_lost).toBe(true);
    expect(after.foreign_pushes).toHaveLength(MAX_FOREIGN_PUSHES);
    expect(after.foreign_pushes.at(-1)).toEqual({ sha: sha('e') });
  });

  // Review 13o: a pusher GitHub named past the list's bound dropped the oldest recorded one.
  it('past MAX_HUMAN_PUSHERS named pushers it drops nobody silently: trust_lost', () => {
    const recorded = Array.from({ length: MAX_HUMAN_PUSHERS }, (_, n) => ({ login: `w${n}`, id: n + 1 }));
    const after = recordPushers({
      marker: { human_pushers: recorded },
      asked: [sha('e')],
      named: new Map([[sha('e'), { login: 'newcomer', id: 999 }]]),
    });
    expect(after.trust_lost).toBe(true);
    expect(after.human_pushers).toHaveLength(MAX_HUMAN_PUSHERS);
    const within = recordPushers({
      marker: { human_pushers: recorded },
      asked: [sha('e')],
      named: new Map(),
    });
    expect(within.trust_lost).toBeUndefined();
  });
});

// Review 14b: the approval of the run that takes the pushes past their bound is set aside too, not
// only those of later runs reading the recorded `trust_lost`.
describe('reviewPolicyFor with pushes past their bound', () => {
  const review = {
    allow_self_approval: false,
    reapprove_on_push: true,
    allow_pusher_approval: false,
    max_iterations: 3,
  };
  const writer = { kind: 'human' as const, login: 'writer', id: 5 };
  const markerWith = (count: number) => {
    const shas = Array.from({ length: count }, (_, i) => (i + 1).toString(16).padStart(40, '0'));
    return {
      requester: 'requester-dev',
      last_push: { sha: shas.at(-1)!, by: writer },
      human_pushers: [{ login: 'writer', id: 5 }],
      foreign_pushes: shas.map((s) => ({ sha: s, login: 'writer', id: 5 })),
    };
  };
  const push = { sha: sha('a'), by: writer };

  it(`a push that would be the ${MAX_FOREIGN_PUSHES + 1}st recorded loses trust`, () => {
    const policy = reviewPolicyFor({
      review,
      marker: markerWith(MAX_FOREIGN_PUSHES),
      agentLogin: undefined,
      push,
    });
    expect(policy.trustLost).toBe(true);
  });

  it(`the ${MAX_FOREIGN_PUSHES}th keeps it`, () => {
    const policy = reviewPolicyFor({
      review,
      marker: markerWith(MAX_FOREIGN_PUSHES - 1),
      agentLogin: undefined,
      push,
    });
    expect(policy.trustLost).toBeUndefined();
  });
});
