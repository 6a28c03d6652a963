import { foreignPushesAfter, MAX_FOREIGN_PUSHES } from '../../../src/core/review/foreign-push.js';
import { MAX_HUMAN_PUSHERS } from '../../../src/core/review/human-pushers-after.js';
import { recordPushers } from '../../../src/core/review/record-pushers.js';

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
      foreignPushesAfter({ recorded: [{ sha: sha('e'), login: 'mallory' }], pushes: [{ sha: sha('e') }] }),
    ).toEqual([{ sha: sha('e'), login: 'mallory' }]);
  });

  it('names the pusher of a push recorded as unknown once GitHub says', () => {
    expect(
      foreignPushesAfter({ recorded: [{ sha: sha('e') }], pushes: [{ sha: sha('e'), login: 'eve' }] }),
    ).toEqual([{ sha: sha('e'), login: 'eve' }]);
  });

  it(`keeps at most ${MAX_FOREIGN_PUSHES}, forgetting pushes of known pusher first`, () => {
    const unknown = { sha: sha('0') };
    const named = Array.from({ length: MAX_FOREIGN_PUSHES }, (_, i) => ({
      sha: (i + 0x10).toString(16).padStart(40, '0'),
      login: `user${i}`,
    }));
    const kept = foreignPushesAfter({ recorded: [unknown, ...named], pushes: [{ sha: sha('9') }] });
    expect(kept).toHaveLength(MAX_FOREIGN_PUSHES);
    expect(kept[0]).toEqual(unknown);
    expect(kept.at(-1)).toEqual({ sha: sha('9') });
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
