import { ref } from './intrinsics.js';
import type { TemplateValue } from './intrinsics.js';

/** Tags every taggable resource carries, as the `[{ Key, Value }]` list most resource types take. */
export function standardTags(slug: string): TemplateValue[] {
  return [
    { Key: 'Environment', Value: ref('EnvironmentName') },
    { Key: 'Service', Value: slug },
    { Key: 'ManagedBy', Value: 'implementation-agent' },
  ];
}

/** The same tags as a mapping, for the resource types (API Gateway v2) that take one. */
export function standardTagMap(slug: string): Record<string, TemplateValue> {
  return { Environment: ref('EnvironmentName'), Service: slug, ManagedBy: 'implementation-agent' };
}
