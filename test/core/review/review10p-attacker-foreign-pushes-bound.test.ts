/**
 * Attacker pass (review #10p) on foreign pushes past MAX_FOREIGN_PUSHES failing closed
 * (src/core/review/foreign-push.ts `foreignPushesAfter`/`foreignPushesPatch`, the status comment's
 * trust-lost note). Attacked: redeliveries of the twentieth push (same sha, another case) and a
 * batch repeating one push, which must not count as more pushes; a twenty-first distinct push,
 * which must; a later write that finds the list under its bound again, which must not clear
 * `trust_lost`; a push known by name, re-sent without one. A fault is `it.failing` asserting the
 * right answer; an attack refused is an ordinary test.
 */
import { renderStatusComment, TRUST_LOST_NOTE_START } from '../../../src/core/render/status-comment.js';
import {
  foreignPushesAfter,
  foreignPushesPatch,
  MAX_FOREIGN_PUSHES,
  type ForeignPush,
} from '../../../src/core/review/foreign-push.js';

const sha = (index: number) => index.toString(16).padStart(40, '0');
const push = (index: number, login = `dev${index}`): ForeignPush => ({
  sha: sha(index),
  login,
  id: 1000 + index,
});
const twenty = Array.from({ length: MAX_FOREIGN_PUSHES }, (_, index) => push(index + 1));

describe('review10p attacker: foreign pushes at and past the bound', () => {
  it('a redelivery of the twentieth push (its sha in capitals) is no new push', () => {
    const last = push(MAX_FOREIGN_PUSHES);
    const after = foreignPushesAfter({
      recorded: twenty,
      pushes: [{ ...last, sha: last.sha.toUpperCase() }],
    });
    expect(after.pastBound).toBe(false);
    expect(after.pushes).toHaveLength(MAX_FOREIGN_PUSHES);
    expect(foreignPushesPatch(after)).not.toHaveProperty('trust_lost');
  });

  it('one batch repeating a push twenty-one times is one push', () => {
    const after = foreignPushesAfter({ recorded: [], pushes: Array.from({ length: 21 }, () => push(7)) });
    expect(after).toEqual({ pushes: [push(7)], pastBound: false });
  });

  it('a twenty-first distinct push is past the bound and records trust_lost, and the comment says so', () => {
    const after = foreignPushesAfter({ recorded: twenty, pushes: [push(21, 'mallory')] });
    expect(after.pastBound).toBe(true);
    expect(after.pushes).toHaveLength(MAX_FOREIGN_PUSHES);
    const patch = foreignPushesPatch(after);
    expect(patch.trust_lost).toBe(true);
    const body = renderStatusComment({
      marker: {
        task_id: 'acme/shop#7',
        state: 'pr_open',
        attempt: 1,
        cost_usd: 0,
        updated_at: '2026-12-01T06:00:00.000Z',
        ...patch,
      },
      details: 'Pull request #3 awaits review.',
    });
    expect(body).toContain(TRUST_LOST_NOTE_START);
  });

  it('a later write under the bound leaves trust_lost out of its patch (never clears it)', () => {
    const patch = foreignPushesPatch(
      foreignPushesAfter({ recorded: twenty.slice(0, 5), pushes: [push(30)] }),
    );
    expect(patch).not.toHaveProperty('trust_lost');
  });

  it('a push known by its pusher, re-sent without one, keeps the pusher', () => {
    const after = foreignPushesAfter({ recorded: [push(3, 'alice')], pushes: [{ sha: sha(3) }] });
    expect(after.pushes).toEqual([push(3, 'alice')]);
  });
});
