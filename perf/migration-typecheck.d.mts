// Types for perf/migration-typecheck.mjs (imported by test/codemod/migrations.test.ts).

export interface TypeError {
  file: string;
  line: number;
  column: number;
  code: number;
  message: string;
  /** A `// cache-codemod-todo(...)` marker sits right above a node enclosing the error. */
  marked: boolean;
}

export declare function typeCheck(files: readonly string[], compilerOptions: Record<string, unknown>, basePath: string): TypeError[];
export declare function isMarked(source: unknown, position: number): boolean;
export declare function typeCheckProject(tsconfigPath: string): TypeError[];
