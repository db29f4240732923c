import { existsSync, readFileSync } from 'node:fs';
import type { ReportFile } from './report.js';

/** A recorded set of accepted findings: per file, how many of each fingerprint. */
export interface Baseline {
  readonly version: 1;
  readonly files: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Builds a baseline from a run's findings. */
export function makeBaseline(files: readonly ReportFile[]): Baseline {
  const out: Record<string, Record<string, number>> = {};
  for (const file of files) {
    for (const finding of file.findings) {
      if (!finding.fingerprint) continue;
      const counts = (out[file.path] ??= {});
      counts[finding.fingerprint] = (counts[finding.fingerprint] ?? 0) + 1;
    }
  }
  const sorted = Object.fromEntries(Object.keys(out).sort().map((path) => [path, Object.fromEntries(Object.entries(out[path]!).sort())]));
  return { version: 1, files: sorted };
}

/** Reads a baseline file; undefined when it does not exist. Throws, naming the file, on a malformed one. */
export function readBaseline(path: string, shown = path): Baseline | undefined {
  if (!existsSync(path)) return undefined;
  let data: Baseline;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Baseline;
  } catch (error) {
    throw new Error(`baseline ${shown} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const valid =
    data?.version === 1 &&
    typeof data.files === 'object' &&
    data.files !== null &&
    Object.values(data.files).every((counts) => typeof counts === 'object' && counts !== null && Object.values(counts).every((n) => Number.isInteger(n)));
  if (!valid) throw new Error(`baseline ${shown} is not a cache-codemod baseline (version 1); delete it to record a new one`);
  return data;
}

/**
 * A baseline for `--update-baseline`: this run's findings for the files it scanned, and the
 * old entries of every file it did not scan (other shards, other paths), which it cannot judge.
 */
export function updateBaseline(old: Baseline | undefined, made: Baseline, scanned: ReadonlySet<string>): Baseline {
  const files: Record<string, Readonly<Record<string, number>>> = { ...made.files };
  for (const [path, counts] of Object.entries(old?.files ?? {})) {
    if (!scanned.has(path)) files[path] = counts;
  }
  return { version: 1, files: Object.fromEntries(Object.keys(files).sort().map((path) => [path, files[path]!])) };
}

/** The findings not covered by the baseline: a fingerprint counts as known up to its recorded number. */
export function newFindings(files: readonly ReportFile[], baseline: Baseline): ReportFile[] {
  return files.map((file) => {
    const budget = { ...(baseline.files[file.path] ?? {}) };
    const findings = file.findings.filter((finding) => {
      const key = finding.fingerprint;
      if (key && (budget[key] ?? 0) > 0) {
        budget[key]!--;
        return false;
      }
      return true;
    });
    return { ...file, findings };
  });
}
