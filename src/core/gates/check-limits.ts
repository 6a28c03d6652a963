import type { ArtifactBundle } from '../bundle/artifact-bundle.js';
import { formatCount } from './format-count.js';
import type { GateFinding, GatePolicy } from './gate-report.js';
import { utf8ByteLength } from './utf8-byte-length.js';

/**
 * File count, then per-file size, then total size, in UTF-8 bytes, stopping at the first limit broken:
 * an over-long bundle is refused before any content is measured, and an oversized file makes the total
 * moot. An empty bundle is never a valid change. Linear in the number of files and their size.
 */
export function checkLimits(bundle: ArtifactBundle, policy: GatePolicy): GateFinding[] {
  const { files } = bundle;
  if (files.length === 0) {
    return [{ gate: 'limits', message: 'the bundle has no files; a change needs at least one' }];
  }
  if (files.length > policy.maxFiles) {
    const message = `${formatCount(files.length)} files is over the limit of ${formatCount(policy.maxFiles)}`;
    return [{ gate: 'limits', message }];
  }
  const oversized: GateFinding[] = [];
  let total = 0;
  for (const file of files) {
    const bytes = utf8ByteLength(file.content);
    total += bytes;
    if (bytes > policy.maxFileBytes) {
      oversized.push({
        gate: 'limits',
        path: file.path,
        message: `${formatCount(bytes)} bytes is over the per-file limit of ${formatCount(policy.maxFileBytes)} bytes`,
      });
    }
  }
  if (oversized.length > 0) return oversized;
  if (total > policy.maxTotalBytes) {
    const message = `${formatCount(total)} bytes in all is over the total limit of ${formatCount(policy.maxTotalBytes)} bytes`;
    return [{ gate: 'limits', message }];
  }
  return [];
}
