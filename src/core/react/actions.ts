import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunction } from '../ast.js';
import { getFileIndex, memoPerFile, type FunctionNode } from '../analysis/file-index.js';
import type { FileInput } from '../model.js';
import { fileHasDirective, functionHasDirective, functionName } from './directives.js';

/** A Next.js server action: its function and the name it is exported or declared under. */
export interface ServerAction {
  readonly fn: FunctionNode;
  readonly name: string;
}

const KEY = {};

/**
 * The server actions a file defines. With `'use server'` at the top of the file, every exported
 * function (`export async function`, `export const x = async () => {}`, `export default`,
 * `export { a, b }` of local functions); anywhere, a function whose body opens with
 * `'use server'` (inline actions in server components). Found from the top-level statements
 * and the shared index's directive list: no walk.
 */
export function serverActions(file: FileInput): readonly ServerAction[] {
  return memoPerFile(KEY, file.ast, () => {
    const out: ServerAction[] = [];
    const seen = new Set<FunctionNode>();
    const add = (fn: FunctionNode | undefined, name: string): void => {
      if (!fn || seen.has(fn)) return;
      seen.add(fn);
      out.push({ fn, name });
    };
    if (fileHasDirective(file.ast, 'use server')) {
      const locals = new Map<string, FunctionNode>();
      for (const statement of file.ast.body) {
        const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
        if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) locals.set(declaration.id.name, declaration);
        if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && isFunction(declarator.init)) locals.set(declarator.id.name, declarator.init);
        }
      }
      for (const statement of file.ast.body) {
        if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
          const declaration = statement.declaration;
          if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) add(declaration, declaration.id.name);
          if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && isFunction(declarator.init)) add(declarator.init, declarator.id.name);
            }
          }
          if (statement.source) continue;
          for (const specifier of statement.specifiers) {
            if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
            const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
            add(locals.get(specifier.local.name), exported);
          }
        } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
          const declaration = statement.declaration;
          if (isFunction(declaration)) add(declaration, functionName(declaration) ?? 'default');
          else if (declaration.type === AST_NODE_TYPES.Identifier) add(locals.get(declaration.name), declaration.name);
        }
      }
    }
    for (const statement of getFileIndex(file).directives) {
      if (statement.directive !== 'use server') continue;
      const fn = statement.parent?.type === AST_NODE_TYPES.BlockStatement ? statement.parent.parent : undefined;
      if (isFunction(fn) && functionHasDirective(fn, 'use server')) add(fn, functionName(fn) ?? 'action');
    }
    return out;
  });
}
