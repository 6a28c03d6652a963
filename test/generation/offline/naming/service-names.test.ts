import { serviceNames } from '../../../../src/generation/offline/naming/service-names.js';

describe('serviceNames', () => {
  it('derives a slug and a PascalCase name from the words of the task name', () => {
    expect(serviceNames('Orders API')).toEqual({
      slug: 'orders-api',
      pascal: 'OrdersApi',
      title: 'Orders API',
    });
    expect(serviceNames('  Café   Menü_v2!! ')).toMatchObject({ slug: 'cafe-menu-v2', pascal: 'CafeMenuV2' });
  });

  it('keeps only letters and digits from hostile names', () => {
    const names = serviceNames('"; rm -rf / # `whoami` ${process.exit(1)} */');
    expect(names.slug).toBe('rm-rf-whoami-process-exit-1');
    expect(names.pascal).toBe('RmRfWhoamiProcessExit1');
    expect(names.title).not.toContain('*/');
  });

  it('starts identifiers with a letter and falls back when the name has no words', () => {
    expect(serviceNames('3D viewer')).toMatchObject({ slug: 'svc-3d-viewer', pascal: 'Svc3dViewer' });
    // No letters at all: the fallback word carries the name's digest, so two such tasks stay apart.
    expect(serviceNames('*/ `` ${}')).toMatchObject({
      slug: expect.stringMatching(/^service-[0-9a-f]{8}$/),
      pascal: 'Service',
    });
  });

  it('bounds the length of derived names', () => {
    const names = serviceNames('alpha beta gamma delta epsilon zeta eta theta iota kappa');
    expect(names.slug.length).toBeLessThanOrEqual(40);
    expect(names.pascal.length).toBeLessThanOrEqual(40);
    // Words past the sixth are lost, so the slug ends with the name's digest (distinct per name).
    expect(names.slug).toMatch(/^alpha-beta-gamma-delta-epsilon-[0-9a-f]{8}$/);
  });
});
