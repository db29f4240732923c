import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Engine, type CodemodFinding, type EngineOptions } from './engine.js';
import { extractFacts, type FileFacts } from './facts.js';
import { migrateText, parseFile } from './migrations/apply.js';
import { MIGRATIONS } from './migrations/index.js';

/** What one file gave: findings, and for `fix` the new text when it changed. */
export interface FileResult {
  readonly file: string;
  readonly findings: readonly CodemodFinding[];
  /** The file could not be read or parsed (or a fix broke it): it is skipped and counted, never written. */
  readonly error?: string;
  /** For `fix`: the fixed text, only when it differs from the original bytes. */
  readonly output?: string;
  /** The original text, kept only when `output` is set (for diffs and the dirty check). */
  readonly original?: string;
  /** Per-file facts for the cross-file analyses. */
  readonly facts?: FileFacts;
  /** For `migrate`: how many places were marked for a human. */
  readonly marks?: number;
}

/** The work one process (main or worker) does for a list of files. */
export interface Job {
  readonly cwd: string;
  readonly mode: 'scan' | 'fix' | 'migrate';
  /** For `migrate`: which migration, with its options. */
  readonly migration?: { readonly name: string; readonly options: Readonly<Record<string, string>> };
  readonly engine: EngineOptions;
  /** Collect facts for the cross-file analyses (scan). */
  readonly facts: boolean;
}

/**
 * A finding's identity that survives edits elsewhere in the file: the rule, the message and
 * the trimmed text of its line (not the line number), for baselines.
 */
export function fingerprint(finding: CodemodFinding, lines: readonly string[]): string {
  const line = (lines[finding.line - 1] ?? '').trim();
  return createHash('sha1').update(`${finding.ruleId}\0${finding.messageId}\0${line}`).digest('hex').slice(0, 16);
}

function withFingerprints(findings: readonly CodemodFinding[], text: string): CodemodFinding[] {
  if (findings.length === 0) return [];
  const lines = text.split(/\r?\n/);
  return findings.map((finding) => ({ ...finding, fingerprint: fingerprint(finding, lines) }));
}

/** Processes files one by one with one engine; never throws for a single file's problem. */
export class FileProcessor {
  private readonly engine: Engine;

  constructor(private readonly job: Job) {
    this.engine = new Engine(job.cwd, job.engine);
  }

  process(file: string): FileResult {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return { file, findings: [], error: `cannot read: ${(error as Error).message}` };
    }
    try {
      if (this.job.mode === 'migrate') return this.migrate(file, text);
      if (this.job.mode === 'fix') {
        const result = this.engine.fix(file, text);
        if (result.parseError) return { file, findings: withFingerprints(result.findings, text), error: result.parseError };
        const findings = withFingerprints(result.findings, result.output);
        return result.output !== text ? { file, findings, output: result.output, original: text } : { file, findings };
      }
      const result = this.engine.lint(file, text);
      if (result.parseError) return { file, findings: [], error: result.parseError };
      const facts = this.job.facts ? extractFacts(file, this.engine.sourceCode()) : undefined;
      return { file, findings: withFingerprints(result.findings, text), ...(facts ? { facts } : {}) };
    } catch (error) {
      // A rule that throws is a bug of ours; the run goes on and the file is reported.
      return { file, findings: [], error: `internal error: ${(error as Error).stack ?? String(error)}` };
    }
  }

  private migrate(file: string, text: string): FileResult {
    const { name, options } = this.job.migration!;
    const migration = MIGRATIONS.get(name)!;
    let result;
    try {
      result = migrateText(migration, file, text, options);
    } catch (error) {
      const message = (error as Error).message;
      // A file that does not parse is skipped; anything else is a bug of ours.
      return { file, findings: [], error: /Parsing error|Expression expected|expected|Unexpected|Unterminated|Invalid character|Declaration or statement/i.test(message) ? `does not parse: ${message.split('\n')[0]}` : `internal error: ${(error as Error).stack ?? message}` };
    }
    const findings: CodemodFinding[] = result.reports.map((report) => ({
      ruleId: `cache-codemod/${name}`,
      messageId: 'report',
      message: report.message,
      severity: 'warning',
      line: report.line,
      column: report.column,
      endLine: report.line,
      endColumn: report.column,
      fixable: false,
      suggestions: [],
    }));
    if (result.output === text) return { file, findings, marks: 0 };
    try {
      parseFile(file, result.output.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { file, findings, error: `fix produced unparsable code: ${(error as Error).message.split('\n')[0]}` };
    }
    return { file, findings, output: result.output, original: text, marks: result.marks };
  }
}
