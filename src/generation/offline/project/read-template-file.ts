import { generatedPackages } from '../../../core/bundle/generated-packages.js';
import type { GeneratedFile } from '../../../core/bundle/artifact-bundle.js';

const READ_TEMPLATE = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pair, Scalar, YAMLMap, parse } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';

const INTRINSICS = ['Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap', 'GetAZs', 'ImportValue', 'Base64', 'Cidr'];

const TAGS: (ScalarTag | CollectionTag)[] = INTRINSICS.flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : 'Fn::' + name;
  const wrap = (node: unknown) => {
    const map = new YAMLMap();
    map.items.push(new Pair(new Scalar(key), node));
    return map;
  };
  return [
    { tag: '!' + name, resolve: (text: string) => ({ [key]: name === 'GetAtt' ? text.split('.') : text }) },
    { tag: '!' + name, collection: 'seq', resolve: wrap },
    { tag: '!' + name, collection: 'map', resolve: wrap },
  ] as (ScalarTag | CollectionTag)[];
});

/* eslint-disable @typescript-eslint/no-explicit-any -- template values, checked by the assertions */
export interface Resource {
  Type: string;
  Condition?: string;
  DependsOn?: string | string[];
  Properties: any;
  UpdatePolicy?: any;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The stack's template.yaml, parsed. */
export function readTemplate(): { Parameters?: Record<string, { Default?: unknown }>; Conditions?: Record<string, unknown>; Resources: Record<string, Resource> } {
  return parse(readFileSync(join(__dirname, '..', 'template.yaml'), 'utf8'), { customTags: TAGS });
}
`;

/**
 * Generated `test/read-template.ts`: the stack's template.yaml as data, CloudFormation's short-form
 * tags read as their long forms, for tests that check what the template promises. Needs the `yaml`
 * dev dependency.
 */
export function readTemplateFile(baseDir: string): GeneratedFile {
  return { path: `${baseDir}/test/read-template.ts`, role: 'test', content: READ_TEMPLATE };
}

export const READ_TEMPLATE_DEV_DEPENDENCIES = generatedPackages('yaml');
