import { heldInStore } from '../../../src/pipeline/mirror/held-in-store.js';

describe('heldInStore: what a re-send finds the store holding already', () => {
  it('counts anything held without a comparison, and only the same item with one', async () => {
    expect(await heldInStore({ read: async () => ({ sha: 'a' }) })).toBe(true);
    expect(
      await heldInStore({ read: async () => ({ sha: 'a' }), same: (stored) => stored.sha === 'a' }),
    ).toBe(true);
    expect(
      await heldInStore({ read: async () => ({ sha: 'b' }), same: (stored) => stored.sha === 'a' }),
    ).toBe(false);
  });

  it('holds nothing when the store holds nothing or cannot be read', async () => {
    expect(await heldInStore({ read: async () => undefined })).toBe(false);
    expect(await heldInStore({ read: () => Promise.reject(new Error('ETIMEDOUT')) })).toBe(false);
  });
});
