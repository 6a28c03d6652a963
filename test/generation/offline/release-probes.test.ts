import { releaseProbes } from '../../../src/generation/offline/blueprints/deployment/release-probes.js';
import { serviceNames } from '../../../src/generation/offline/naming/service-names.js';
import { storyIntents } from '../../../src/generation/offline/naming/story-intent.js';

/** Probes are named by what the story does, not by its number (#11: `story-2-page-item`). */
describe('releaseProbes', () => {
  const names = serviceNames('Inventory Service');

  it('names each probe by verb and object, and an implied object by the action’s words', () => {
    const probes = releaseProbes(
      storyIntents([
        'As a clerk I can add a product',
        'As an SRE I am paged when a rollback happens',
        'As a buyer I can browse the catalogue',
        'As an operator I am alerted when the error rate rises',
      ]),
      names,
    );
    expect(probes.map((probe) => probe.name)).toEqual([
      'add-product',
      'page-rollback',
      'browse-catalogue',
      'alert-error-rate',
    ]);
  });

  it('keeps names unique when two stories do the same thing', () => {
    const probes = releaseProbes(
      storyIntents(['As a clerk I can add a product', 'As a manager I can add a product']),
      names,
    );
    expect(probes.map((probe) => probe.name)).toEqual(['add-product', 'add-product-2']);
  });
});
