import { Document } from 'yaml';
import type { TemplateMap } from './intrinsics.js';
import { combineParts } from './template-part.js';
import type { TemplatePart } from './template-part.js';

export interface RenderTemplateParams {
  readonly description: string;
  readonly parts: readonly TemplatePart[];
}

/**
 * The template as YAML text with short-form intrinsics. Written as YAML 1.1 because that is what
 * CloudFormation reads: strings such as `yes` or `on` come out quoted instead of turning into booleans.
 */
export function renderTemplate({ description, parts }: RenderTemplateParams): string {
  const { parameters, conditions, resources, outputs } = combineParts(parts);
  const template: TemplateMap = { AWSTemplateFormatVersion: '2010-09-09', Description: description };
  if (Object.keys(parameters).length > 0) template['Parameters'] = parameters;
  if (Object.keys(conditions).length > 0) template['Conditions'] = conditions;
  template['Resources'] = resources;
  if (Object.keys(outputs).length > 0) template['Outputs'] = outputs;
  const document = new Document(template, { version: '1.1', aliasDuplicateObjects: false });
  return document.toString({ lineWidth: 0 });
}
