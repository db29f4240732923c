import { pathToFileURL } from 'node:url';
import plugin from '../index.js';
import { CROSS_FILE_CHECKS } from './crossfile.js';
import type { CodemodFinding } from './engine.js';

/** A file's findings as the reports show them (path relative to the working directory). */
export interface ReportFile {
  readonly path: string;
  readonly findings: readonly CodemodFinding[];
  readonly error?: string;
}

/** The run's totals, for the summary line and JSON. */
export interface Summary {
  readonly command: 'scan' | 'fix' | 'migrate';
  /** Where the rules came from: the ESLint config file(s) read, or the fallback. */
  readonly config?: string;
  readonly scanned: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly skipped: number;
  /** Skipped files by reason (`unparsable`, `too-large`, `not-utf8`, ...). */
  readonly skippedBy: Readonly<Record<string, number>>;
  /** For `fix`/`migrate`: files with changes that were not written (read-only, edited meanwhile, foreign owner). */
  readonly notWritten: number;
  readonly failed: number;
  /** Whether files that do not parse fail the run (`--fail-on-unparsable`). */
  readonly failOnUnparsable: boolean;
  readonly needsReview: number;
  readonly findings: number;
  readonly seconds: number;
}

const PACKAGE_URL = 'https://github.com/eslint-plugin-cache/eslint-plugin-cache';

/** Documentation link of a rule or cross-file check id. */
export function helpUri(ruleId: string): string {
  if (ruleId.startsWith('cache/')) return plugin.rules[ruleId.slice(6) as keyof typeof plugin.rules]?.meta.docs?.url ?? PACKAGE_URL;
  const check = ruleId.replace(/^cache-codemod\//, '') as keyof typeof CROSS_FILE_CHECKS;
  return CROSS_FILE_CHECKS[check] ? `${PACKAGE_URL}/blob/main/${CROSS_FILE_CHECKS[check].doc}` : PACKAGE_URL;
}

function descriptionOf(ruleId: string): string {
  if (ruleId.startsWith('cache/')) return plugin.rules[ruleId.slice(6) as keyof typeof plugin.rules]?.meta.docs?.description ?? ruleId;
  const check = ruleId.replace(/^cache-codemod\//, '') as keyof typeof CROSS_FILE_CHECKS;
  return CROSS_FILE_CHECKS[check]?.description ?? ruleId;
}

/** Terminal colours, only when the stream is a TTY and NO_COLOR is unset. */
export function colours(enabled: boolean) {
  const wrap = (code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { red: wrap(31), yellow: wrap(33), green: wrap(32), dim: wrap(2), bold: wrap(1), cyan: wrap(36) };
}

/** "1 finding", "2 findings". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const SKIP_WORDS: Record<string, string> = {
  unparsable: 'unparsable',
  'too-large': 'too large',
  'not-utf8': 'not UTF-8',
  binary: 'binary',
  generated: 'minified',
  unreadable: 'unreadable',
};

function skippedText(summary: Summary): string {
  const parts = Object.entries(summary.skippedBy)
    .filter(([reason, n]) => n > 0 && reason !== 'failed')
    .map(([reason, n]) => `${n} ${SKIP_WORDS[reason] ?? reason}`);
  return `${summary.skipped} skipped${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** Human-readable findings, grouped by file, in the style of ESLint's stylish formatter. */
export function formatText(files: readonly ReportFile[], summary: Summary, colour: boolean): string {
  const c = colours(colour);
  const lines: string[] = [];
  for (const file of files) {
    if (file.findings.length === 0 && !file.error) continue;
    lines.push('', c.bold(file.path));
    if (file.error) lines.push(`  ${c.red('skipped')}  ${file.error.split('\n')[0]}`);
    for (const finding of file.findings) {
      // Padded before colouring, so the columns line up whatever the level.
      const level = finding.severity === 'error' ? c.red('error'.padEnd(7)) : c.yellow('warning');
      const tags = [finding.fixable ? 'fixable' : '', finding.suggestions.length > 0 ? 'suggestion' : ''].filter(Boolean).join(', ');
      lines.push(`  ${c.dim(`${finding.line}:${finding.column}`.padEnd(8))} ${level}  ${finding.message}  ${c.dim(finding.ruleId)}${tags ? c.dim(` (${tags})`) : ''}`);
    }
  }
  lines.push('', summaryLine(summary, colour));
  return lines.join('\n');
}

/** One line: what the run did. */
export function summaryLine(summary: Summary, colour: boolean): string {
  const c = colours(colour);
  const parts =
    summary.command !== 'scan'
      ? [
          `${summary.scanned} scanned`,
          `${summary.changed} changed`,
          `${summary.unchanged} unchanged`,
          skippedText(summary),
          ...(summary.notWritten > 0 ? [`${summary.notWritten} not written`] : []),
          `${summary.failed} failed`,
          `${plural(summary.needsReview, 'finding')} need${summary.needsReview === 1 ? 's' : ''} review`,
          `${summary.seconds.toFixed(1)}s`,
        ]
      : [`${summary.scanned} scanned`, plural(summary.findings, 'finding'), skippedText(summary), `${summary.failed} failed`, `${summary.seconds.toFixed(1)}s`];
  let text = parts.join(', ');
  const unparsable = summary.skippedBy.unparsable ?? 0;
  if (unparsable > 0) {
    text += summary.failOnUnparsable
      ? `; ${plural(unparsable, 'file')} that do${unparsable === 1 ? 'es' : ''} not parse fail the run (--fail-on-unparsable)`
      : `; files that do not parse do not fail the run (add --fail-on-unparsable to make them)`;
  }
  return summary.failed > 0 || summary.skipped > 0 || summary.notWritten > 0 ? c.yellow(text) : c.green(text);
}

/** Machine-readable findings: stable keys, relative paths, one object per file. */
export function formatJson(files: readonly ReportFile[], summary: Summary): string {
  return `${JSON.stringify({ version: 1, summary, files: files.filter((f) => f.findings.length > 0 || f.error) }, null, 2)}\n`;
}

/** SARIF 2.1.0 for code-scanning UIs: one run, rules with help links, results with regions. */
export function formatSarif(files: readonly ReportFile[], cwd: string, version: string): string {
  const ruleIds = [...new Set(files.flatMap((file) => file.findings.map((finding) => finding.ruleId)))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const results = files.flatMap((file) => {
    // A finding's fingerprint (rule, message, line text) and its occurrence in the file: stable
    // across edits elsewhere, so code-scanning UIs keep an alert's identity when lines move.
    const seen = new Map<string, number>();
    return file.findings.map((finding) => {
      const key = finding.fingerprint ?? `${finding.ruleId}:${finding.line}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      return {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId)!,
        level: finding.severity === 'error' ? 'error' : 'warning',
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: finding.line,
                startColumn: finding.column,
                endLine: Math.max(finding.endLine, finding.line),
                endColumn: finding.endLine > finding.line ? finding.endColumn : Math.max(finding.endColumn, finding.column + 1),
              },
            },
          },
        ],
        partialFingerprints: { 'cacheCodemodFindingHash/v1': `${key}:${occurrence}` },
      };
    });
  });
  const notifications = files
    .filter((file) => file.error)
    .map((file) => ({
      level: 'warning',
      message: { text: `${file.path}: skipped: ${file.error!.split('\n')[0]}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' } } }],
    }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cache-codemod',
            version,
            informationUri: PACKAGE_URL,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: descriptionOf(id) },
              helpUri: helpUri(id),
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href}/` } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
