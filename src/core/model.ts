import type { TSESTree } from '@typescript-eslint/types';

/** One replacement in the file's text: `range` is [start, end) in UTF-16 offsets. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** A change a human chooses to apply: an editor suggestion, or an opt-in in the codemod. */
export interface SuggestionPlan<M extends string = string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly edits: readonly TextEdit[];
}

/**
 * What a detector found. Plain data, so both hosts (ESLint and cache-codemod) can turn it
 * into their own reports: `fix` is applied automatically, `suggestions` only on request.
 */
export interface Finding<M extends string = string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly node: TSESTree.Node;
  /** Narrower location than `node`, when the problem sits inside it (a directive in a string). */
  readonly loc?: TSESTree.SourceLocation;
  readonly fix?: readonly TextEdit[];
  readonly suggestions?: readonly SuggestionPlan<M>[];
}

/** The minimal scope-manager surface the core uses; both eslint-scope and typescript-eslint's satisfy it. */
export interface ScopeManagerLike {
  acquire(node: TSESTree.Node, inner?: boolean): ScopeLike | null;
  getDeclaredVariables(node: TSESTree.Node): readonly VariableLike[];
  globalScope: ScopeLike | null;
}

/** A scope, as far as the core reads it. */
export interface ScopeLike {
  readonly type: string;
  readonly block: TSESTree.Node;
  readonly upper: ScopeLike | null;
  readonly set: ReadonlyMap<string, VariableLike>;
  readonly childScopes: readonly ScopeLike[];
}

/** A variable, as far as the core reads it. */
export interface VariableLike {
  readonly name: string;
  readonly defs: readonly {
    readonly type: string;
    readonly node: TSESTree.Node;
    readonly name: TSESTree.Node;
    readonly parent?: TSESTree.Node | null;
  }[];
  readonly references: readonly { readonly identifier: TSESTree.Node; isWrite(): boolean }[];
}

/** Everything a detector may read about one file. Built by the host (ESLint adapter or codemod). */
export interface FileInput {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly filename: string;
  readonly scopeManager: ScopeManagerLike | null;
  readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  /** `ts.Program` when the host has type information; never required. */
  readonly program?: unknown;
  /** Host-provided map from ESTree nodes to TypeScript nodes, when `program` is set. */
  readonly esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): unknown };
}

/** Reports one finding. */
export type Report<M extends string> = (finding: Finding<M>) => void;

/**
 * One anti-pattern, written once over TSESTree and run by both hosts.
 * `gate` is a cheap text test that lets a host skip the file before any walk.
 */
export interface Detector<O, M extends string> {
  readonly id: string;
  readonly messages: Readonly<Record<M, string>>;
  gate(text: string, options: O, filename: string): boolean;
  detect(file: FileInput, options: O, report: Report<M>): void;
}
