import {
  publicOpposed,
  versioningOpposed,
} from '../../../../src/generation/offline/blueprints/infrastructure/opposite-asks.js';

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

describe('clauses asking the foundation for the opposite of what it generates', () => {
  it.each([
    'Versioning is disabled',
    'Disable versioning on the bucket',
    'No versioning',
    'Versioning is not needed',
    "Versioning isn't needed",
    'An unversioned bucket',
    'Versioning suspended',
  ])('"%s" asks against versioning', (text) => {
    expect(versioningOpposed(words(text))).toMatch(/versioned all the same/);
  });

  it.each([
    'The bucket is versioned',
    'Old versions are never deleted',
    'Keep previous versions for 30 days',
    'Versioning is enabled',
  ])('"%s" does not ask against versioning', (text) => {
    expect(versioningOpposed(words(text))).toBeUndefined();
  });

  it.each(['The bucket is public so a website can read it', 'Make the objects public', 'Public read access'])(
    '"%s" asks for a public bucket, which is refused with why',
    (text) => {
      expect(publicOpposed(words(text))).toMatch(/not made public/);
    },
  );

  it.each([
    'Public access is blocked',
    'The bucket is never public',
    'No public access',
    'Objects must not be public',
    'Keep it private, not public',
  ])('"%s" asks for what was generated', (text) => {
    expect(publicOpposed(words(text))).toBeUndefined();
  });
});
