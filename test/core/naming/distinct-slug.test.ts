import { branchNameFor } from '../../../src/core/naming/branch-name.js';
import { distinctSlug } from '../../../src/core/naming/distinct-slug.js';
import { serviceNames } from '../../../src/generation/offline/naming/service-names.js';

const longName = (region: string) => `Customer order management service for the ${region} region`;

describe('distinctSlug', () => {
  it('keeps a slug that spells every letter and digit of the name, prefix allowed', () => {
    expect(distinctSlug({ taskName: 'Orders API', slug: 'orders-api', maxLength: 40 })).toBe('orders-api');
    expect(distinctSlug({ taskName: 'Café 2', slug: 'cafe-2', maxLength: 40 })).toBe('cafe-2');
    expect(distinctSlug({ taskName: '2024 report', slug: 'svc-2024-report', maxLength: 40 })).toBe(
      'svc-2024-report',
    );
  });

  it('adds 8 hex digits of the name when letters were lost, the same for the same name', () => {
    const orders = distinctSlug({ taskName: '注文 API', slug: 'api', maxLength: 40 });
    const stock = distinctSlug({ taskName: '在庫 API', slug: 'api', maxLength: 40 });
    expect(orders).toMatch(/^api-[0-9a-f]{8}$/);
    expect(stock).toMatch(/^api-[0-9a-f]{8}$/);
    expect(orders).not.toBe(stock);
    expect(distinctSlug({ taskName: ' 注文 API ', slug: 'api', maxLength: 40 })).toBe(orders);
    expect(distinctSlug({ taskName: '!!!', slug: 'task', maxLength: 40 })).not.toBe(
      distinctSlug({ taskName: '???', slug: 'task', maxLength: 40 }),
    );
  });
});

describe('task names that slug alike', () => {
  it.each([
    ['注文 API', '在庫 API'],
    [longName('EU'), longName('US')],
  ])('%s and %s get different branches and service folders, at most 40 characters', (first, second) => {
    expect(branchNameFor({ taskName: first })).not.toBe(branchNameFor({ taskName: second }));
    expect(serviceNames(first).slug).not.toBe(serviceNames(second).slug);
    for (const name of [first, second]) {
      expect(
        branchNameFor({ taskName: name }).replace('implementation/local-', '').length,
      ).toBeLessThanOrEqual(40);
      expect(serviceNames(name).slug).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
      expect(branchNameFor({ taskName: name })).toBe(branchNameFor({ taskName: name }));
    }
  });
});
