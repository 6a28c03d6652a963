import { readdirSync, readFileSync } from 'node:fs';
import { findEnvironment } from '../../../src/core/config/find-environment.js';
import { parseAgentConfig } from '../../../src/core/config/parse-agent-config.js';

const folder = new URL('../../fixtures/adversarial/config/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.yml'));

/** The `# expect: <kind> <text>` lines at the top of a corpus file. */
function expectations(text: string): { kind: string; text: string }[] {
  return [...text.matchAll(/^# expect: (\S+)(?: (.*))?$/gm)].map((match) => ({
    kind: match[1] ?? '',
    text: match[2] ?? '',
  }));
}

describe('the adversarial config corpus', () => {
  it('holds the examples of issue #7', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'parameters-number.yml',
        'deploy-order-tostring.yml',
        'deploy-order-constructor.yml',
        'environment-proto.yml',
        'environment-case-duplicates.yml',
      ]),
    );
  });

  it.each(files)('%s gets its right answer', (name) => {
    const text = readFileSync(new URL(name, folder), 'utf8');
    const expected = expectations(text);
    const result = parseAgentConfig(text);
    const refusals = expected.filter((line) => line.kind === 'refused');
    if (refusals.length > 0) {
      if (result.ok) throw new Error(`${name} was accepted`);
      expect(result.problems).toHaveLength(refusals.length);
      refusals.forEach((refusal, index) => expect(result.problems[index]).toContain(refusal.text));
      return;
    }
    if (!result.ok) throw new Error(`${name}: ${result.problems.join('\n')}`);
    expect(expected.map((line) => line.kind)).toContain('accepted');
    for (const { kind, text: detail } of expected) {
      if (kind === 'environments') expect(Object.keys(result.config.environments)).toEqual(detail.split(','));
      if (kind === 'parameter') {
        const [, environment = '', parameter = '', value] = /^([^.]+)\.([^=]+)=(.*)$/.exec(detail) ?? [];
        expect(findEnvironment(result.config.environments, environment)?.config.parameters[parameter]).toBe(
          value,
        );
      }
    }
  });
});
