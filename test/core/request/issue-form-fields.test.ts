import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  ISSUE_FORM_FIELDS,
  ISSUE_FORM_LABEL,
  ISSUE_FORM_TITLE_PREFIX,
} from '../../../src/core/request/issue-form-fields.js';

interface FormItem {
  type: string;
  id?: string;
  attributes: { label?: string; options?: string[]; render?: string; default?: number };
  validations?: { required?: boolean };
}

interface Form {
  name: string;
  description: string;
  title: string;
  labels: string[];
  body: FormItem[];
}

const form = parse(
  readFileSync(
    new URL('../../../.github/ISSUE_TEMPLATE/implementation-request.yml', import.meta.url),
    'utf8',
  ),
) as Form;
const fields = form.body.filter((item) => item.type !== 'markdown');

describe('the implementation request issue form and the parser agree', () => {
  it('lists the same fields, in the same order, with the same labels', () => {
    expect(fields.map((item) => [item.id, item.attributes.label])).toEqual(
      ISSUE_FORM_FIELDS.map((field) => [field.id, field.label]),
    );
  });

  it('marks the same fields required', () => {
    expect(fields.map((item) => item.validations?.required === true)).toEqual(
      ISSUE_FORM_FIELDS.map((field) => field.required),
    );
  });

  it('offers exactly the options the parser maps', () => {
    for (const field of ISSUE_FORM_FIELDS.filter((candidate) => candidate.kind === 'choice')) {
      const item = fields.find((candidate) => candidate.id === field.id);
      expect(item?.type).toBe('dropdown');
      expect(item?.attributes.options).toEqual(field.options);
    }
  });

  it('uses the field types the parser expects', () => {
    const expectedType = {
      choice: 'dropdown',
      text: 'input',
      number: 'input',
      paragraph: 'textarea',
      lines: 'textarea',
      json: 'textarea',
    };
    for (const field of ISSUE_FORM_FIELDS) {
      expect([field.id, fields.find((item) => item.id === field.id)?.type]).toEqual([
        field.id,
        expectedType[field.kind],
      ]);
    }
    expect(fields.find((item) => item.id === 'additional_context')?.attributes.render).toBe('json');
  });

  it('defaults the execution mode to guided and titles and labels issues as the app expects', () => {
    const mode = fields.find((item) => item.id === 'execution_mode');
    expect(mode?.attributes.options?.[mode.attributes.default ?? -1]).toBe('guided');
    expect(form.title).toBe(ISSUE_FORM_TITLE_PREFIX);
    expect(form.labels).toEqual([ISSUE_FORM_LABEL]);
    expect(form.name.length).toBeGreaterThan(0);
    expect(form.description.length).toBeGreaterThan(0);
  });

  it('gives every field a unique id', () => {
    const ids = fields.map((item) => item.id);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z_]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
