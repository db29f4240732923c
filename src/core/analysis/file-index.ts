import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FileInput } from '../model.js';

/** A function-like node: declarations, expressions and arrows. */
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/**
 * The nodes of one file that any detector starts from, collected in one walk.
 * Detectors filter these short lists instead of walking the tree themselves.
 */
export interface FileIndex {
  readonly calls: TSESTree.CallExpression[];
  readonly news: TSESTree.NewExpression[];
  readonly functions: FunctionNode[];
  readonly comparisons: TSESTree.BinaryExpression[];
  readonly properties: TSESTree.Property[];
  readonly decorators: TSESTree.Decorator[];
  readonly exports: (TSESTree.ExportNamedDeclaration | TSESTree.ExportDefaultDeclaration)[];
  readonly imports: TSESTree.ImportDeclaration[];
  readonly classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[];
  readonly assignments: TSESTree.AssignmentExpression[];
  readonly directives: TSESTree.ExpressionStatement[];
  /** `this.x` member expressions, for stores kept in class fields. */
  readonly thisMembers: TSESTree.MemberExpression[];
  /** Tagged templates (`` sql`UPDATE ...` ``). */
  readonly taggedTemplates: TSESTree.TaggedTemplateExpression[];
}

const indexes = new WeakMap<TSESTree.Program, FileIndex>();

/**
 * The file's index, built on first use and shared by every detector that runs on the same AST
 * (ESLint gives all rules the same Program node). Also sets `parent` where a host left it unset.
 */
export function getFileIndex(file: Pick<FileInput, 'ast' | 'visitorKeys'>): FileIndex {
  const cached = indexes.get(file.ast);
  if (cached) return cached;
  const index: FileIndex = {
    calls: [],
    news: [],
    functions: [],
    comparisons: [],
    properties: [],
    decorators: [],
    exports: [],
    imports: [],
    classes: [],
    assignments: [],
    directives: [],
    thisMembers: [],
    taggedTemplates: [],
  };
  const keys = file.visitorKeys;
  // An explicit stack: deep ASTs (long concatenations, minified code) must not overflow the call stack.
  const stack: TSESTree.Node[] = [file.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        index.calls.push(node);
        break;
      case AST_NODE_TYPES.NewExpression:
        index.news.push(node);
        break;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        index.functions.push(node);
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator === '===' || node.operator === '==' || node.operator === '!==' || node.operator === '!=') {
          index.comparisons.push(node);
        }
        break;
      case AST_NODE_TYPES.Property:
        index.properties.push(node);
        break;
      case AST_NODE_TYPES.Decorator:
        index.decorators.push(node);
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration:
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        index.exports.push(node);
        break;
      case AST_NODE_TYPES.ImportDeclaration:
        index.imports.push(node);
        break;
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        index.classes.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        index.assignments.push(node);
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        if (node.directive !== undefined) index.directives.push(node);
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (node.object.type === AST_NODE_TYPES.ThisExpression) index.thisMembers.push(node);
        break;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        index.taggedTemplates.push(node);
        break;
      default:
        break;
    }
    const childKeys = keys[node.type];
    if (!childKeys) continue;
    // Push children in reverse so that lists come out in source order.
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[childKeys[k]!];
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as TSESTree.Node | null;
          if (child && typeof child.type === 'string') {
            if (!child.parent) (child as unknown as { parent: TSESTree.Node }).parent = node;
            stack.push(child);
          }
        }
      } else if (typeof (value as TSESTree.Node).type === 'string') {
        const child = value as TSESTree.Node;
        if (!child.parent) (child as unknown as { parent: TSESTree.Node }).parent = node;
        stack.push(child);
      }
    }
  }
  indexes.set(file.ast, index);
  return index;
}

/** Per-file memo for any analysis derived from the AST (keyed by analysis identity, then Program). */
export function memoPerFile<T>(key: object, ast: TSESTree.Program, compute: () => T): T {
  let byFile = perAnalysis.get(key);
  if (!byFile) {
    byFile = new WeakMap();
    perAnalysis.set(key, byFile);
  }
  if (byFile.has(ast)) return byFile.get(ast) as T;
  const value = compute();
  byFile.set(ast, value);
  return value;
}
const perAnalysis = new WeakMap<object, WeakMap<TSESTree.Program, unknown>>();

/** True when `inner` lies within `outer` by source range. */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
