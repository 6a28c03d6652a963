import { standingChangesRequest } from '../../../src/core/review/standing-changes-request.js';

describe('standingChangesRequest: the one rule before any unattended merge', () => {
  it('nothing stands when nobody counted asks for changes', () => {
    expect(standingChangesRequest({ changesRequestedBy: [] })).toBeUndefined();
  });

  it('names every reviewer whose request stands', () => {
    expect(standingChangesRequest({ changesRequestedBy: ['reviewer-bob', 'alice'] })).toEqual({
      by: ['reviewer-bob', 'alice'],
      unread: false,
      reason: '@reviewer-bob, @alice asked for changes and that request still stands',
    });
  });

  it('fails closed on a review list cut at the newest 1,000', () => {
    const standing = standingChangesRequest({ changesRequestedBy: [], tooManyReviews: true });
    expect(standing?.unread).toBe(true);
    expect(standing?.reason).toContain('an older request for changes may still stand');
  });

  it('shows a login that is not one literally, never as a mention', () => {
    expect(standingChangesRequest({ changesRequestedBy: ['x](http://e) @everyone'] })?.reason).not.toContain(
      '@everyone asked',
    );
  });
});
