import { untrustedInline } from '../../core/markdown/untrusted-inline.js';
import type { ChangeSummaryRow } from './change-summary-row.js';

export interface ChangeCounts {
  readonly add: number;
  readonly modify: number;
  /** Modifies that certainly replace the resource (a new physical resource, the old one deleted). */
  readonly replace: number;
  /** Modifies whose replacement depends on values only known while the change runs. */
  readonly conditionalReplace: number;
  readonly remove: number;
  readonly import: number;
  /** Dynamic and SyncWithActual: CloudFormation decides only during execution. */
  readonly other: number;
}

export interface ChangeSetSummary {
  readonly counts: ChangeCounts;
  /** "2 to add, 1 to modify (1 replacement), 0 to remove" */
  readonly countsLine: string;
  /** Counts and a table sized for a GitHub comment; riskiest changes first, so a cut keeps them. */
  readonly markdown: string;
  /** Every row as plain text, for the log or a stored artifact when the table was cut. */
  readonly fullText: string;
  readonly truncated: boolean;
}

/** A GitHub comment holds 65,536 characters; the summary shares its comment with other sections. */
const DEFAULT_MAX_CHARS = 30_000;
const DEFAULT_MAX_ROWS = 50;
const TABLE_HEAD = '| Action | Logical ID | Type | Replacement |\n| --- | --- | --- | --- |';

export function summarizeChangeSet(params: {
  rows: readonly ChangeSummaryRow[];
  maxRows?: number;
  maxChars?: number;
}): ChangeSetSummary {
  const { rows, maxRows = DEFAULT_MAX_ROWS, maxChars = DEFAULT_MAX_CHARS } = params;
  const counts = countChanges(rows);
  const countsLine = formatCounts(counts);
  const ordered = [...rows].sort((left, right) => riskRank(left) - riskRank(right));
  const fullText = [countsLine, ...ordered.map(plainLine)].join('\n');
  if (ordered.length === 0) {
    return { counts, countsLine, markdown: `**${countsLine}**`, fullText, truncated: false };
  }

  const shown: string[] = [];
  // Reserve room for the "… and N more" line so adding it never breaks the budget.
  let length = countsLine.length + TABLE_HEAD.length + 80;
  for (const row of ordered) {
    const line = tableLine(row);
    if (shown.length >= maxRows || length + line.length + 1 > maxChars) break;
    shown.push(line);
    length += line.length + 1;
  }
  const hidden = ordered.length - shown.length;
  const more = hidden > 0 ? [`\n… and ${hidden} more (the full list is in the deploy log)`] : [];
  const markdown = [`**${countsLine}**`, '', TABLE_HEAD, ...shown, ...more].join('\n');
  return { counts, countsLine, markdown, fullText, truncated: hidden > 0 };
}

function countChanges(rows: readonly ChangeSummaryRow[]): ChangeCounts {
  const count = (matches: (row: ChangeSummaryRow) => boolean) => rows.filter(matches).length;
  return {
    add: count((row) => row.action === 'Add'),
    modify: count((row) => row.action === 'Modify'),
    replace: count((row) => row.action === 'Modify' && row.replacement === 'True'),
    conditionalReplace: count((row) => row.action === 'Modify' && row.replacement === 'Conditional'),
    remove: count((row) => row.action === 'Remove'),
    import: count((row) => row.action === 'Import'),
    other: count((row) => row.action === 'Dynamic' || row.action === 'SyncWithActual'),
  };
}

function formatCounts(counts: ChangeCounts): string {
  const replacements = [
    ...(counts.replace > 0 ? [`${counts.replace} ${plural(counts.replace, 'replacement')}`] : []),
    ...(counts.conditionalReplace > 0 ? [`${counts.conditionalReplace} conditional`] : []),
  ];
  const modify = `${counts.modify} to modify${replacements.length > 0 ? ` (${replacements.join(', ')})` : ''}`;
  return [
    `${counts.add} to add`,
    modify,
    `${counts.remove} to remove`,
    ...(counts.import > 0 ? [`${counts.import} to import`] : []),
    ...(counts.other > 0 ? [`${counts.other} decided during execution`] : []),
  ].join(', ');
}

function riskRank(row: ChangeSummaryRow): number {
  if (row.action === 'Remove') return 0;
  if (row.action === 'Modify') {
    if (row.replacement === 'True') return 1;
    if (row.replacement === 'Conditional') return 2;
    return 3;
  }
  if (row.action === 'Dynamic' || row.action === 'SyncWithActual') return 4;
  return 5;
}

function tableLine(row: ChangeSummaryRow): string {
  // Logical ids and types come from the generated template: shown literally, pipes escaped.
  const cells = [row.action, row.logicalId, row.resourceType, replacementLabel(row)].map((cell) =>
    untrustedInline(cell),
  );
  return `| ${cells.join(' | ')} |`;
}

function plainLine(row: ChangeSummaryRow): string {
  const replacement = replacementLabel(row);
  return [
    row.action.padEnd(8),
    row.logicalId,
    row.resourceType,
    ...(replacement ? [`replacement: ${replacement}`] : []),
  ]
    .join('  ')
    .trimEnd();
}

function replacementLabel(row: ChangeSummaryRow): string {
  return row.action === 'Modify' && row.replacement !== undefined ? row.replacement : '';
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
