import {
  parseStateMarker,
  renderStateMarker,
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
  ])('ignores a body with %s', (_label, body) => {
    expect(parseStateMarker(body)).toBeUndefined();
  });
});
