import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildService } from '../../src/packaging/build-service.js';
import type { CommandRunner } from '../../src/packaging/command-runner.js';

function recordingRunner(options: { failOn?: string; writeDist?: boolean } = {}) {
  const calls: string[] = [];
  const run: CommandRunner = async (command, args, { cwd }) => {
    const line = [command, ...args].join(' ');
    calls.push(line);
    if (options.failOn !== undefined && line.includes(options.failOn))
      return { code: 1, output: 'npm ERR! something broke' };
    if (line === 'npm run build' && options.writeDist !== false)
      mkdirSync(join(cwd, 'dist'), { recursive: true });
    return { code: 0, output: '' };
  };
  return { run, calls };
}

describe('buildService', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'service-'));
    writeFileSync(join(dir, 'package.json'), '{}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes a dist/ already there before building, so only what the build wrote is packaged', async () => {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'settings.json'), '{"left":"by an earlier step"}');
    const { run } = recordingRunner();
    expect(await buildService({ dir, run, log: () => undefined })).toBe(join(dir, 'dist'));
    expect(existsSync(join(dir, 'dist', 'settings.json'))).toBe(false);
  });

  it('installs without install scripts (npm ci with a lockfile, npm install without) and builds, returning dist/', async () => {
    const without = recordingRunner();
    expect(await buildService({ dir, run: without.run, log: () => undefined })).toBe(join(dir, 'dist'));
    expect(without.calls).toEqual([
      'npm install --no-audit --no-fund --ignore-scripts --no-package-lock',
      'npm run build',
    ]);
    writeFileSync(join(dir, 'package-lock.json'), '{}');
    const locked = recordingRunner();
    await buildService({ dir, run: locked.run, log: () => undefined });
    expect(locked.calls[0]).toBe('npm ci --no-audit --no-fund --ignore-scripts');
  });

  it('installs with npm ci from an npm-shrinkwrap.json too (the classifier counts it as pinning)', async () => {
    writeFileSync(join(dir, 'npm-shrinkwrap.json'), '{}');
    const locked = recordingRunner();
    await buildService({ dir, run: locked.run, log: () => undefined });
    expect(locked.calls[0]).toBe('npm ci --no-audit --no-fund --ignore-scripts');
  });

  it('names the step that failed, with its output, and a build that wrote nothing', async () => {
    await expect(
      buildService({ dir, run: recordingRunner({ failOn: 'run build' }).run, log: () => undefined }),
    ).rejects.toThrow(/npm run build failed \(exit 1\)[\s\S]*something broke/);
    await expect(
      buildService({ dir, run: recordingRunner({ writeDist: false }).run, log: () => undefined }),
    ).rejects.toThrow('wrote no dist/');
  });
});
