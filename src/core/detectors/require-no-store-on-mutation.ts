import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeMember, isFunction, memberName, preferredQuote, unwrap } from '../ast.js';
import { getFileIndex } from '../analysis/file-index.js';
import { originOf } from '../analysis/origins.js';
import { addNamedImport } from '../edits/imports.js';
import { getHttpAnalysis, middlewareName, type Handler, type HttpAnalysis } from '../http/analysis.js';
import { isCachingValue } from '../http/cache-control.js';
import { insertAtHandlerStart, quote, replaceValue } from '../http/edits.js';
import { MUTATION_METHODS } from '../http/frameworks.js';
import { cachePolicy } from '../http/policy.js';
import type { Detector, FileInput, TextEdit } from '../model.js';

/** Options of `require-no-store-on-mutation`. */
export interface RequireNoStoreOnMutationOptions {
  /** Also report mutation handlers that set no `Cache-Control` at all (the reference's rule). */
  readonly checkMissing: boolean;
  /** Middleware (by name as written at the route or `app.use`) that already sets `no-store`. */
  readonly noStoreMiddleware: readonly string[];
}

/** Message ids of `require-no-store-on-mutation`. */
export type RequireNoStoreOnMutationMessageId = 'cachingMutation' | 'missingNoStore';

/** Packages whose middleware sets `Cache-Control: no-store` (or stronger) on every response. */
const NO_STORE_PACKAGES: ReadonlySet<string> = new Set(['nocache', 'no-cache', 'helmet/nocache']);

/**
 * Mutation handlers (`POST`, `PUT`, `PATCH`, `DELETE`) must not be stored by caches: one that
 * sets a caching `Cache-Control` is always reported; one that sets none is reported unless
 * `checkMissing` is off or middleware already sets `no-store`. Next.js server actions are not
 * route handlers and never reach this detector (Next sets `no-cache` on them itself).
 */
export const requireNoStoreOnMutation: Detector<RequireNoStoreOnMutationOptions, RequireNoStoreOnMutationMessageId> = {
  id: 'require-no-store-on-mutation',
  messages: {
    cachingMutation:
      'This {{method}} handler sends `Cache-Control: {{value}}`, so a cache may store the response to a state-changing request and replay it; send `no-store`.',
    missingNoStore:
      'This {{method}} handler sets no `Cache-Control`, so a cache between client and server may store the response to a state-changing request; send `Cache-Control: no-store`.',
  },
  gate: (text) => /post|put|patch|delete|\bdel\b|method/i.test(text),
  detect(file, options, report) {
    const analysis = getHttpAnalysis(file);
    for (const handler of analysis.handlers) {
      const method = handler.methods.find((m) => MUTATION_METHODS.has(m));
      if (!method) continue;
      const policy = cachePolicy(handler.writes);
      for (const { write, parsed } of policy.values) {
        if (write.mode !== 'set' || !isCachingValue(parsed)) continue;
        const fix = replaceValue(write, 'no-store', file);
        report({
          messageId: 'cachingMutation',
          data: { method, value: String(write.value) },
          node: write.valueNode ?? write.node,
          ...(fix ? { fix } : {}),
        });
      }
      if (!options.checkMissing || !policy.none) continue;
      if (coveredByMiddleware(handler, analysis, file, options)) continue;
      const fix = noStoreFix(handler, file);
      report({
        messageId: 'missingNoStore',
        data: { method },
        node: reportNode(handler),
        ...(fix ? { fix } : {}),
      });
    }
  },
};

/** The method name of a registration (`app.post`), the export name, or the Nest decorator key. */
function reportNode(handler: Handler): TSESTree.Node {
  const node = handler.node;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const member = calleeMember(node);
    if (member) return member.property;
  }
  return node;
}

function coveredByMiddleware(handler: Handler, analysis: HttpAnalysis, file: FileInput, options: RequireNoStoreOnMutationOptions): boolean {
  const named = new Set(options.noStoreMiddleware);
  const matches = (node: TSESTree.Node): boolean => {
    const name = middlewareName(node);
    if (name && (named.has(name) || [...named].some((n) => name.split(',').includes(n)))) return true;
    const expression = unwrap(node);
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const origin = originOf(callee, file);
    return !!origin && NO_STORE_PACKAGES.has(origin.source);
  };
  if (handler.middleware.some(matches)) return true;
  // Route-level middleware defined in this file that itself sets Cache-Control.
  for (const other of analysis.handlers) {
    if (!other.methods.includes('USE') || other.writes.every((w) => w.name !== 'cache-control')) continue;
    if (handler.middleware.some((m) => unwrap(m) === other.fn || sameName(m, other))) return true;
  }
  // App-level: app.use(nocache()), app.use(noStore), app.use((req, res, next) => { res.set('Cache-Control', ...) })
  const app = handler.app ? unwrap(handler.app) : undefined;
  if (app?.type !== AST_NODE_TYPES.Identifier) return false;
  for (const middleware of analysis.appMiddleware.get(app.name) ?? []) {
    if (middleware.writes.some((w) => w.name === 'cache-control') && middleware.fn.range[0] < handler.fn.range[0]) return true;
  }
  for (const call of getFileIndex(file).calls) {
    const member = calleeMember(call);
    if (!member || memberName(member) !== 'use') continue;
    const object = unwrap(member.object);
    if (object.type !== AST_NODE_TYPES.Identifier || object.name !== app.name) continue;
    if (call.range[0] > handler.fn.range[0]) continue;
    if (call.arguments.some(matches)) return true;
  }
  return false;
}

function sameName(node: TSESTree.Node, handler: Handler): boolean {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const fn = handler.fn;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name === expression.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && parent.id.name === expression.name;
}

/** The framework's own way of sending `no-store`, inserted where it cannot change anything else. */
function noStoreFix(handler: Handler, file: FileInput): TextEdit[] | undefined {
  if (handler.framework === 'nest') {
    const edits = insertAtHandlerStart(handler, 'Cache-Control', 'no-store', file);
    if (!edits) return undefined;
    const importEdit = addNamedImport(file, 'Header', '@nestjs/common');
    return importEdit ? [...edits, importEdit] : edits;
  }
  if (handler.framework === 'next') return nextResponseFix(handler, file);
  return insertAtHandlerStart(handler, 'Cache-Control', 'no-store', file);
}

/**
 * Next.js route handlers return their response: add the header to the init of every
 * `NextResponse.json(...)`/`Response.json(...)`/`new Response(...)` the handler returns
 * directly, or give up when any return is built another way.
 */
function nextResponseFix(handler: Handler, file: FileInput): TextEdit[] | undefined {
  const body = handler.fn.body;
  if (!body) return undefined;
  const returns: TSESTree.Node[] = [];
  if (body.type !== AST_NODE_TYPES.BlockStatement) returns.push(body);
  else collectReturns(body, returns);
  if (returns.length === 0) return undefined;
  const q = preferredQuote(file.text);
  const header = `${quote('Cache-Control', q)}: ${quote('no-store', q)}`;
  const edits: TextEdit[] = [];
  for (const value of returns) {
    const expression = unwrap(value);
    let args: readonly TSESTree.CallExpressionArgument[];
    let closeAt: number;
    let initIndex: number;
    if (expression.type === AST_NODE_TYPES.NewExpression) {
      const callee = unwrap(expression.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || (callee.name !== 'Response' && callee.name !== 'NextResponse')) return undefined;
      args = expression.arguments;
      initIndex = 1;
    } else if (expression.type === AST_NODE_TYPES.CallExpression) {
      const member = calleeMember(expression);
      const object = member ? unwrap(member.object) : undefined;
      if (!member || memberName(member) !== 'json' || object?.type !== AST_NODE_TYPES.Identifier || (object.name !== 'Response' && object.name !== 'NextResponse')) {
        return undefined;
      }
      args = expression.arguments;
      initIndex = 1;
    } else {
      return undefined;
    }
    closeAt = expression.range[1] - 1;
    const init = args[initIndex];
    if (!init) {
      if (args.length === 0) {
        if (initIndex === 1) edits.push({ range: [closeAt, closeAt], text: `null, { headers: { ${header} } }` });
        continue;
      }
      const last = args[args.length - 1]!;
      edits.push({ range: [last.range[1], last.range[1]], text: `, { headers: { ${header} } }` });
      continue;
    }
    const object = unwrap(init);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const headers = object.properties.find(
      (p): p is TSESTree.ObjectLiteralElement & TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'headers',
    );
    if (!headers) {
      const last = object.properties[object.properties.length - 1];
      edits.push(
        last
          ? { range: [last.range[1], last.range[1]], text: `, headers: { ${header} }` }
          : { range: [object.range[0] + 1, object.range[1] - 1], text: ` headers: { ${header} } ` },
      );
      continue;
    }
    const headersObject = unwrap(headers.value);
    if (headersObject.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const last = headersObject.properties[headersObject.properties.length - 1];
    edits.push(
      last
        ? { range: [last.range[1], last.range[1]], text: `, ${header}` }
        : { range: [headersObject.range[0] + 1, headersObject.range[1] - 1], text: ` ${header} ` },
    );
  }
  return edits.length > 0 ? edits : undefined;
}

/** Return arguments in a function body, not descending into nested functions. */
function collectReturns(node: TSESTree.Node, out: TSESTree.Node[]): void {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.ReturnStatement) {
      if (current.argument) out.push(current.argument);
      continue;
    }
    if (isFunction(current) || current.type === AST_NODE_TYPES.ClassBody) continue;
    for (const value of Object.values(current)) {
      if (value && typeof value === 'object' && value !== current.parent) {
        if (Array.isArray(value)) {
          for (const child of value) if (child && typeof child.type === 'string') stack.push(child);
        } else if (typeof (value as TSESTree.Node).type === 'string' && (value as TSESTree.Node) !== current.parent) {
          stack.push(value as TSESTree.Node);
        }
      }
    }
  }
}
