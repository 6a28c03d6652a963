import {
  MAX_HUMAN_PUSHERS,
  pushersAfter,
  pushersPatch,
} from '../../../src/core/review/human-pushers-after.js';
import { mergeTrustFacts, trustFactsOf, trustFactsSchema } from '../../../src/core/task/trust-facts.js';

const account = (n: number) => ({ login: `user${n}`, id: 1000 + n, type: 'User' });

describe('mergeTrustFacts: two versions of a task’s trust facts merge so sets only ever grow', () => {
  it('keeps every pusher of both sides', () => {
    const merged = mergeTrustFacts({ human_pushers: [account(1)] }, { human_pushers: ['carol', account(2)] });
    expect(merged.human_pushers).toEqual(expect.arrayContaining([account(1), account(2), 'carol']));
    expect(merged.trust_lost).toBeUndefined();
  });

  it('a requester the newer side replaced stays set aside as a co-requester', () => {
    const merged = mergeTrustFacts(
      { requester: 'alice', requester_id: 501 },
      { requester: 'mallory', requester_id: 666, requester_type: 'User' },
    );
    expect(merged).toMatchObject({ requester: 'alice', requester_id: 501 });
    expect(merged.co_requesters).toEqual([{ login: 'mallory', id: 666, type: 'User' }]);
  });

  it('the older side’s requester is kept when the newer names none', () => {
    expect(mergeTrustFacts({}, { requester: 'alice', requester_id: 501 })).toMatchObject({
      requester: 'alice',
      requester_id: 501,
    });
  });

  it('the same account under a new login is one entry (by id)', () => {
    const merged = mergeTrustFacts(
      { human_pushers: [{ login: 'new-name', id: 7 }] },
      { human_pushers: [{ login: 'old-name', id: 7 }] },
    );
    expect(merged.human_pushers).toEqual([{ login: 'new-name', id: 7 }]);
  });

  it('a union past the bound is not cut silently: it fails closed (trust_lost)', () => {
    const newer = { human_pushers: Array.from({ length: 15 }, (_, i) => account(i)) };
    const older = { human_pushers: Array.from({ length: 15 }, (_, i) => account(i + 100)) };
    expect(mergeTrustFacts(newer, older).trust_lost).toBe(true);
  });

  it('trust_lost on either side stays', () => {
    expect(mergeTrustFacts({ requester: 'a' }, { trust_lost: true }).trust_lost).toBe(true);
    expect(mergeTrustFacts({ trust_lost: true }, undefined).trust_lost).toBe(true);
  });

  it('foreign pushes of both sides are kept, what GitHub named once not forgotten', () => {
    const sha = (c: string) => c.repeat(40);
    const merged = mergeTrustFacts(
      { foreign_pushes: [{ sha: sha('a') }] },
      {
        foreign_pushes: [
          { sha: sha('a'), login: 'mallory' },
          { sha: sha('b'), login: 'eve' },
        ],
      },
    );
    expect(merged.foreign_pushes).toEqual(
      expect.arrayContaining([
        { sha: sha('a'), login: 'mallory' },
        { sha: sha('b'), login: 'eve' },
      ]),
    );
  });

  it('trustFactsOf picks the trust facts alone', () => {
    expect(trustFactsOf({ requester: 'a', state: 'pr_open' } as never)).toEqual({ requester: 'a' });
  });
});

// Review #10n: merges that lost an account id.
describe('mergeTrustFacts: no account id is lost', () => {
  it('a pusher recorded by id in the older version and by login alone in the newer keeps the id', () => {
    const merged = mergeTrustFacts(
      { human_pushers: ['mallory'] },
      { human_pushers: [{ login: 'mallory', id: 666, type: 'User' }] },
    );
    expect(merged.human_pushers).toEqual([{ login: 'mallory', id: 666, type: 'User' }]);
  });

  it('an older requester with an id the newer (login alone) lacks joins the co-requesters', () => {
    const merged = mergeTrustFacts({ requester: 'alice' }, { requester: 'alice', requester_id: 501 });
    expect(merged).toMatchObject({ requester: 'alice', co_requesters: [{ login: 'alice', id: 501 }] });
  });

  it('an older requester of another id under the same login joins the co-requesters', () => {
    const merged = mergeTrustFacts(
      { requester: 'alice', requester_id: 999 },
      { requester: 'alice', requester_id: 501, requester_type: 'User' },
    );
    expect(merged.co_requesters).toEqual([{ login: 'alice', id: 501, type: 'User' }]);
  });

  it('the same requester in both versions adds no co-requester', () => {
    expect(
      mergeTrustFacts({ requester: 'alice', requester_id: 501 }, { requester: 'Alice', requester_id: 501 })
        .co_requesters,
    ).toBeUndefined();
    expect(
      mergeTrustFacts({ requester: 'alice', requester_id: 501 }, { requester: 'ALICE' }).co_requesters,
    ).toBeUndefined();
  });

  // Review 13o: the flag a push past the pushers' bound sets is a trust fact, so the mirror keeps it.
  it('carries trust_lost set by pushers past the bound through a record and a merge', () => {
    const recorded = Array.from({ length: MAX_HUMAN_PUSHERS }, (_, i) => account(i));
    const marker = {
      ...pushersPatch(pushersAfter(recorded, [account(MAX_HUMAN_PUSHERS)])),
      requester: 'alice',
      state: 'pr_open',
    };
    const trust = trustFactsSchema.parse(trustFactsOf(marker));
    expect(trust.trust_lost).toBe(true);
    expect(mergeTrustFacts(trust, { requester: 'alice' }).trust_lost).toBe(true);
    expect(mergeTrustFacts({ requester: 'alice' }, trust).trust_lost).toBe(true);
  });
});
