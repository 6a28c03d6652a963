import { createMemoryDeliveryLog } from '../../../src/entry/app/memory-delivery-log.js';

describe('createMemoryDeliveryLog', () => {
  it('takes a delivery in once; its redeliveries (same id) are refused', async () => {
    const log = createMemoryDeliveryLog();
    expect(await log.claim('72d3162e-cc78-11e3-81ab-4c9367dc0958')).toBe(true);
    expect(await log.claim('72d3162e-cc78-11e3-81ab-4c9367dc0958')).toBe(false);
    expect(await log.claim('72d3162e-cc78-11e3-81ab-4c9367dc0959')).toBe(true);
  });

  it('forgets a released delivery, so a redelivery after a failed handling is handled again', async () => {
    const log = createMemoryDeliveryLog();
    await log.claim('d-1');
    await log.release('d-1');
    expect(await log.claim('d-1')).toBe(true);
  });

  it('keeps at most `max` ids, dropping the oldest first', async () => {
    const log = createMemoryDeliveryLog({ max: 3 });
    for (const id of ['d-1', 'd-2', 'd-3', 'd-4']) await log.claim(id);
    expect(await log.claim('d-1')).toBe(true);
    expect(await log.claim('d-4')).toBe(false);
  });

  it('forgets an id after `ttlMs`, GitHub’s redelivery window', async () => {
    let now = 1_000;
    const log = createMemoryDeliveryLog({ ttlMs: 60_000, now: () => now });
    await log.claim('d-1');
    now += 59_999;
    expect(await log.claim('d-1')).toBe(false);
    now += 2;
    expect(await log.claim('d-1')).toBe(true);
  });
});
