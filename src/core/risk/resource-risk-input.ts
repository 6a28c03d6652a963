import type { TemplateValueContext } from './read-template-value.js';

/**
 * One template resource as every per-resource risk rule reads it: its logical id, its `Type`, its
 * `Properties` as written (unchecked), where it is (`<file>#Resources.<LogicalId>`), and how to
 * read values that depend on parameters, conditions and other resources.
 */
export interface ResourceRiskInput {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: unknown;
  readonly where: string;
  readonly context: TemplateValueContext;
}
