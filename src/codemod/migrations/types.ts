import type { TSESTree } from '@typescript-eslint/types';
import type { FileInput, TextEdit } from '../../core/model.js';

/** Options a migration accepts from the command line (`--option name=value`). */
export type MigrationOptions = Readonly<Record<string, string>>;

/** What a migration wants done to one file. */
export interface MigrationResult {
  /** Text edits that carry the migration out (non-overlapping). */
  readonly edits: readonly TextEdit[];
  /** Places a human must decide: a `// cache-codemod-todo(<migration>): ...` comment goes above each. */
  readonly marks: readonly { readonly node: TSESTree.Node; readonly message: string }[];
  /** Findings to report without changing anything (an inventory). */
  readonly reports: readonly { readonly node: TSESTree.Node; readonly message: string }[];
}

/** One API migration between major versions of a caching package. */
export interface Migration {
  readonly name: string;
  readonly description: string;
  /** The package whose API changes; only code bound to it is touched. */
  readonly package: string;
  /** Other packages whose code it also migrates (forks, wrappers); the version gate accepts any of them. */
  readonly alsoFor?: readonly string[];
  /** The major version the migration produces code for. */
  readonly targetMajor: number;
  /** The package the migrated code uses, when it is not `package` (node-cache → lru-cache). */
  readonly targetPackage?: string;
  /**
   * The ranges the migrated code needs, per package: the migrated package itself and packages the
   * migrated code may import (`cacheable` for createKeyv). `--update-package-json` bumps declared
   * ranges below these and adds introduced packages; a package absent here is never touched.
   */
  ranges?(options: MigrationOptions): Readonly<Record<string, string>>;
  /** Options it understands, with their meaning, for `--help` and validation. */
  readonly options?: Readonly<Record<string, string>>;
  /** Throws an Error naming the problem when an option's value is invalid (the CLI reports it as a usage error). */
  checkOptions?(options: MigrationOptions): void;
  /** A cheap text test: false means the file cannot contain anything to migrate. */
  gate(text: string): boolean;
  transform(file: FileInput, options: MigrationOptions): MigrationResult;
}

/** An empty result. */
export const NOTHING: MigrationResult = { edits: [], marks: [], reports: [] };
