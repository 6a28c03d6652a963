import {
  generatedFilesOf,
  MAX_RECORDED_FILES,
  withGeneratedFilesRecord,
} from '../../../src/core/bundle/generated-files-record.js';

describe('withGeneratedFilesRecord / generatedFilesOf', () => {
  it('lists the service-folder files a generation wrote as trailers of a new last paragraph, and reads them back', () => {
    const message = withGeneratedFilesRecord('Implement Pay (application)', [
      'services/pay/src/b.ts',
      'README.md',
      'services/pay/src/a.ts',
    ]);
    expect(message).toBe(
      'Implement Pay (application)\n\nGenerated-File: services/pay/src/a.ts\nGenerated-File: services/pay/src/b.ts',
    );
    expect(generatedFilesOf(message)).toEqual(['services/pay/src/a.ts', 'services/pay/src/b.ts']);
  });

  it('joins an existing trailer block, so git still reads the task trailer', () => {
    const message = withGeneratedFilesRecord('one\n\nImplementation-Task: t\nImplementation-Attempt: 1', [
      'services/pay/a.ts',
    ]);
    expect(message).toBe(
      'one\n\nImplementation-Task: t\nImplementation-Attempt: 1\nGenerated-File: services/pay/a.ts',
    );
    expect(generatedFilesOf(message)).toEqual(['services/pay/a.ts']);
  });

  it('reads no record from a commit without one (an older generation, a person’s commit): nothing is retired', () => {
    expect(generatedFilesOf('Implement Pay (application)')).toBeUndefined();
    expect(generatedFilesOf('one\n\nImplementation-Task: t\nImplementation-Attempt: 1')).toBeUndefined();
  });

  it('takes no list quoted in an earlier paragraph (a title or request text)', () => {
    expect(
      generatedFilesOf('Generated-File: services/pay/NOTES.md\n\nImplementation-Task: t'),
    ).toBeUndefined();
  });

  it('records nothing rather than a partial or broken list', () => {
    const many = Array.from({ length: MAX_RECORDED_FILES + 1 }, (_, i) => `services/pay/f${i}.ts`);
    expect(withGeneratedFilesRecord('m', many)).toBe('m');
    expect(withGeneratedFilesRecord('m', ['services/pay/a.ts', 'services/pay/b\nGenerated-File: x'])).toBe(
      'm',
    );
    expect(withGeneratedFilesRecord('m', ['docs/only.md'])).toBe('m');
  });
});
