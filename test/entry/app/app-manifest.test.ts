import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('../../../app.yml', import.meta.url), 'utf8')) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};
const appSource = readFileSync(new URL('../../../src/entry/app/app.ts', import.meta.url), 'utf8');

describe('app.yml asks for the least the app needs', () => {
  it('subscribes to exactly the events the app handles', () => {
    const handled = [...appSource.matchAll(/'([a-z_]+)(?:\.[a-z_]+)?'/g)].map((match) => match[1]);
    const registered = new Set(handled.filter((name) => name && manifest.default_events.includes(name)));
    expect([...registered].sort()).toEqual([...manifest.default_events].sort());
  });

  it('grants only the permissions the pipeline uses', () => {
    expect(manifest.default_permissions).toEqual({
      contents: 'write',
      issues: 'write',
      pull_requests: 'write',
      checks: 'write',
      statuses: 'read',
      deployments: 'write',
      metadata: 'read',
      members: 'read',
    });
  });
});
