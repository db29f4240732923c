import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeMember, isFunction, memberName, resolveVariable, staticValue, unwrap } from '../ast.js';
import { getFileIndex, memoPerFile, type FunctionNode } from '../analysis/file-index.js';
import { importedSources, isOrigin, originOf, originOfType } from '../analysis/origins.js';
import { USER_CALLS, USER_HEADERS } from '../http/analysis.js';
import { NEXT_ROUTE_EXPORTS } from '../http/frameworks.js';
import type { FileInput } from '../model.js';
import { dependencyMajor } from '../project/versions.js';

/*
 * Next.js server-side recognition shared by the Next rules: which files run on the server (and
 * which never reach the Data Cache), the route segment config a file exports, the request-time
 * APIs (`cookies()`, `headers()`, session helpers), and which values come from the request.
 */

// ---------------------------------------------------------------------------------------------
// Files

/** Pages Router files (`pages/…`, `src/pages/…`) outside `app/`: their `fetch` is plain Node `fetch`, never the Data Cache. */
export function isPagesRouterFile(filename: string): boolean {
  return /(^|[\\/])pages[\\/]/.test(filename) && !/(^|[\\/])app[\\/]/.test(filename);
}

/** `middleware.ts` / `proxy.ts` (Next 16's name): not rendered, so nothing there is fetch-cached. */
export function isMiddlewareFile(filename: string): boolean {
  return /(^|[\\/])(middleware|proxy)\.[cm]?[jt]sx?$/.test(filename);
}

/** App Router files that are server code unless they say `'use client'`: pages, layouts, templates, route handlers... */
export function isAppRouterServerFile(filename: string): boolean {
  return /(^|[\\/])app[\\/](?:.*[\\/])?(page|layout|template|default|route|not-found|loading|opengraph-image|twitter-image|icon|sitemap)\.[cm]?[jt]sx?$/.test(filename);
}

/** App Router route handler files (`app/**\/route.ts`). */
export function isRouteHandlerFile(filename: string): boolean {
  return /(^|[\\/])route\.[cm]?[jt]sx?$/.test(filename);
}

/**
 * True when the file's prologue says `'use client'`. (A plain prologue read, kept here so this
 * module stands alone; `directives.ts` has the general directive helpers.)
 */
export function isClientModule(file: FileInput): boolean {
  for (const statement of file.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === 'use client') return true;
  }
  return false;
}

/** Imports that only server code can have. */
const SERVER_SOURCES: readonly (string | RegExp)[] = [
  'next/headers',
  'next/cache',
  'next/server',
  'server-only',
  'next-auth',
  'next-auth/next',
  'next-auth/jwt',
  /^@clerk\/nextjs\/server$/,
  /^@auth0\/nextjs-auth0(?:\/edge)?$/,
];

/**
 * True when the file is Next.js server code: a `'use server'` or `'use cache'` file or function,
 * an import only the server can have (`next/headers`, `next/cache`, `next/server`, `server-only`,
 * NextAuth's, Clerk's and Auth0's Next.js server entry points), or an App Router page, layout or route file. `'use client'`
 * files never are, whatever they import.
 */
export function isNextServerFile(file: FileInput): boolean {
  return memoPerFile(SERVER_KEY, file.ast, () => {
    if (isClientModule(file)) return false;
    if (isAppRouterServerFile(file.filename)) return true;
    const index = getFileIndex(file);
    // `import type { Session } from 'next-auth'` is as common in client code as in server code.
    for (const source of importedSources(index.imports.filter((declaration) => declaration.importKind !== 'type'))) {
      if (SERVER_SOURCES.some((entry) => (typeof entry === 'string' ? entry === source : entry.test(source)))) return true;
    }
    // 'use server' / 'use cache' in the file's prologue or a function's.
    return index.directives.some((statement) => statement.directive === 'use server' || isUseCache(statement.directive!));
  });
}
const SERVER_KEY = {};

/** `'use cache'`, `'use cache: remote'`, `'use cache: private'`, `'use cache: <profile>'`. */
export function isUseCache(directive: string): boolean {
  return directive === 'use cache' || directive.startsWith('use cache:');
}

/** The project's Next.js major version: the option when set, else the nearest package.json (installed copy first). */
export function nextMajor(filename: string, option: number | null | undefined): number | undefined {
  return option ?? dependencyMajor(filename, 'next');
}

// ---------------------------------------------------------------------------------------------
// Route segment config

/** The route segment config a file exports (`export const dynamic = 'force-dynamic'`...), when static. */
export interface SegmentConfig {
  readonly dynamic?: string;
  readonly fetchCache?: string;
  /** `export const revalidate`: seconds, or `false` (cache indefinitely). */
  readonly revalidate?: number | false;
}

/** Reads `dynamic`, `fetchCache` and `revalidate` from the file's `export const` declarations. */
export function segmentConfig(file: FileInput): SegmentConfig {
  return memoPerFile(SEGMENT_KEY, file.ast, () => {
    const out: { dynamic?: string; fetchCache?: string; revalidate?: number | false } = {};
    for (const declaration of getFileIndex(file).exports) {
      if (declaration.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
      const inner = declaration.declaration;
      if (inner?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of inner.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
        const name = declarator.id.name;
        const init = unwrap(declarator.init);
        if (name === 'revalidate') {
          if (init.type === AST_NODE_TYPES.Literal && init.value === false) out.revalidate = false;
          const value = staticValue(init, file);
          if (typeof value === 'string' && value !== '' && !Number.isNaN(Number(value))) out.revalidate = Number(value);
        } else if (name === 'dynamic' || name === 'fetchCache') {
          const value = staticValue(init, file);
          if (typeof value === 'string') out[name] = value;
        }
      }
    }
    return out;
  });
}
const SEGMENT_KEY = {};

/** True when the file exports a route handler for a method Next treats as non-static (POST, DELETE, PATCH, OPTIONS). */
export function exportsNonStaticMethod(file: FileInput): boolean {
  for (const declaration of getFileIndex(file).exports) {
    if (declaration.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    for (const name of exportedNames(declaration)) {
      if (name === 'POST' || name === 'DELETE' || name === 'PATCH' || name === 'OPTIONS') return true;
    }
  }
  return false;
}

function exportedNames(declaration: TSESTree.ExportNamedDeclaration): string[] {
  const inner = declaration.declaration;
  if (inner?.type === AST_NODE_TYPES.FunctionDeclaration && inner.id) return [inner.id.name];
  if (inner?.type === AST_NODE_TYPES.VariableDeclaration) {
    return inner.declarations.flatMap((d) => (d.id.type === AST_NODE_TYPES.Identifier ? [d.id.name] : []));
  }
  return declaration.specifiers.flatMap((s) => (s.exported.type === AST_NODE_TYPES.Identifier ? [s.exported.name] : []));
}

/** The exported route handler (`export async function GET(request)`, `export const GET = async (req) => …`) a function is. */
export function routeHandlerMethod(fn: FunctionNode): string | undefined {
  let name: string | undefined;
  let holder: TSESTree.Node | undefined = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) name = fn.id?.name;
  else if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    name = holder.id.name;
    holder = holder.parent;
  }
  if (!name || !NEXT_ROUTE_EXPORTS.has(name)) return undefined;
  const exported = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.parent : holder?.parent;
  return exported?.type === AST_NODE_TYPES.ExportNamedDeclaration ? name : undefined;
}

// ---------------------------------------------------------------------------------------------
// Request-time APIs

/** What a request read is: the cookies, the headers, or a session (which reads one of them). */
export type RequestKind = 'cookies' | 'headers' | 'session';

/** A call that reads the incoming request: `cookies()`/`headers()` from next/headers, or a session helper. */
export interface RequestCall {
  readonly kind: RequestKind;
  /** How to name it in a message: `` `cookies()` ``, `` `auth()` ``. */
  readonly text: string;
  /**
   * False for a helper of a local module whose name does not say it is server-only
   * (`getSession`, `currentUser` from `@/lib/...` may wrap a client API); `auth` and
   * `getServerSession` from a local module are NextAuth's server entry points re-exported.
   */
  readonly serverOnly: boolean;
}

/** Session helpers that only run on the server (NextAuth's client `getSession` is left out). */
function isServerSessionCall(source: string, name: string): boolean {
  if (source === 'next-auth/react') return false;
  return USER_CALLS.some((entry) => entry.name === name && (typeof entry.source === 'string' ? entry.source === source : entry.source.test(source)));
}

/** `cookies()`, `headers()` (next/headers), or a server session helper (`auth()`, `getServerSession()`, Clerk's `currentUser()`...). */
export function requestCall(call: TSESTree.CallExpression, file: FileInput): RequestCall | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const origin = originOf(callee, file);
  if (!origin || origin.via !== 'ref' || origin.path.length !== 1) return undefined;
  const name = origin.path[0]!;
  const text = `\`${callee.type === AST_NODE_TYPES.Identifier ? callee.name : name}()\``;
  if (origin.source === 'next/headers') {
    if (name === 'cookies') return { kind: 'cookies', text, serverOnly: true };
    if (name === 'headers') return { kind: 'headers', text, serverOnly: true };
    return undefined;
  }
  if (!isServerSessionCall(origin.source, name)) return undefined;
  const local = /^(?:[.@~]|#)/.test(origin.source) && !origin.source.startsWith('@auth/') && !origin.source.startsWith('@clerk/') && !origin.source.startsWith('@supabase/') && !origin.source.startsWith('@auth0/');
  return { kind: 'session', text, serverOnly: !local || name === 'auth' || name === 'getServerSession' };
}

/** Every request-reading call of the file (cheap: the shared index's call list, resolved only for candidate names). */
export function requestCalls(file: FileInput): ReadonlyMap<TSESTree.CallExpression, RequestCall> {
  return memoPerFile(CALLS_KEY, file.ast, () => {
    const out = new Map<TSESTree.CallExpression, RequestCall>();
    const index = getFileIndex(file);
    // Local names bound to a candidate export (aliases included); member calls go by the export's name.
    const locals = new Set<string>();
    for (const declaration of index.imports) {
      for (const specifier of declaration.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (CANDIDATE_NAMES.test(imported)) locals.add(specifier.local.name);
      }
    }
    if (locals.size === 0 && !index.imports.some((d) => d.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportNamespaceSpecifier))) return out;
    for (const call of index.calls) {
      const callee = unwrap(call.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (!name || !(callee.type === AST_NODE_TYPES.Identifier ? locals.has(name) : CANDIDATE_NAMES.test(name))) continue;
      const found = requestCall(call, file);
      if (found) out.set(call, found);
    }
    return out;
  });
}
const CALLS_KEY = {};
/** Exports worth resolving: next/headers' request APIs and the session helpers' names. */
const CANDIDATE_NAMES = /^(?:cookies|headers|auth|getServerSession|getSession|getToken|getAccessToken|currentUser|getAuth|getCurrentUser|createServerClient)$/;

// ---------------------------------------------------------------------------------------------
// Values that come from the request

/** Where a value comes from, when it comes from the incoming request. */
export interface RequestSource {
  /** `headers`: the request's header bag (only `Authorization`, `Cookie` and API-key reads of it identify the user). */
  readonly kind: RequestKind | 'request';
  /** For messages: `` `cookies()` ``, `` `auth()` ``, `` `request.headers` ``, `` `session` ``. */
  readonly text: string;
  /**
   * `api`: a Next request API (`cookies()`, `headers()`, a session helper), which marks the route
   * dynamic; `request`: a route handler's own request object; `name`: a parameter named or typed
   * as a session, whose caller read the request.
   */
  readonly via: 'api' | 'request' | 'name';
}

/** Names a parameter of unknown type may have when it holds the signed-in user's session. */
const SESSION_NAMES = /^(?:session|serverSession|userSession|authSession)$/;

/**
 * Whether an expression's value comes from the incoming request, following `const` and
 * single-assignment bindings, destructuring, member reads (`session.user.accessToken`,
 * `cookieStore.get('token')?.value`), template literals, `+`, `??`, `?:`, `await`, and calls
 * given such a value (`encodeURIComponent(token)`, `new Headers(request.headers)`).
 * Sources: `cookies()`, `headers()`, server session helpers, a route handler's request
 * (`request.headers`, `request.cookies`), and a parameter typed or named as a session.
 * `headers().get('accept-language')` is not a source: only the `Authorization`, `Cookie` and
 * API-key headers identify the user.
 */
export function requestSource(node: TSESTree.Node, file: FileInput, depth = 0): RequestSource | undefined {
  if (depth > 10) return undefined;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.CallExpression: {
      const direct = requestCall(expression, file);
      if (direct) return { kind: direct.kind, text: direct.text, via: direct.serverOnly ? 'api' : 'name' };
      // const { getToken } = await auth(); await getToken()
      const callee = unwrap(expression.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const fromCallee = identifierSource(callee, file, depth + 1);
        if (fromCallee && fromCallee.kind !== 'request') return fromCallee;
      }
      const member = calleeMember(expression);
      if (member) {
        const object = requestSource(member.object, file, depth + 1);
        if (object) {
          const method = memberName(member);
          // headers().get('accept-language') reads a header that does not identify anyone.
          if ((object.kind === 'headers' || object.kind === 'request') && method === 'get') {
            const name = expression.arguments[0] ? staticValue(expression.arguments[0], file) : undefined;
            return typeof name === 'string' && USER_HEADERS.has(name.toLowerCase()) ? object : undefined;
          }
          if (object.kind === 'request') return undefined;
          return object;
        }
      }
      return argumentSource(expression.arguments, file, depth);
    }
    case AST_NODE_TYPES.NewExpression:
      return argumentSource(expression.arguments, file, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const object = requestSource(expression.object, file, depth + 1);
      if (!object) return undefined;
      if (object.kind !== 'request') return object;
      // request.headers / request.cookies; request.url, request.nextUrl... identify no one.
      const name = memberName(expression);
      if (name === 'headers') return { kind: 'headers', text: `\`${textOf(expression, file)}\``, via: object.via };
      if (name === 'cookies') return { kind: 'cookies', text: `\`${textOf(expression, file)}\``, via: object.via };
      return undefined;
    }
    case AST_NODE_TYPES.TemplateLiteral:
      for (const part of expression.expressions) {
        const found = requestSource(part, file, depth + 1);
        if (found) return found;
      }
      return undefined;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return requestSource(expression.left, file, depth + 1) ?? requestSource(expression.right, file, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return requestSource(expression.consequent, file, depth + 1) ?? requestSource(expression.alternate, file, depth + 1);
    case AST_NODE_TYPES.Identifier:
      return identifierSource(expression, file, depth);
    default:
      return undefined;
  }
}

function argumentSource(args: readonly TSESTree.Node[], file: FileInput, depth: number): RequestSource | undefined {
  for (const argument of args) {
    const found = requestSource(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument, file, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function identifierSource(identifier: TSESTree.Identifier, file: FileInput, depth: number): RequestSource | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type === 'Parameter') return parameterSource(def.name, identifier, file);
  if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  // A binding written again later has no single source.
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return undefined;
  return requestSource(def.node.init, file, depth + 1);
}

function parameterSource(name: TSESTree.Node, use: TSESTree.Identifier, file: FileInput): RequestSource | undefined {
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const annotation = name.typeAnnotation?.typeAnnotation;
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference) {
    const origin = originOfType(annotation, file);
    if (isOrigin(origin, 'next/server', ['NextRequest'], 'type')) return { kind: 'request', text: `\`${use.name}\``, via: 'request' };
    if (origin && /^(?:next-auth|@auth\/)/.test(origin.source) && origin.path.join('.') === 'Session') {
      return { kind: 'session', text: `\`${use.name}\``, via: 'name' };
    }
    // The global `Request` type (not an import).
    if (!origin && annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === 'Request' && !resolveVariable(annotation.typeName, file.scopeManager)) {
      return { kind: 'request', text: `\`${use.name}\``, via: 'request' };
    }
  }
  // The first parameter of an exported route handler is its request, typed or not.
  const fn = name.parent;
  if (isFunction(fn) && fn.params[0] === name && isRouteHandlerFile(file.filename) && routeHandlerMethod(fn)) {
    return { kind: 'request', text: `\`${use.name}\``, via: 'request' };
  }
  if (SESSION_NAMES.test(name.name)) return { kind: 'session', text: `\`${use.name}\``, via: 'name' };
  return undefined;
}

function textOf(node: TSESTree.Node, file: FileInput): string {
  return file.text.slice(node.range[0], node.range[1]);
}
