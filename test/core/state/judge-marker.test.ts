import { judgeMarker } from '../../../src/core/state/judge-marker.js';
import { MARKER_KEY_INFO, markerKeysFrom, type MarkerKeys } from '../../../src/core/state/marker-keys.js';
import { markerSignatureMatches } from '../../../src/core/state/marker-signature.js';
import { readStateMarker, renderStateMarker, type TaskMarker } from '../../../src/core/state/state-marker.js';
import { hkdfSync } from 'node:crypto';

const marker: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'held',
  attempt: 0,
  cost_usd: 0,
  updated_at: '2026-11-24T10:00:00.000Z',
};
const keys = markerKeysFrom({ secret: 'new-secret', previousSecret: 'old-secret' }) as MarkerKeys;
const oldKeys = markerKeysFrom({ secret: 'old-secret' }) as MarkerKeys;

function judge(params: {
  author?: string;
  signWith?: Buffer;
  identity?: string;
  keys?: MarkerKeys | undefined;
  written?: TaskMarker;
}) {
  const line = readStateMarker(renderStateMarker(params.written ?? marker, params.signWith));
  if (!line) throw new Error('the marker did not read back');
  return judgeMarker({
    author: params.author ?? 'implementation-agent[bot]',
    line,
    repositoryId: 4242,
    identity: params.identity ?? 'implementation-agent[bot]',
    taskId: 'acme/shop#7',
    keys: 'keys' in params ? params.keys : keys,
  });
}

describe('markerKeysFrom', () => {
  it('derives 32-byte keys with HKDF-SHA256 under a documented label, none without a secret', () => {
    const expected = Buffer.from(hkdfSync('sha256', 'new-secret', Buffer.alloc(0), MARKER_KEY_INFO, 32));
    expect(keys.current.equals(expected)).toBe(true);
    expect(keys.previous?.equals(oldKeys.current)).toBe(true);
    expect(keys.current.equals(Buffer.from('new-secret'))).toBe(false);
    expect(markerKeysFrom({ secret: undefined })).toBeUndefined();
    expect(markerKeysFrom({ secret: 's', previousSecret: 's' })).toEqual({ current: expect.any(Buffer) });
  });
});

describe('markerSignatureMatches', () => {
  it('refuses a signature of another length or of other text', () => {
    const key = keys.current;
    expect(markerSignatureMatches({ text: 'a', signature: 'ab', key })).toBe(false);
    const line = readStateMarker(renderStateMarker(marker, key));
    expect(markerSignatureMatches({ text: `${line?.json} `, signature: line?.signature ?? '', key })).toBe(
      false,
    );
  });
});

describe('judgeMarker', () => {
  it("trusts the agent's own marker for this issue signed with the current key", () => {
    expect(judge({ signWith: keys.current })).toEqual({
      trust: 'trusted',
      reason: 'is signed',
      signedWith: 'current',
    });
  });

  it('trusts a marker signed with the previous key during a rotation, asking for a re-sign', () => {
    expect(judge({ signWith: oldKeys.current })).toMatchObject({ trust: 'trusted', signedWith: 'previous' });
    // Once the previous key is no longer configured, the same marker counts for nothing.
    expect(
      judge({ signWith: oldKeys.current, keys: markerKeysFrom({ secret: 'new-secret' }) }),
    ).toMatchObject({
      trust: 'ignored',
    });
  });

  it('ignores a marker written by anyone else, whatever its signature', () => {
    expect(judge({ author: 'mallory', signWith: keys.current }).trust).toBe('ignored');
    expect(judge({ author: 'renovate[bot]', signWith: keys.current }).reason).toBe(
      'was written by renovate[bot], not by implementation-agent[bot]',
    );
  });

  it('compares logins as GitHub does, without regard to case', () => {
    expect(judge({ author: 'Implementation-Agent[bot]', signWith: keys.current }).trust).toBe('trusted');
  });

  it('ignores a signed marker naming another issue', () => {
    const elsewhere = judge({ written: { ...marker, task_id: 'acme/shop#8' }, signWith: keys.current });
    expect(elsewhere).toEqual({ trust: 'ignored', reason: 'names task acme/shop#8, not acme/shop#7' });
  });

  it('ignores a signature made with a wrong key, and keeps an unsigned marker for display only', () => {
    expect(judge({ signWith: Buffer.alloc(32) }).trust).toBe('ignored');
    expect(judge({})).toEqual({
      trust: 'display-only',
      reason: 'is not signed, although a marker key is configured',
    });
  });

  it('without a key, keeps github-actions[bot] markers for display only and trusts an exclusive identity', () => {
    const actions = { author: 'github-actions[bot]', identity: 'github-actions[bot]', keys: undefined };
    expect(judge(actions).trust).toBe('display-only');
    expect(judge({ author: 'acme-agent[bot]', identity: 'acme-agent[bot]', keys: undefined }).trust).toBe(
      'trusted',
    );
  });

  it('under GITHUB_TOKEN with a key, trusts github-actions[bot] only with the signature', () => {
    const actions = { author: 'github-actions[bot]', identity: 'github-actions[bot]' };
    expect(judge({ ...actions, signWith: keys.current }).trust).toBe('trusted');
    expect(judge(actions).trust).toBe('display-only');
    expect(judge({ ...actions, signWith: Buffer.alloc(32, 3) }).trust).toBe('ignored');
  });
});
