import type { TemplateMap } from './intrinsics.js';

/** A slice of a template (a function with its role, an alarm...) that blueprints combine. */
export interface TemplatePart {
  readonly parameters?: TemplateMap;
  readonly conditions?: TemplateMap;
  readonly resources?: TemplateMap;
  readonly outputs?: TemplateMap;
}

export interface CombinedTemplate {
  readonly parameters: TemplateMap;
  readonly conditions: TemplateMap;
  readonly resources: TemplateMap;
  readonly outputs: TemplateMap;
}

const SECTIONS = ['parameters', 'conditions', 'resources', 'outputs'] as const;

/** Joins parts; two parts defining the same name is a blueprint bug, so it throws rather than overwrite. */
export function combineParts(parts: readonly TemplatePart[]): CombinedTemplate {
  const combined: CombinedTemplate = { parameters: {}, conditions: {}, resources: {}, outputs: {} };
  for (const part of parts) {
    for (const section of SECTIONS) {
      for (const [name, value] of Object.entries(part[section] ?? {})) {
        if (name in combined[section]) throw new Error(`blueprint defines ${section} "${name}" twice`);
        combined[section][name] = value;
      }
    }
  }
  return combined;
}
