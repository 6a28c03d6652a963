import { isDryRun } from '../../../src/core/deploy/is-dry-run.js';

describe('isDryRun', () => {
  it.each([
    [{ dry_run: true }, true],
    ['{"dry_run":true,"stack_name":"x"}', true],
    [{ dry_run: false }, false],
    [{ dry_run: 'true' }, false],
    [{}, false],
    ['not json', false],
    [null, false],
    [[{ dry_run: true }], false],
  ])('%j → %s', (payload, expected) => {
    expect(isDryRun(payload)).toBe(expected);
  });
});
