import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NO_USAGE, type ModelProvider } from '../../src/generation/model-provider.js';
import { localBaseReader } from '../../src/local/local-base-reader.js';
import { runLocalTask } from '../../src/local/run-local-task.js';
import { bundleOf, file } from '../core/gates/bundle-fixtures.js';
import { git, workspaceWithRepository } from '../entry/cli/run-cli.js';

// The CLI judges a bundle's lockfile against the one in the checkout its branch is made from (HEAD).

const LOCK = 'services/api/package-lock.json';
const lockfile = (withEsbuild: boolean) =>
  JSON.stringify({
    lockfileVersion: 3,
    packages: {
      '': {},
      ...(withEsbuild
        ? {
            'node_modules/esbuild': {
              version: '0.28.0',
              resolved: 'https://registry.npmjs.org/esbuild/-/esbuild-0.28.0.tgz',
              hasInstallScript: true,
            },
          }
        : {}),
    },
  });
const TEMPLATE = `Resources:
  Queue:
    Type: AWS::SQS::Queue
`;

async function commitFile(repo: string, relative: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.join(repo, relative)), { recursive: true });
  await writeFile(path.join(repo, relative), content);
  await git(repo, 'add', relative);
  await git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'base');
}

describe('localBaseReader', () => {
  it('reads a file at the ref, and says the tree lacks one it lacks', async () => {
    const { repo } = await workspaceWithRepository();
    await commitFile(repo, LOCK, lockfile(true));
    const read = localBaseReader({ repoDir: repo, ref: 'HEAD' });
    expect(JSON.parse((await read(LOCK)) ?? '')).toEqual(JSON.parse(lockfile(true)));
    expect(await read('other/package-lock.json')).toBeUndefined();
    await expect(read('services')).rejects.toThrow('services is not a file at HEAD');
  });

  it("lists every file of the ref's tree, in every folder, names with spaces and quotes as they are", async () => {
    const { repo } = await workspaceWithRepository();
    await commitFile(repo, LOCK, lockfile(true));
    await commitFile(repo, 'svc/"odd" name/package.json', '{}');
    const read = localBaseReader({ repoDir: repo, ref: 'HEAD' });
    const listed = (await read.list?.()) ?? [];
    expect(listed).toEqual(expect.arrayContaining([LOCK, 'svc/"odd" name/package.json']));
    expect(await localBaseReader({ repoDir: repo, ref: 'no-such-ref' }).list?.()).toEqual([]);
  });

  it('a ref that names no commit has no files', async () => {
    const { repo } = await workspaceWithRepository();
    expect(await localBaseReader({ repoDir: repo, ref: 'no-such-branch' })(LOCK)).toBeUndefined();
  });
});

describe('runLocalTask: the lockfile is judged against HEAD', () => {
  const provider: ModelProvider = {
    name: 'fixed-lockfile',
    generate: async () => ({
      bundle: bundleOf(
        [file('services/api/template.yaml', TEMPLATE, 'template'), file(LOCK, lockfile(true))],
        'services/api/template.yaml',
      ),
      usage: NO_USAGE,
      model: 'fixed-lockfile',
    }),
  };
  const riskLine = async (baseHasEsbuild: boolean) => {
    const { repo, out } = await workspaceWithRepository();
    await commitFile(repo, LOCK, lockfile(baseHasEsbuild));
    const result = await runLocalTask({
      requestFile: 'examples/orders-api.request.json',
      repoDir: repo,
      outDir: out,
      init: false,
      provider,
      progress: () => {},
    });
    expect(result.status).toBe('committed');
    return await readFile(path.join(out, 'pr-body.md'), 'utf8');
  };

  it('an install script HEAD already has is low', async () => {
    expect(await riskLine(true)).toContain('**Risk** low.');
  });

  it('a new install script is high', async () => {
    const body = await riskLine(false);
    expect(body).toContain('**Risk** high.');
    expect(body).toContain(`${LOCK}#packages.node_modules/esbuild`);
  });
});
