import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { constInitializer, indentAt, lineBreak, memberName, resolveVariable, unwrap } from '../../core/ast.js';
import type { FileInput, TextEdit } from '../../core/model.js';
import { getStoreAnalysis, type StoreSite } from '../../core/stores/analysis.js';
import { addImport, dependencyAdvice, existingBinding, moduleQuote, semicolon, type Mark } from './shared.js';
import type { Migration } from './types.js';

const SOURCES = new Set(['lodash', 'lodash-es', 'lodash/memoize', 'lodash/memoize.js', 'lodash.memoize', 'lodash-es/memoize']);

/**
 * lodash `memoize` keeps every result forever (its MapCache has no bound) and keys on the first
 * argument only. With `--option max=<n>`, each module-level `const f = memoize(...)` gets an
 * LRU cache of n entries (`f.cache = new LRUCache({ max: n })`: lodash's memoize uses any
 * get/set/has/delete cache). Without it, unbounded module-level memoizes are marked. Functions of
 * several parameters memoized without a resolver, and object-keyed ones, are always marked.
 */
export const lodashMemoizeBounded: Migration = {
  name: 'lodash-memoize-bounded',
  description: 'lodash memoize → bounded by an lru-cache LRUCache with --option max=<n> (assisted); marks unbounded memoizes and multi-argument functions without a resolver',
  package: 'lodash',
  alsoFor: ['lodash-es', 'lodash.memoize'],
  targetPackage: 'lru-cache',
  targetMajor: 11,
  ranges: () => ({ 'lru-cache': '^11.0.0' }),
  options: { max: 'the entry limit of each module-level memoize cache (a positive integer); without it, unbounded memoizes are only marked' },
  checkOptions(options) {
    if (options.max === undefined) return;
    const max = Number(options.max);
    if (!Number.isInteger(max) || max < 1) throw new Error(`lodash-memoize-bounded: --option max must be a positive integer, got "${options.max}"`);
  },
  gate: (text) => text.includes('lodash') && text.includes('memoize'),
  transform(file, options) {
    lodashMemoizeBounded.checkOptions!(options);
    const max = options.max === undefined ? undefined : Number(options.max);
    const edits: TextEdit[] = [];
    const marks: Mark[] = [];
    const reports: Mark[] = [];
    let className: string | undefined;
    for (const site of getStoreAnalysis(file).stores) {
      if (site.library !== 'lodash-memoize' || !site.origin || !SOURCES.has(site.origin.source)) continue;
      const call = site.creation?.type === AST_NODE_TYPES.CallExpression ? site.creation : undefined;
      if (!call) continue;
      const [fn, resolver] = call.arguments;
      if (!fn) continue;
      if (!resolver) checkKey(fn, call, file, marks);
      if (site.level !== 'module') continue;
      if (hasCacheAssignment(site, file)) continue;
      if (max === undefined) {
        marks.push({ node: call, message: 'memoize keeps every result for the life of the process: bound it (rerun with --option max=<n> to give it an LRU cache of n entries)' });
        continue;
      }
      const statement = declarationStatement(site);
      if (!statement) {
        marks.push({ node: call, message: `bound this cache: assign \`.cache = new LRUCache({ max: ${max} })\` to the memoized function` });
        continue;
      }
      className ??= existingBinding(file, 'lru-cache', 'LRUCache') ?? 'LRUCache';
      const eol = lineBreak(file.text);
      const name = site.binding.kind === 'variable' ? site.binding.name : '';
      edits.push({ range: [statement.range[1], statement.range[1]], text: `${eol}${indentAt(file.text, statement.range[0])}${name}.cache = new ${className}({ max: ${max} })${semicolon(file)}` });
    }
    if (className && existingBinding(file, 'lru-cache', 'LRUCache') === undefined) {
      edits.push(addImport(file, 'lru-cache', 'LRUCache', moduleQuote(file)));
      const advice = dependencyAdvice(file, 'lru-cache', 11);
      if (advice) reports.push({ node: file.ast, message: `the bounded caches come from lru-cache (its named LRUCache export): ${advice}` });
    }
    return { edits, marks, reports };
  },
};

/** The `const f = memoize(...)` statement at module level (possibly exported), when the store is bound that way. */
function declarationStatement(site: StoreSite): TSESTree.Node | undefined {
  if (site.binding.kind !== 'variable') return undefined;
  const declarator = site.binding.id.parent;
  const declaration = declarator?.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1) return undefined;
  if (!declarator.init || unwrap(declarator.init) !== site.creation) return undefined;
  const holder = declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
  return holder.parent?.type === AST_NODE_TYPES.Program ? holder : undefined;
}

/** `f.cache = ...` already in the file: bounded already (a second run, or by hand). */
function hasCacheAssignment(site: StoreSite, file: FileInput): boolean {
  if (site.binding.kind !== 'variable') return false;
  const variable = resolveVariable(site.binding.id, file.scopeManager);
  return (variable?.references ?? []).some((reference) => {
    const member = reference.identifier.parent;
    const assignment = member?.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && memberName(member) === 'cache' && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member;
  });
}

/** Marks memoized functions whose cache key (the first argument) cannot tell calls apart. */
function checkKey(fn: TSESTree.CallExpressionArgument, call: TSESTree.CallExpression, file: FileInput, marks: Mark[]): void {
  const target = functionOf(fn, file);
  if (!target) return;
  const params = target.params;
  if (params.length > 1 || params[0]?.type === AST_NODE_TYPES.RestElement) {
    marks.push({ node: call, message: 'memoize keys on the first argument only: calls that differ in later arguments get the first result; pass a resolver, e.g. memoize(fn, (a, b) => `${a}:${b}`)' });
    return;
  }
  const first = params[0];
  const pattern = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (pattern?.type === AST_NODE_TYPES.ObjectPattern || pattern?.type === AST_NODE_TYPES.ArrayPattern) {
    marks.push({ node: call, message: 'memoize keys on the argument object itself: a new object per call never hits and every call adds an entry; pass a resolver that builds a key from its fields' });
  }
}

function functionOf(node: TSESTree.Node, file: FileInput): TSESTree.FunctionLike | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.ArrowFunctionExpression || expression.type === AST_NODE_TYPES.FunctionExpression) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = resolveVariable(expression, file.scopeManager)?.defs[0];
  if (def?.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  const init = constInitializer(expression, file);
  return init && (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) ? init : undefined;
}
