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

/** Reads a baseline file; undefined when it does not exist. Throws on a malformed one. */
export function readBaseline(path: string): Baseline | undefined {
  if (!existsSync(path)) return undefined;
  const data = JSON.parse(readFileSync(path, 'utf8')) as Baseline;
  if (data.version !== 1 || typeof data.files !== 'object') throw new Error(`${path} is not a cache-codemod baseline (version 1)`);
  return data;
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
