import { readdirSync, readFileSync } from 'node:fs';
import { checkTemplateStructure } from '../../../src/core/cfn/check-template-structure.js';
import { parseTemplate } from '../../../src/core/cfn/parse-template.js';
import { formatTemplateIssue } from '../../../src/core/cfn/template-issue.js';

const folder = new URL('../../fixtures/adversarial/templates/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));

describe('the adversarial template corpus', () => {
  it('holds the examples of issue #7', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'condition-cycle-pair.yaml',
        'parameter-type-strin.yaml',
        'findinmap-tostring-map.yaml',
      ]),
    );
  });

  it.each(files)('%s gets its right answer', (name) => {
    const text = readFileSync(new URL(name, folder), 'utf8');
    const expected = [...text.matchAll(/^# expect: (sound|issue (.*))$/gm)].map((match) => match[2]);
    expect(expected.length).toBeGreaterThan(0);
    const parsed = parseTemplate(text);
    if (!parsed.ok) throw new Error(`${name} does not parse: ${parsed.message}`);
    const issues = checkTemplateStructure(parsed.template).map(formatTemplateIssue);
    const wanted = expected.filter((line): line is string => line !== undefined);
    expect(issues).toHaveLength(wanted.length);
    for (const fragment of wanted) expect(issues).toContainEqual(expect.stringContaining(fragment));
  });
});
