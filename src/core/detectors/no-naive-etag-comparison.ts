import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeMember, calleeName, constInitializer, memberName, resolveVariable, staticValue, unwrap } from '../ast.js';
import { contains, getFileIndex } from '../analysis/file-index.js';
import { originOf } from '../analysis/origins.js';
import { addDefaultImport } from '../edits/imports.js';
import { getHttpAnalysis } from '../http/analysis.js';
import type { Detector, FileInput, SuggestionPlan, TextEdit } from '../model.js';

/** Message ids of `no-naive-etag-comparison`. */
export type NoNaiveEtagComparisonMessageId = 'naiveComparison' | 'useRequestFresh' | 'useFreshPackage';

/**
 * `If-None-Match` compared to an ETag with `===`, `==` or `.includes()`: the header may hold
 * a weak validator (`W/"..."`), a list of ETags, or `*`, and RFC 9110 compares weakly, so
 * the naive check answers 200 with the full body where a 304 was due (and the reverse with
 * `includes` on a prefix). The proof is the header name itself, read from any request.
 */
export const noNaiveEtagComparison: Detector<Record<string, never>, NoNaiveEtagComparisonMessageId> = {
  id: 'no-naive-etag-comparison',
  messages: {
    naiveComparison:
      'Comparing `If-None-Match` with `{{operator}}` misses weak validators (`W/"..."`), lists of ETags and `*`, so clients that already have the response download it again.',
    useRequestFresh: 'Use `{{replacement}}`, which implements the RFC 9110 comparison.',
    useFreshPackage: 'Use the `fresh` package: `{{replacement}}`.',
  },
  gate: (text) => /if-none-match/i.test(text),
  detect(file, _options, report) {
    const index = getFileIndex(file);
    for (const comparison of index.comparisons) {
      const leftRead = inmRead(comparison.left, file);
      const rightRead = leftRead ? undefined : inmRead(comparison.right, file);
      const read = leftRead ?? rightRead;
      if (!read) continue;
      const other = leftRead ? comparison.right : comparison.left;
      // `if (!ifNoneMatch)` style presence checks compare with undefined/null/'': not a match test.
      if (isAbsenceValue(other)) continue;
      const negated = comparison.operator === '!==' || comparison.operator === '!=';
      report({
        messageId: 'naiveComparison',
        data: { operator: comparison.operator },
        node: comparison,
        suggestions: suggestionsFor(comparison, read, other, negated, file),
      });
    }
    for (const call of index.calls) {
      const name = calleeName(call);
      if (name !== 'includes' && name !== 'indexOf' && name !== 'startsWith' && name !== 'endsWith') continue;
      const member = calleeMember(call);
      if (!member || !call.arguments[0] || call.arguments[0].type === AST_NODE_TYPES.SpreadElement) continue;
      const read = inmRead(member.object, file);
      if (!read) continue;
      const target = call.parent?.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
      const negatedByIndex = name === 'indexOf';
      report({
        messageId: 'naiveComparison',
        data: { operator: `.${name}()` },
        node: call,
        // indexOf comparisons are rewritten at the enclosing comparison, which is harder to do safely.
        suggestions: negatedByIndex ? [] : suggestionsFor(target, read, call.arguments[0], false, file),
      });
    }
  },
};

/** A read of the `If-None-Match` request header: `x.headers['if-none-match']`, `x.get('If-None-Match')`, `x.headers.get(...)`. */
interface InmRead {
  /** The request object the header is read from (`req`, `ctx`, `request`), when the form shows it. */
  readonly request: TSESTree.Node | undefined;
  /** True for `x.headers[...]` on a plain headers object (node, express, fastify, koa). */
  readonly plainHeaders: boolean;
}

function inmRead(node: TSESTree.Node, file: FileInput, depth = 0): InmRead | undefined {
  if (depth > 4) return undefined;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(expression);
      if (name?.toLowerCase() !== 'if-none-match') return undefined;
      const headers = unwrap(expression.object);
      if (headers.type === AST_NODE_TYPES.MemberExpression && memberName(headers) === 'headers') {
        return { request: headers.object, plainHeaders: true };
      }
      return { request: undefined, plainHeaders: false };
    }
    case AST_NODE_TYPES.CallExpression: {
      const name = calleeName(expression);
      if (name !== 'get' && name !== 'header' && name !== 'getHeader') return undefined;
      const argument = expression.arguments[0];
      const header = argument ? staticValue(argument, file) : undefined;
      if (typeof header !== 'string' || header.toLowerCase() !== 'if-none-match') return undefined;
      const member = calleeMember(expression);
      return { request: member?.object, plainHeaders: false };
    }
    case AST_NODE_TYPES.LogicalExpression:
      return expression.operator === '??' || expression.operator === '||' ? inmRead(expression.left, file, depth + 1) : undefined;
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(expression, file) ?? neverReassignedInit(expression, file);
      return init ? inmRead(init, file, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function neverReassignedInit(identifier: TSESTree.Identifier, file: FileInput): TSESTree.Expression | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  const def = variable?.defs[0];
  if (!variable || !def || def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== declarator.id)) return undefined;
  return declarator.init ?? undefined;
}

function isAbsenceValue(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Literal) return expression.value === null || expression.value === '';
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === 'undefined';
  return expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void';
}

function suggestionsFor(
  target: TSESTree.Node,
  read: InmRead,
  etag: TSESTree.Node,
  negated: boolean,
  file: FileInput,
): SuggestionPlan<NoNaiveEtagComparisonMessageId>[] {
  const out: SuggestionPlan<NoNaiveEtagComparisonMessageId>[] = [];
  const bang = negated ? '!' : '';
  const request = read.request ? unwrap(read.request) : undefined;
  const requestText = request ? file.text.slice(request.range[0], request.range[1]) : undefined;
  // Express `req.fresh` / Koa `ctx.fresh` compare against the ETag already set on the response.
  const handler = getHttpAnalysis(file).handlers.find((h) => contains(h.fn, target));
  if (
    handler &&
    (handler.framework === 'express' || handler.framework === 'koa') &&
    request?.type === AST_NODE_TYPES.Identifier &&
    handler.request?.name === request.name &&
    handler.writes.some((write) => write.name === 'etag' && write.node.range[1] <= target.range[0])
  ) {
    const replacement = `${bang}${request.name}.fresh`;
    out.push({ messageId: 'useRequestFresh', data: { replacement }, edits: [{ range: target.range, text: replacement }] });
  }
  if (read.plainHeaders && requestText && /^[\w$.]+$/.test(requestText)) {
    const etagText = file.text.slice(etag.range[0], etag.range[1]);
    const needsParens = unwrap(etag).type === AST_NODE_TYPES.SequenceExpression;
    const local = freshBinding(file);
    if (local !== null) {
      const replacement = `${bang}${local ?? 'fresh'}(${requestText}.headers, { etag: ${needsParens ? `(${etagText})` : etagText} })`;
      const edits: TextEdit[] = [{ range: target.range, text: replacement }];
      if (local === undefined) edits.unshift(addDefaultImport(file, 'fresh', 'fresh'));
      out.push({ messageId: 'useFreshPackage', data: { replacement }, edits });
    }
  }
  return out;
}

/**
 * The local name of the `fresh` package when the file already imports it; undefined when it
 * does not (so an import is added); null when the name `fresh` is taken by something else.
 */
function freshBinding(file: FileInput): string | undefined | null {
  const index = getFileIndex(file);
  for (const declaration of index.imports) {
    if (declaration.source.value !== 'fresh') continue;
    const specifier = declaration.specifiers.find((s) => s.type !== AST_NODE_TYPES.ImportSpecifier);
    if (specifier) return specifier.local.name;
  }
  const globalScope = file.scopeManager?.globalScope;
  const scopes = globalScope ? [globalScope, ...globalScope.childScopes] : [];
  for (const scope of scopes) {
    const variable = scope.set.get('fresh');
    if (!variable) continue;
    const def = variable.defs[0];
    if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const origin = originOf(def.node.init, file);
      if (origin?.source === 'fresh') return 'fresh';
    }
    return null;
  }
  return undefined;
}
