// Type-checks migrated files against the target versions of the caching packages, and tells the
// errors a migration answers for from those it already admitted: an error inside a statement,
// property or declaration that a `// cache-codemod-todo(...)` marker sits right above is marked
// (the migration said a human must finish it); any other error is unmarked. Used by
// test/codemod/migrations.test.ts (the fixtures) and perf/migrations-real.mjs (real repositories).

import ts from 'typescript';

const MARKER = /^\s*\/\/ cache-codemod-todo\(/;

/**
 * Runs the TypeScript checker over `files` with `compilerOptions` (plain tsconfig JSON, resolved
 * against `basePath`). Returns every diagnostic located in one of `files`, with `marked` set when a
 * marker covers it.
 */
export function typeCheck(files, compilerOptions, basePath) {
  const { options, errors } = ts.convertCompilerOptionsFromJson(compilerOptions, basePath);
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, '\n'));
  // `paths` without a baseUrl resolve against the directory the options come from, as tsc does.
  return check(files, { ...options, pathsBasePath: basePath });
}

function check(files, options) {
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const wanted = new Set(files.map((file) => program.getSourceFile(file)?.fileName).filter(Boolean));
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()];
  const out = [];
  for (const diagnostic of diagnostics) {
    const source = diagnostic.file;
    if (!source || !wanted.has(source.fileName) || diagnostic.start === undefined) continue;
    const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start);
    out.push({
      file: source.fileName,
      line: line + 1,
      column: character + 1,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      marked: isMarked(source, diagnostic.start),
    });
  }
  return out;
}

/** typeCheck over the files a tsconfig.json includes, with its compiler options. */
export function typeCheckProject(tsconfigPath) {
  const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const basePath = tsconfigPath.replace(/[\\/][^\\/]*$/, '');
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, basePath);
  return check(parsed.fileNames, parsed.options);
}

/** True when a node enclosing `position` starts on the line right below a marker comment. */
export function isMarked(source, position) {
  const lines = source.text.split('\n');
  let node = findNode(source, position);
  while (node && node.kind !== ts.SyntaxKind.SourceFile) {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    if (line > 0 && MARKER.test(lines[line - 1] ?? '')) return true;
    node = node.parent;
  }
  return false;
}

function findNode(source, position) {
  let found;
  const visit = (node) => {
    if (position < node.getFullStart() || position >= node.getEnd()) return;
    found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return found;
}
