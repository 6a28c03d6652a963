import type { core } from 'zod';
import { fieldHint } from './request-field-hints.js';
import type { RequestFieldError } from './request-field-error.js';
import { withIndefiniteArticle } from '../text/indefinite-article.js';

const MAX_SHOWN_LENGTH = 40;

/** The received value, when it is short enough to quote; otherwise what kind of thing it was. */
export function describeReceived(value: unknown): string {
  if (typeof value === 'string') {
    return value.length <= MAX_SHOWN_LENGTH ? JSON.stringify(value) : `a text of ${value.length} characters`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function lengthOf(value: unknown): string {
  return typeof value === 'string' || Array.isArray(value) ? value.length.toLocaleString('en-US') : 'more';
}

function problemOf(issue: core.$ZodIssue): string {
  const received = describeReceived(issue.input);
  const missing =
    issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
  if (missing) return 'is required but missing';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : withIndefiniteArticle(issue.expected)}, but is ${received}`;
    case 'invalid_value':
      return `${received} is not one of the allowed values`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : issue.message;
      if (issue.origin === 'array') return `must have at least ${issue.minimum} items`;
      return `must be at least ${issue.minimum}, but is ${received}`;
    case 'too_big':
      if (issue.origin === 'string')
        return `must be at most ${issue.maximum} characters, but has ${lengthOf(issue.input)}`;
      if (issue.origin === 'array')
        return `must have at most ${issue.maximum} items, but has ${lengthOf(issue.input)}`;
      return `must be at most ${issue.maximum}, but is ${received}`;
    default:
      return typeof issue.input === 'string' || typeof issue.input === 'number'
        ? `${issue.message} (received ${received})`
        : issue.message;
  }
}

/** A zod issue as a requester-facing field error: where, what is wrong, how to fix it. */
export function describeSchemaIssue(issue: core.$ZodIssue): RequestFieldError {
  const field = issue.path.map(String).join('.');
  return { field: field === '' ? '(request)' : field, message: problemOf(issue), fix: fieldHint(field) };
}
