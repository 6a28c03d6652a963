import { readRepositoryFile, type RepositoryContentClient } from '../../src/github/read-repository-file.js';

const CONFIG_TEXT = 'provider: bedrock\nmodel:\n  region: us-east-1 # Sydney is the default\n';

/** A repository that answers getContent with one fixed answer (or failure) and records the request. */
function fakeRepository(answer: () => Promise<{ data: unknown }>) {
  const requests: Array<Record<string, unknown>> = [];
  const client: RepositoryContentClient = {
    repos: {
      getContent: async (params) => {
        requests.push(params);
        return answer();
      },
    },
  };
  return { client, requests };
}

const httpError = (status: number, message: string) => Object.assign(new Error(message), { status });

const fileAnswer = (text: string) => async () => ({
  data: {
    type: 'file',
    path: '.github/implementation-agent.yml',
    encoding: 'base64',
    // GitHub wraps the base64 at 60 characters; decoding must not mind the newlines.
    content: (
      Buffer.from(text, 'utf8')
        .toString('base64')
        .match(/.{1,60}/g) ?? []
    ).join('\n'),
  },
});

const read = (client: RepositoryContentClient, ref?: string) =>
  readRepositoryFile({
    client,
    owner: 'acme',
    repo: 'shop',
    path: '.github/implementation-agent.yml',
    ...(ref === undefined ? {} : { ref }),
  });

describe('readRepositoryFile', () => {
  it('decodes a base64 file answer, multi-byte characters included', async () => {
    const text = `${CONFIG_TEXT}# café ✓\n`;
    const repo = fakeRepository(fileAnswer(text));
    await expect(read(repo.client)).resolves.toBe(text);
  });

  it('asks for the default branch when no ref is given and for the ref otherwise', async () => {
    const repo = fakeRepository(fileAnswer(CONFIG_TEXT));
    await read(repo.client);
    await read(repo.client, 'implementation/7-orders-api');
    expect(repo.requests).toEqual([
      { owner: 'acme', repo: 'shop', path: '.github/implementation-agent.yml' },
      {
        owner: 'acme',
        repo: 'shop',
        path: '.github/implementation-agent.yml',
        ref: 'implementation/7-orders-api',
      },
    ]);
  });

  it('answers undefined for a file that does not exist', async () => {
    const repo = fakeRepository(async () => {
      throw httpError(404, 'Not Found');
    });
    await expect(read(repo.client)).resolves.toBeUndefined();
  });

  it('throws a clear error when the path is a directory', async () => {
    const repo = fakeRepository(async () => ({
      data: [{ type: 'file', name: 'config.yml', path: '.github/implementation-agent.yml/config.yml' }],
    }));
    await expect(read(repo.client)).rejects.toThrow(
      '.github/implementation-agent.yml is not a file in acme/shop',
    );
  });

  it('throws for a symlink or submodule answer instead of decoding nothing', async () => {
    const repo = fakeRepository(async () => ({ data: { type: 'symlink', target: 'elsewhere.yml' } }));
    await expect(read(repo.client)).rejects.toThrow(/is not a file/);
  });

  it.each([500, 403])('lets a %i failure propagate untouched', async (status) => {
    const failure = httpError(status, 'GitHub is having a bad day');
    const repo = fakeRepository(async () => {
      throw failure;
    });
    await expect(read(repo.client)).rejects.toBe(failure);
  });
});
