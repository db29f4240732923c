import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeMember, enclosingFunction, isFunction, memberName, propertyKey, resolveVariable, unwrap } from '../ast.js';
import { contains, getFileIndex, type FileIndex, type FunctionNode } from '../analysis/file-index.js';
import { getHttpAnalysis, type Handler, type HeaderWrite } from '../http/analysis.js';
import { deltaSeconds, getDirective, hasDirective, isPrivateOrNoStore, parseCacheControl } from '../http/cache-control.js';
import { replaceValue } from '../http/edits.js';
import { mayUseHttp } from '../http/frameworks.js';
import { NO_STORE } from '../http/values.js';
import type { Detector, FileInput, Report } from '../model.js';

/** Options of `no-shared-cache-on-failure`. */
export interface NoSharedCacheOnFailureOptions {
  /** Shared lifetimes on a failure branch at or below this many seconds are deliberate short negative caching. */
  readonly maxFailureSeconds: number;
}

/** Message ids of `no-shared-cache-on-failure`. */
export type NoSharedCacheOnFailureMessageId = 'sharedCacheOnFailure' | 'helperOnFailure' | 'revalidateOnFailure' | 'useNoStore' | 'rethrow';

/** Headers that only CDNs read: any lifetime in them is a shared one. */
const CDN_HEADERS: ReadonlySet<string> = new Set(['cdn-cache-control', 'vercel-cdn-cache-control', 'cloudflare-cdn-cache-control', 'surrogate-control']);

/** Response methods whose numeric arguments are a status (`res.status(404)`, `c.json(body, 500)`). */
const STATUS_METHODS: ReadonlySet<string> = new Set(['status', 'code', 'sendStatus', 'json', 'text', 'body', 'html', 'newResponse', 'send']);

/** Calls that write headers: a constant passed to them is a header object, not a fallback body. */
const HEADER_METHODS: ReadonlySet<string> = new Set(['set', 'header', 'headers', 'setHeader', 'append', 'writeHead']);

/**
 * Negative caching by accident: a shared-cacheable lifetime (`public`/`s-maxage` in
 * `Cache-Control`, any lifetime in `CDN-Cache-Control` and its vendor forms) sent on a failure or
 * fallback branch (after `!res.ok`, in a `catch`, in a miss branch answering 404/410/5xx or a constant
 * fallback) keeps serving the failure to everyone after the upstream has recovered. Deliberate
 * short negative caching stays quiet: a lifetime at or below `maxFailureSeconds`, or shorter than
 * the success response's in the same function. ISR's `getStaticProps` returning `revalidate` from
 * a `catch` or failure branch replaces the last good page with the error page.
 */
export const noSharedCacheOnFailure: Detector<NoSharedCacheOnFailureOptions, NoSharedCacheOnFailureMessageId> = {
  id: 'no-shared-cache-on-failure',
  messages: {
    sharedCacheOnFailure:
      '`{{header}}: {{value}}` on {{branch}} lets shared caches serve this failure or fallback to every visitor for {{seconds}} s, after the cause is gone; send `no-store`, or a lifetime clearly shorter than the success response\'s.',
    helperOnFailure:
      '`{{helper}}` sends `{{header}}: {{value}}`, and {{branch}} calls it: shared caches serve this failure or fallback to every visitor for {{seconds}} s, after the cause is gone; send `no-store` here instead.',
    revalidateOnFailure:
      '`getStaticProps` returns `revalidate` from {{branch}}: the error page replaces the last good page for every visitor until it is regenerated; throw instead, so Next.js keeps serving the last good page.',
    useNoStore: 'Send `{{header}}: no-store` on this failure.',
    rethrow: 'Rethrow `{{name}}` so Next.js keeps serving the last good page.',
  },
  // mayUseHttp is answered once per file for every HTTP rule; the case-insensitive scan only runs after it.
  gate: (text, _options, filename) =>
    (text.includes('getStaticProps') && text.includes('revalidate')) ||
    (mayUseHttp(text, filename) && /public|s-maxage|cdn-cache-control|surrogate-control/i.test(text)),
  detect(file, options, report) {
    const index = getFileIndex(file);
    if (file.text.includes('getStaticProps')) {
      for (const fn of staticPropsFunctions(index)) checkStaticProps(fn, index, file, report);
    }
    const analysis = getHttpAnalysis(file);
    const sites: Site[] = [];
    for (const write of analysis.writes) {
      const candidate = sharedLifetime(write);
      if (!candidate) continue;
      const scope = scopeOf(write);
      const branch = failureBranch(write.node, scope, file, index) ?? fallbackBody(write, file);
      const direct: Site = { candidate, node: write.node, scope, helper: undefined, branch };
      sites.push(direct);
      // A response helper in this file (`cachedJson(data)`) is sent where it is called.
      if (!write.handler && !direct.branch) sites.push(...helperSites(candidate, analysis.handlers, file, index));
    }
    for (const site of sites) {
      const { branch, candidate, scope } = site;
      if (!branch || candidate.seconds <= options.maxFailureSeconds) continue;
      // Deliberate: the same function sends a longer lifetime on success.
      const longer = sites.some((other) => !other.branch && other.candidate.seconds > candidate.seconds && (!scope || contains(scope, other.node)));
      if (longer) continue;
      const { write } = candidate;
      const data = { header: candidate.header, value: String(write.value), branch: branch.label, seconds: candidate.seconds };
      if (site.helper) {
        report({ messageId: 'helperOnFailure', data: { ...data, helper: site.helper }, node: site.node });
        continue;
      }
      const edits = branch.folded ? undefined : replaceValue(write, NO_STORE, file);
      report({
        messageId: 'sharedCacheOnFailure',
        data,
        node: write.valueNode ?? write.node,
        suggestions: edits ? [{ messageId: 'useNoStore', data: { header: candidate.header }, edits }] : [],
      });
    }
  },
};

/** Where a shared lifetime reaches a response: the write itself, or a call of the helper that writes it. */
interface Site {
  readonly candidate: Candidate;
  readonly node: TSESTree.Node;
  /** The function whose outcomes are compared: the handler, else the outermost function. */
  readonly scope: FunctionNode | undefined;
  /** The helper's name, for a call of a response helper. */
  readonly helper: string | undefined;
  readonly branch: Branch | undefined;
}

/**
 * Calls of the named function around a write (`function cachedJson(data) { return
 * NextResponse.json(data, { headers }) }`, or a `const` arrow), each judged where it is called.
 */
function helperSites(candidate: Candidate, handlers: readonly Handler[], file: FileInput, index: FileIndex): Site[] {
  const fn = enclosingFunction(candidate.write.node);
  if (!fn || !file.scopeManager) return [];
  const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : undefined;
  const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id ? fn : declarator?.id.type === AST_NODE_TYPES.Identifier ? declarator : undefined;
  if (!declared) return [];
  const variable = file.scopeManager.getDeclaredVariables(declared)[0];
  if (!variable) return [];
  const out: Site[] = [];
  for (const reference of variable.references) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
    const scope = handlers.filter((handler) => contains(handler.fn, call)).sort((a, b) => b.fn.range[0] - a.fn.range[0])[0]?.fn ?? outermostFunction(call);
    out.push({ candidate, node: call, scope, helper: variable.name, branch: failureBranch(call, scope, file, index) });
  }
  return out;
}

interface Candidate {
  readonly write: HeaderWrite;
  /** The header as written (`Cache-Control`, `CDN-Cache-Control`). */
  readonly header: string;
  /** The shared lifetime: `s-maxage`, else `max-age`. */
  readonly seconds: number;
}

/** The shared-cache lifetime a write gives its response, or undefined when shared caches may not keep it. */
function sharedLifetime(write: HeaderWrite): Candidate | undefined {
  const cdn = CDN_HEADERS.has(write.name);
  if ((write.name !== 'cache-control' && !cdn) || typeof write.value !== 'string') return undefined;
  const parsed = parseCacheControl(write.value);
  if (isPrivateOrNoStore(parsed)) return undefined;
  // In Cache-Control, max-age alone is for the browser too; public or s-maxage says shared.
  if (!cdn && !hasDirective(parsed, 'public') && !getDirective(parsed, 's-maxage')) return undefined;
  const seconds = deltaSeconds(getDirective(parsed, 's-maxage')) ?? deltaSeconds(getDirective(parsed, 'max-age'));
  if (seconds === undefined || seconds <= 0) return undefined;
  return { write, header: headerName(write), seconds };
}

/** The header name as the source spells it, for messages. */
function headerName(write: HeaderWrite): string {
  const canonical: Record<string, string> = {
    'cache-control': 'Cache-Control',
    'cdn-cache-control': 'CDN-Cache-Control',
    'vercel-cdn-cache-control': 'Vercel-CDN-Cache-Control',
    'cloudflare-cdn-cache-control': 'Cloudflare-CDN-Cache-Control',
    'surrogate-control': 'Surrogate-Control',
  };
  return canonical[write.name] ?? write.name;
}

/**
 * The function a write's response belongs to: its handler, else the outermost function around it
 * (so `fetch(...).then(ok).catch(fallback)` callbacks are judged together).
 */
function scopeOf(write: HeaderWrite): FunctionNode | undefined {
  return write.handler ? write.handler.fn : outermostFunction(write.node);
}

function outermostFunction(node: TSESTree.Node): FunctionNode | undefined {
  let outer: FunctionNode | undefined;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) outer = fn;
  return outer;
}

// ---------------------------------------------------------------------------------------------
// Failure branches

/** What a condition says when it holds: the upstream failed, or a lookup found nothing. */
type Outcome = 'failed' | 'miss';

interface Branch {
  readonly kind: 'catch' | Outcome;
  readonly label: string;
  /** A fallback folded into the body: the header also goes out on success, so `no-store` is no local fix. */
  readonly folded?: boolean;
}

/**
 * The failure branch `node` sits in, below `stop`: a `catch` block, a promise `.catch` callback,
 * the branch of an `if`/`?:` taken when a response is not ok or its status is an error, or taken
 * on a miss (`!row`, `row == null`) when that branch answers 404, 410 or 5xx or a constant fallback.
 */
function failureBranch(node: TSESTree.Node, stop: TSESTree.Node | undefined, file: FileInput, index: FileIndex): Branch | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== stop; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause && child === current.body) return { kind: 'catch', label: 'a `catch` block' };
    if (current.type === AST_NODE_TYPES.CallExpression && isFunction(child)) {
      const member = calleeMember(current);
      const name = member ? memberName(member) : undefined;
      if ((name === 'catch' && current.arguments[0] === child) || (name === 'then' && current.arguments[1] === child)) {
        return { kind: 'catch', label: 'a promise rejection handler' };
      }
    }
    if (current.type !== AST_NODE_TYPES.IfStatement && current.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (child !== current.consequent && child !== current.alternate) continue;
    const outcome = outcomeOf(current.test, child === current.consequent);
    const test = file.text.slice(current.test.range[0], current.test.range[1]).replace(/\s+/g, ' ');
    const shown = test.length > 30 ? `${test.slice(0, 27)}...` : test;
    const when = child === current.consequent ? `\`${shown}\`` : `not \`${shown}\``;
    if (outcome === 'failed') return { kind: 'failed', label: `the branch taken when ${when}` };
    if (outcome === 'miss' && answersFailure(child, file, index)) return { kind: 'miss', label: `the miss branch taken when ${when}` };
  }
  return undefined;
}

/** What a test says when it evaluates to `holds`. */
function outcomeOf(test: TSESTree.Node, holds: boolean, depth = 0): Outcome | undefined {
  if (depth > 6) return undefined;
  const expression = unwrap(test);
  switch (expression.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator === '!' ? outcomeOf(expression.argument, !holds, depth + 1) : undefined;
    case AST_NODE_TYPES.LogicalExpression: {
      if (expression.operator === '??') return undefined;
      const left = outcomeOf(expression.left, holds, depth + 1);
      const right = outcomeOf(expression.right, holds, depth + 1);
      // `a && b` holding (or `a || b` failing) needs both sides: one failure side is enough.
      const both = (expression.operator === '&&') === holds;
      if (both) return left === 'failed' || right === 'failed' ? 'failed' : (left ?? right);
      if (!left || !right) return undefined;
      return left === 'failed' && right === 'failed' ? 'failed' : 'miss';
    }
    case AST_NODE_TYPES.BinaryExpression:
      return binaryOutcome(expression, holds);
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const name = expression.type === AST_NODE_TYPES.Identifier ? expression.name : memberName(expression);
      // response.ok
      if (name === 'ok' && expression.type === AST_NODE_TYPES.MemberExpression) return holds ? undefined : 'failed';
      // `if (error)` after `const { data, error } = await ...`
      if (name !== undefined && /^(?:err|error|errors)$/i.test(name)) return holds ? 'failed' : undefined;
      // `if (!row)`: nothing found
      return holds ? undefined : 'miss';
    }
    default:
      return undefined;
  }
}

function binaryOutcome(expression: TSESTree.BinaryExpression, holds: boolean): Outcome | undefined {
  const left = unwrap(expression.left);
  const right = unwrap(expression.right);
  const isNullish = (node: TSESTree.Node): boolean =>
    (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
  const op = expression.operator;
  if (isNullish(left) || isNullish(right)) {
    if (op === '===' || op === '==') return holds ? 'miss' : undefined;
    if (op === '!==' || op === '!=') return holds ? undefined : 'miss';
    return undefined;
  }
  // response.status compared with a number, the status on the left.
  let status: number | undefined;
  let flipped = false;
  if (isStatusMember(left) && right.type === AST_NODE_TYPES.Literal && typeof right.value === 'number') status = right.value;
  else if (isStatusMember(right) && left.type === AST_NODE_TYPES.Literal && typeof left.value === 'number') {
    status = left.value;
    flipped = true;
  }
  if (status === undefined) return undefined;
  const operator = flipped ? FLIP[op] ?? op : op;
  const error = ((): boolean | undefined => {
    switch (operator) {
      case '>=':
        return status >= 400 ? true : undefined;
      case '>':
        return status >= 399 ? true : undefined;
      case '<':
        return status <= 400 ? false : undefined;
      case '<=':
        return status <= 399 ? false : undefined;
      case '===':
      case '==':
        return status >= 400 ? true : status >= 200 && status < 300 ? false : undefined;
      case '!==':
      case '!=':
        return status >= 200 && status < 300 ? true : status >= 400 ? false : undefined;
      default:
        return undefined;
    }
  })();
  if (error === undefined) return undefined;
  return error === holds ? 'failed' : undefined;
}

const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

function isStatusMember(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(node);
  return name === 'status' || name === 'statusCode';
}

/**
 * A miss branch is a failure when it answers 404, 410 or 5xx (`res.status(404)`, `{ status: 404 }`,
 * `c.json(body, 404)`, `ctx.status = 404`, `c.notFound()`) or a constant fallback
 * (`NextResponse.json(FALLBACK)`, `ctx.body = DEFAULTS`) rather than freshly computed data.
 */
function answersFailure(branch: TSESTree.Node, file: FileInput, index: FileIndex): boolean {
  // Not found, gone, or a server error: answers that change when the data or the upstream comes
  // back. A 400 for a malformed URL stays a 400, so caching it hides nothing.
  const isErrorStatus = (node: TSESTree.Node | undefined): boolean => {
    const value = node ? unwrap(node) : undefined;
    if (value?.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'number') return false;
    return value.value === 404 || value.value === 410 || (value.value >= 500 && value.value < 600);
  };
  for (const call of index.calls) {
    if (!contains(branch, call)) continue;
    const member = calleeMember(call);
    const name = member ? memberName(member) : undefined;
    if (name === 'notFound') return true;
    if (name && STATUS_METHODS.has(name) && call.arguments.some((arg) => isErrorStatus(arg))) return true;
    if (!(name && HEADER_METHODS.has(name)) && call.arguments[0] && isConstantFallback(call.arguments[0], file)) return true;
  }
  for (const property of index.properties) {
    if (!contains(branch, property)) continue;
    const key = propertyKey(property);
    if ((key === 'status' || key === 'statusCode') && isErrorStatus(property.value)) return true;
  }
  for (const assignment of index.assignments) {
    if (!contains(branch, assignment) || assignment.left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = memberName(assignment.left);
    if ((name === 'status' || name === 'statusCode') && isErrorStatus(assignment.right)) return true;
    if (name === 'body' && isConstantFallback(assignment.right, file)) return true;
  }
  return false;
}

/** An identifier bound to a module-level `const` holding data (an object, array or literal). */
function isConstantFallback(node: TSESTree.Node, file: FileInput): boolean {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const def = resolveVariable(expression, file.scopeManager)?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const declaration = def.node.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') return false;
  const container = declaration.parent;
  if (container?.type !== AST_NODE_TYPES.Program && container?.type !== AST_NODE_TYPES.ExportNamedDeclaration) return false;
  const init = unwrap(def.node.init);
  return init.type === AST_NODE_TYPES.ObjectExpression || init.type === AST_NODE_TYPES.ArrayExpression || init.type === AST_NODE_TYPES.Literal;
}

/**
 * A response whose body is a lookup with a constant fallback folded in, `const row = (await find()) ||
 * DEFAULTS` sent by `NextResponse.json(row, { headers })` or `c.json(row, 200, headers)`: every miss
 * is stored as the fallback for the whole lifetime. Only headers written in that response's own
 * init object count (the body is then certain).
 */
function fallbackBody(write: HeaderWrite, file: FileInput): Branch | undefined {
  if (write.form !== 'property') return undefined;
  // { 'Cache-Control': v } -> its object -> (an init `{ headers: {...} }`) -> the call building the response
  let node: TSESTree.Node | undefined = write.node.parent;
  for (let i = 0; i < 3 && node && node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression; i++) node = node.parent;
  if (node?.type !== AST_NODE_TYPES.CallExpression && node?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const body = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
  if (body?.type !== AST_NODE_TYPES.Identifier || !node.arguments.slice(1).some((arg) => contains(arg, write.node))) return undefined;
  const def = resolveVariable(body, file.scopeManager)?.defs[0];
  const init = def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : undefined;
  if (init?.type !== AST_NODE_TYPES.LogicalExpression || init.operator === '&&' || !isConstantFallback(init.right, file)) return undefined;
  const fallback = file.text.slice(init.right.range[0], init.right.range[1]);
  return { kind: 'miss', label: `a response whose body \`${body.name}\` falls back to \`${fallback}\``, folded: true };
}

// ---------------------------------------------------------------------------------------------
// ISR: getStaticProps returning revalidate on failure

/** Exported `getStaticProps` functions: declarations and `const` arrows or function expressions. */
function staticPropsFunctions(index: FileIndex): FunctionNode[] {
  const out: FunctionNode[] = [];
  for (const declaration of index.exports) {
    if (declaration.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const inner = declaration.declaration;
    if (inner?.type === AST_NODE_TYPES.FunctionDeclaration && inner.id?.name === 'getStaticProps') out.push(inner);
    if (inner?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of inner.declarations) {
      const init = declarator.init ? unwrap(declarator.init) : undefined;
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === 'getStaticProps' && isFunction(init)) out.push(init);
    }
  }
  return out;
}

function checkStaticProps(
  fn: FunctionNode,
  index: FileIndex,
  file: FileInput,
  report: Report<NoSharedCacheOnFailureMessageId>,
): void {
  for (const property of index.properties) {
    if (propertyKey(property) !== 'revalidate' || !contains(fn, property)) continue;
    const object = property.parent;
    const returned = object.type === AST_NODE_TYPES.ObjectExpression ? object.parent : undefined;
    if (returned?.type !== AST_NODE_TYPES.ReturnStatement || enclosingFunction(returned) !== fn) continue;
    // revalidate: false keeps the error page until the next deploy; a number keeps it that long.
    const value = unwrap(property.value);
    if (value.type === AST_NODE_TYPES.Literal && value.value === 0) continue;
    const branch = failureBranch(returned, fn, file, index);
    // A miss (`if (!post) return { notFound: true, revalidate }`) is a real answer, not a failure.
    if (!branch || branch.kind === 'miss') continue;
    const clause = catchClauseAround(returned, fn);
    const param = clause?.param?.type === AST_NODE_TYPES.Identifier ? clause.param.name : undefined;
    report({
      messageId: 'revalidateOnFailure',
      data: { branch: branch.label },
      node: property,
      suggestions: param ? [{ messageId: 'rethrow', data: { name: param }, edits: [{ range: returned.range, text: `throw ${param};` }] }] : [],
    });
  }
}

function catchClauseAround(node: TSESTree.Node, stop: TSESTree.Node): TSESTree.CatchClause | undefined {
  for (let current = node.parent; current && current !== stop; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return current;
  }
  return undefined;
}
