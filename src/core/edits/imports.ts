import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { lineBreak, preferredQuote } from '../ast.js';
import { requireSource } from '../analysis/origins.js';
import type { FileInput, TextEdit } from '../model.js';

/** Whether the file is an ES module (has `import`/`export`) rather than a CommonJS script. */
export function isModuleFile(file: FileInput): boolean {
  return file.ast.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
}

/**
 * An edit that adds `import local from 'source'` (or `const local = require('source')` in a
 * CommonJS file) after the last import or require at the top of the file.
 */
export function addDefaultImport(file: FileInput, local: string, source: string): TextEdit {
  const q = preferredQuote(file.text);
  const eol = lineBreak(file.text);
  const semi = file.text.includes(';') ? ';' : '';
  const esm = isModuleFile(file);
  const statement = esm ? `import ${local} from ${q}${source}${q}${semi}` : `const ${local} = require(${q}${source}${q})${semi}`;
  let last: TSESTree.Node | undefined;
  for (const node of file.ast.body) {
    if (node.type === AST_NODE_TYPES.ImportDeclaration) last = node;
    else if (!esm && node.type === AST_NODE_TYPES.VariableDeclaration && node.declarations.some((d) => d.init && requireSource(d.init))) last = node;
    else if (node.type === AST_NODE_TYPES.ExpressionStatement && node.directive !== undefined) last ??= node;
    else break;
  }
  if (last) return { range: [last.range[1], last.range[1]], text: `${eol}${statement}` };
  return { range: [0, 0], text: `${statement}${eol}` };
}

/**
 * An edit that adds a named import to an existing `import { ... } from 'source'`, or a new
 * import declaration when there is none. Undefined when the name is already imported.
 */
export function addNamedImport(file: FileInput, name: string, source: string): TextEdit | undefined {
  for (const node of file.ast.body) {
    if (node.type !== AST_NODE_TYPES.ImportDeclaration || node.source.value !== source || node.importKind === 'type') continue;
    const named = node.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    if (named.some((s) => s.local.name === name)) return undefined;
    const last = named[named.length - 1];
    if (last) return { range: [last.range[1], last.range[1]], text: `, ${name}` };
  }
  const q = preferredQuote(file.text);
  const semi = file.text.includes(';') ? ';' : '';
  const eol = lineBreak(file.text);
  const imports = file.ast.body.filter((node) => node.type === AST_NODE_TYPES.ImportDeclaration);
  const statement = `import { ${name} } from ${q}${source}${q}${semi}`;
  const last = imports[imports.length - 1];
  if (last) return { range: [last.range[1], last.range[1]], text: `${eol}${statement}` };
  // After a directive prologue (`'use server'`, `'use client'`): directives must stay first.
  let directive: TSESTree.Node | undefined;
  for (const node of file.ast.body) {
    if (node.type !== AST_NODE_TYPES.ExpressionStatement || node.directive === undefined) break;
    directive = node;
  }
  if (directive) return { range: [directive.range[1], directive.range[1]], text: `${eol}${eol}${statement}` };
  return { range: [0, 0], text: `${statement}${eol}` };
}
