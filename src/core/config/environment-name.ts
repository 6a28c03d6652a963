import { z } from 'zod';

/**
 * GitHub: "Environment names are not case sensitive. An environment name may not exceed 255
 * characters and must be unique within the repository" (GitHub Docs, "Managing environments for
 * deployment"). This agent keeps names to letters, digits, `-` and `_`, starting with a letter or
 * digit, so a name is safe in a stack name, a `/deploy` command and markdown; that also leaves out
 * JavaScript's `__proto__`, which a plain object would swallow instead of storing.
 */
export const MAX_ENVIRONMENT_NAME_LENGTH = 255;

export const ENVIRONMENT_NAME_RULE =
  'environment names use letters, digits, "-" and "_", start with a letter or digit, and have at most 255 characters';

export const environmentNameSchema = z
  .string()
  .max(MAX_ENVIRONMENT_NAME_LENGTH, ENVIRONMENT_NAME_RULE)
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, ENVIRONMENT_NAME_RULE);
