import { signMarkerText } from '../../../src/core/state/marker-signature.js';
import {
  parseStateMarker,
  readStateMarker,
  renderStateMarker,
  resignStateMarker,
  type TaskMarker,
} from '../../../src/core/state/state-marker.js';

const marker: TaskMarker = {
  task_id: 'acme/shop#7',
  state: 'pr_open',
  attempt: 2,
  branch: 'implementation/7-orders-api',
  pull_number: 12,
  cost_usd: 0.0421,
  updated_at: '2026-11-24T10:00:00.000Z',
};

describe('state marker', () => {
  it('round-trips through a status comment body', () => {
    const body = `## Implementation status\n\n- [x] Validated\n\n${renderStateMarker(marker)}\n`;
    expect(parseStateMarker(body)).toEqual(marker);
  });

  it('stays one HTML comment even when values contain -- and >', () => {
    const tricky = { ...marker, branch: 'implementation/7-a--b-->c' };
    const rendered = renderStateMarker(tricky);
    expect(rendered.indexOf('-->')).toBe(rendered.length - 3);
    expect(parseStateMarker(rendered)?.branch).toBe(tricky.branch);
  });

  it.each([
    ['no marker', 'just a comment'],
    ['unterminated', '<!-- implementation-agent:state {"task_id":"x"'],
    ['not JSON', '<!-- implementation-agent:state {nope} -->'],
    [
      'unknown state',
      `<!-- implementation-agent:state ${JSON.stringify({ ...marker, state: 'hacked' })} -->`,
    ],
    [
      'missing task id',
      `<!-- implementation-agent:state ${JSON.stringify({ ...marker, task_id: undefined })} -->`,
    ],
    [
      'a record version no task reaches (a forged MAX_SAFE_INTEGER would leave every mirror behind)',
      `<!-- implementation-agent:state ${JSON.stringify({ ...marker, version: Number.MAX_SAFE_INTEGER })} -->`,
    ],
  ])('ignores a body with %s', (_label, body) => {
    expect(parseStateMarker(body)).toBeUndefined();
  });
});

describe('state marker: its place and its signature', () => {
  const key = Buffer.alloc(32, 7);

  it('is read only from the last non-blank line of the body', () => {
    const real = renderStateMarker(marker);
    const forged = renderStateMarker({ ...marker, state: 'merged' });
    expect(parseStateMarker(`${forged}\n\nstatus text\n\n${real}\n\n`)?.state).toBe('pr_open');
    expect(parseStateMarker(`${real}\n\nsomething written after it`)).toBeUndefined();
    expect(parseStateMarker(`> ${real}`)).toBeUndefined();
  });

  it('carries an HMAC-SHA256 of its JSON text when signed, and reads back the exact text signed', () => {
    const rendered = renderStateMarker(marker, key);
    const line = readStateMarker(`text\n\n${rendered}\n`);
    expect(line?.marker).toEqual(marker);
    expect(line?.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(line?.signature).toBe(signMarkerText(line?.json ?? '', key));
    expect(rendered).toBe(`<!-- implementation-agent:state ${line?.json} hmac-sha256=${line?.signature} -->`);
  });

  it('re-signs under a new key without changing a byte of the JSON or the rest of the body', () => {
    const newKey = Buffer.alloc(32, 9);
    const body = `### status\r\n\r\nkept as is\r\n\r\n${renderStateMarker(marker, key)}\r\n`;
    const resigned = resignStateMarker(body, newKey);
    const before = readStateMarker(body);
    const after = readStateMarker(resigned);
    expect(after?.json).toBe(before?.json);
    expect(after?.signature).toBe(signMarkerText(before?.json ?? '', newKey));
    expect(resigned.replace(after?.signature ?? '', '')).toBe(body.replace(before?.signature ?? '', ''));
  });
});

describe('state marker: the old name of a hold', () => {
  it('reads `awaiting_approval`, the name `held` replaced, as `held`', () => {
    const body = `<!-- implementation-agent:state ${JSON.stringify({ ...marker, state: 'awaiting_approval' })} -->`;
    expect(parseStateMarker(body)?.state).toBe('held');
  });

  it('reads `held` as `held`', () => {
    const body = `<!-- implementation-agent:state ${JSON.stringify({ ...marker, state: 'held' })} -->`;
    expect(parseStateMarker(body)?.state).toBe('held');
  });
});
