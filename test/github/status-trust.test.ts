import { readViewerLogin } from '../../src/github/read-viewer-login.js';
import { statusTrust } from '../../src/github/status-trust.js';

describe('statusTrust', () => {
  it('asks for the identity once, and again only after a failed answer', async () => {
    let asked = 0;
    const trust = statusTrust({
      identity: async () => {
        asked += 1;
        if (asked === 1) throw new Error('GitHub is down');
        return 'acme-agent[bot]';
      },
      keys: undefined,
    });

    await expect(trust.identity()).rejects.toThrow('GitHub is down');
    await expect(trust.identity()).resolves.toBe('acme-agent[bot]');
    await expect(trust.identity()).resolves.toBe('acme-agent[bot]');
    expect(asked).toBe(2);
  });
});

describe('readViewerLogin', () => {
  it('reads the login GraphQL says the token acts as', async () => {
    const queries: string[] = [];
    const login = await readViewerLogin(async (query) => {
      queries.push(query);
      return { viewer: { login: 'github-actions[bot]' } };
    });
    expect(login).toBe('github-actions[bot]');
    expect(queries).toEqual(['query { viewer { login } }']);
  });

  it('throws, rather than guess, when the answer has no login', async () => {
    await expect(readViewerLogin(async () => ({ viewer: null }))).rejects.toThrow(
      'GitHub did not say which account the token acts as',
    );
  });
});
