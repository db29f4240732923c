import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { Engine, type CodemodFinding, type EngineOptions, type TypedPrograms } from './engine.js';
import { extractFacts, type FileFacts } from './facts.js';
import { migrateText, parseFile } from './migrations/apply.js';
import { MIGRATIONS } from './migrations/index.js';

/** What one file gave: findings, and for `fix` the new text when it changed. */
export interface FileResult {
  readonly file: string;
  readonly findings: readonly CodemodFinding[];
  /** The file could not be read or parsed (or a fix broke it): it is skipped and counted, never written. */
  readonly error?: string;
  /** Why the file was skipped, for the summary's counts (with `error`). */
  readonly skip?: SkipReason;
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
  /** Index into `engine.ruleSets` for each file (0 when absent). */
  readonly ruleSetOf?: Readonly<Record<string, number>>;
  /** Files larger than this many bytes are skipped, never read whole. */
  readonly maxFileSize?: number;
  /** Collect facts for the cross-file analyses (scan). */
  readonly facts: boolean;
}

/** Why a file was not processed: each is counted on its own in the summary. */
export type SkipReason = 'unparsable' | 'too-large' | 'not-utf8' | 'binary' | 'generated' | 'unreadable' | 'failed';

/** Default `--max-file-size`: larger sources are bundles or generated data, and parsing them can exhaust memory. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) // keeps a byte-order mark, as the file has it;

/**
 * Reads a source file as UTF-8 text, or says why not. Files that are not valid UTF-8 (Latin-1,
 * say) are refused rather than decoded: decoding would turn their bytes into U+FFFD and a write
 * would re-encode the whole file. Binary files and minified or generated bundles are refused too.
 */
export function readSource(file: string, maxSize: number): { text: string } | { skip: SkipReason; error: string } {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxSize) return { skip: 'too-large', error: `too large: ${size} bytes (over --max-file-size ${maxSize})` };
    bytes = readFileSync(file);
  } catch (error) {
    return { skip: 'unreadable', error: `cannot read: ${(error as Error).message}` };
  }
  if (bytes.includes(0)) return { skip: 'binary', error: 'binary file (it contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { skip: 'not-utf8', error: 'not UTF-8 text; cache-codemod reads and writes UTF-8 only, so it leaves this file as it is' };
  }
  if (isMinified(text)) return { skip: 'generated', error: 'minified or bundled code (very long lines)' };
  return { text };
}

/** Minified or bundled output: a long file whose lines average hundreds of characters. */
function isMinified(text: string): boolean {
  if (text.length < 4096) return false;
  const lines = text.split('\n').length;
  return text.length / lines > 300;
}

/**
 * A finding's identity that survives edits elsewhere in the file: the rule, the message and
 * the trimmed text of its line (not the line number), for baselines.
 */
export function fingerprint(finding: CodemodFinding, lines: readonly string[]): string {
  const line = (lines[finding.line - 1] ?? '').trim();
  return createHash('sha1').update(`${finding.ruleId}\0${finding.messageId}\0${line}`).digest('hex').slice(0, 16);
}

/** A fix that broke the file is our failure; a file that did not parse to begin with is skipped. */
function skipOf(error: string): SkipReason {
  return error.startsWith('fix produced') ? 'failed' : 'unparsable';
}

function withFingerprints(findings: readonly CodemodFinding[], text: string): CodemodFinding[] {
  if (findings.length === 0) return [];
  const lines = text.split(/\r?\n/);
  return findings.map((finding) => ({ ...finding, fingerprint: fingerprint(finding, lines) }));
}

/** Processes files one by one with one engine; never throws for a single file's problem. */
export class FileProcessor {
  private readonly engine: Engine;

  constructor(
    private readonly job: Job,
    typed?: TypedPrograms,
  ) {
    this.engine = new Engine(job.cwd, { ...job.engine, ...(typed ? { typed } : {}) });
  }

  process(file: string): FileResult {
    const read = readSource(file, this.job.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (!('text' in read)) return { file, findings: [], ...read };
    const text = read.text;
    const set = this.job.ruleSetOf?.[file] ?? 0;
    try {
      if (this.job.mode === 'migrate') return this.migrate(file, text);
      if (this.job.mode === 'fix') {
        const result = this.engine.fix(file, text, set);
        if (result.parseError) return { file, findings: withFingerprints(result.findings, text), error: result.parseError, skip: skipOf(result.parseError) };
        const findings = withFingerprints(result.findings, result.output);
        return result.output !== text ? { file, findings, output: result.output, original: text } : { file, findings };
      }
      const result = this.engine.lint(file, text, set);
      if (result.parseError) return { file, findings: [], error: result.parseError, skip: 'unparsable' };
      const facts = this.job.facts ? extractFacts(file, this.engine.sourceCode()) : undefined;
      return { file, findings: withFingerprints(result.findings, text), ...(facts ? { facts } : {}) };
    } catch (error) {
      // A rule that throws is a bug of ours; the run goes on and the file is reported.
      return { file, findings: [], error: `internal error: ${(error as Error).stack ?? String(error)}`, skip: 'failed' };
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
      return /Parsing error|Expression expected|expected|Unexpected|Unterminated|Invalid character|Declaration or statement/i.test(message)
        ? { file, findings: [], error: `does not parse: ${message.split('\n')[0]}`, skip: 'unparsable' }
        : { file, findings: [], error: `internal error: ${(error as Error).stack ?? message}`, skip: 'failed' };
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
      return { file, findings, error: `fix produced unparsable code: ${(error as Error).message.split('\n')[0]}`, skip: 'failed' };
    }
    return { file, findings, output: result.output, original: text, marks: result.marks };
  }
}
