import { readGeneratedSection, replaceGeneratedSection } from '../../../src/core/render/generated-section.js';

const START = '<!-- generated:t (npm run docs writes this part; do not edit it by hand) -->';
const END = '<!-- end generated:t -->';

describe('generated sections of a markdown file', () => {
  it('replaces only the text between the markers, and reads it back', () => {
    const document = `# Title\n\n${START}\nold\n${END}\n\nafter\n`;
    const updated = replaceGeneratedSection(document, 't', '| a |\n| b |');
    expect(updated).toBe(`# Title\n\n${START}\n| a |\n| b |\n${END}\n\nafter\n`);
    expect(readGeneratedSection(updated, 't')).toBe('| a |\n| b |');
    expect(replaceGeneratedSection(updated, 't', '| a |\n| b |')).toBe(updated);
  });

  it('says which markers to add when they are missing', () => {
    expect(readGeneratedSection('# nothing', 't')).toBeUndefined();
    expect(() => replaceGeneratedSection('# nothing', 't', 'x')).toThrow(`add the lines\n${START}\n${END}`);
    expect(() => replaceGeneratedSection(`${END}\n${START}`, 't', 'x')).toThrow('No generated section "t"');
  });
});
