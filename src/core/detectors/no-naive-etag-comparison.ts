import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import {
  calleeMember,
  calleeName,
  constInitializer,
  memberName,
  parentOf,
  resolveVariable,
  scopeOf,
  staticValue,
  unwrap,
} from '../ast.js';
import { contains, getFileIndex } from '../analysis/file-index.js';
import { originOf } from '../analysis/origins.js';
import { addDefaultImport } from '../edits/imports.js';
import { getHttpAnalysis, type Handler } from '../http/analysis.js';
import type { Detector, FileInput, SuggestionPlan, TextEdit, VariableLike } from '../model.js';

/** Message ids of `no-naive-etag-comparison`. */
export type NoNaiveEtagComparisonMessageId = 'naiveComparison' | 'substringMatch' | 'useRequestFresh' | 'useFreshPackage';

/**
 * `If-None-Match` compared to an ETag with `===`, `==` or `.includes()`: the header may hold
 * a weak validator (`W/"..."`), a list of ETags, or `*`, and RFC 9110 §13.1.2 compares weakly,
 * so the naive check answers 200 with the full body where a 304 was due (and a substring test
 * can answer 304 for an ETag that only contains this one). The proof is the header name
 * itself, read from any request; presence checks (`=== undefined`, `!inm`) and the `*` test
 * of a hand-written comparison are not match tests and are left alone.
 */
export const noNaiveEtagComparison: Detector<Record<string, never>, NoNaiveEtagComparisonMessageId> = {
  id: 'no-naive-etag-comparison',
  messages: {
    naiveComparison:
      'Comparing `If-None-Match` with `{{operator}}` misses weak validators (`W/"..."`), lists of ETags and `*`, so clients that already have the response download it again.',
    substringMatch:
      'Matching `If-None-Match` with `{{operator}}` is not the RFC 9110 comparison: it ignores `*`, can miss weak (`W/"..."`) or listed ETags, and can match an ETag that merely contains this one (a 304 for changed content).',
    useRequestFresh: 'Use `{{replacement}}`, which implements the RFC 9110 comparison.',
    useFreshPackage: 'Use the `fresh` package: `{{replacement}}`.',
  },
  // `-n` is a cheap necessary condition for the case-insensitive search (half its cost).
  gate: (text) => (text.includes('-n') || text.includes('-N')) && /if-none-match/i.test(text),
  detect(file, _options, report) {
    const index = getFileIndex(file);
    for (const comparison of index.comparisons) {
      const leftRead = inmRead(comparison.left, file);
      const rightRead = leftRead ? undefined : inmRead(comparison.right, file);
      const read = leftRead ?? rightRead;
      if (!read) continue;
      const other = leftRead ? comparison.right : comparison.left;
      // Presence checks (`=== undefined`, `== null`, `=== ''`) and the `*` test are not match tests.
      if (isAbsenceValue(other) || isStar(other)) continue;
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
      const argument = call.arguments[0];
      if (!member || !argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const read = inmRead(member.object, file);
      if (!read) continue;
      // `inm.includes('*')`, `inm.startsWith('W/')`, `inm.includes(',')`: steps of a hand-written parse, not a match.
      if (isParseStep(argument)) continue;
      const whole = call.parent?.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
      let target: TSESTree.Node | undefined = whole;
      let negated = false;
      if (name === 'indexOf') {
        // Only `inm.indexOf(etag) !== -1` and its relatives read as a yes/no test that can be replaced.
        const test = indexOfTest(whole);
        target = test?.node;
        negated = test?.negated ?? false;
      }
      report({
        messageId: 'substringMatch',
        data: { operator: `.${name}()` },
        node: call,
        suggestions: target ? suggestionsFor(target, read, argument, negated, file) : [],
      });
    }
  },
};

/** A read of the `If-None-Match` request header: `x.headers['if-none-match']`, `x.get('If-None-Match')`, `x.headers.get(...)`. */
interface InmRead {
  /** The object the header is read from (`req`, `ctx`, `ctx.request`, `c.req`), when the form shows it. */
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
      const destructured = destructuredRead(expression, file) ?? decoratedParameterRead(expression, file);
      if (destructured) return destructured;
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

/** `const { 'if-none-match': inm } = req.headers` (never reassigned). */
function destructuredRead(identifier: TSESTree.Identifier, file: FileInput): InmRead | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1 || def.type !== 'Variable') return undefined;
  const declarator = def.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) {
    return undefined;
  }
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return undefined;
  let binding: TSESTree.Node | undefined = def.name.parent;
  if (binding?.type === AST_NODE_TYPES.AssignmentPattern) binding = binding.parent;
  if (binding?.type !== AST_NODE_TYPES.Property || binding.parent !== declarator.id) return undefined;
  const key = binding.computed ? staticValue(binding.key, file) : binding.key.type === AST_NODE_TYPES.Literal ? String(binding.key.value) : undefined;
  if (typeof key !== 'string' || key.toLowerCase() !== 'if-none-match') return undefined;
  const headers = unwrap(declarator.init);
  if (headers.type === AST_NODE_TYPES.MemberExpression && memberName(headers) === 'headers') {
    return { request: headers.object, plainHeaders: true };
  }
  return { request: undefined, plainHeaders: false };
}

/** A NestJS parameter `@Headers('if-none-match') ifNoneMatch: string`. */
function decoratedParameterRead(identifier: TSESTree.Identifier, file: FileInput): InmRead | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  const def = variable?.defs[0];
  if (!variable || !def || def.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (variable.references.some((reference) => reference.isWrite())) return undefined;
  const decorators = def.name.decorators ?? [];
  for (const decorator of decorators) {
    const call = unwrap(decorator.expression);
    if (call.type !== AST_NODE_TYPES.CallExpression || calleeName(call) !== 'Headers' || !call.arguments[0]) continue;
    const header = staticValue(call.arguments[0], file);
    if (typeof header === 'string' && header.toLowerCase() === 'if-none-match') return { request: undefined, plainHeaders: false };
  }
  return undefined;
}

function isAbsenceValue(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Literal) return expression.value === null || expression.value === '';
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === 'undefined';
  return expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void';
}

/** A string literal that is not an entity-tag (`"v1"`, `W/"v1"`): `'*'`, `'W/'`, `','`. */
function isParseStep(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  const value =
    expression.type === AST_NODE_TYPES.Literal
      ? expression.value
      : expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0
        ? expression.quasis[0]?.value.cooked
        : undefined;
  return typeof value === 'string' && !/^(?:W\/)?"[^"]*"$/.test(value);
}

function isStar(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  return (
    (expression.type === AST_NODE_TYPES.Literal && expression.value === '*') ||
    (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0 && expression.quasis[0]?.value.cooked === '*')
  );
}

/**
 * For `inm.indexOf(etag)`, the comparison around it that makes a yes/no test:
 * `!== -1`, `!= -1`, `> -1`, `>= 0` (found) and `=== -1`, `== -1`, `< 0` (not found).
 */
function indexOfTest(call: TSESTree.Node): { node: TSESTree.BinaryExpression; negated: boolean } | undefined {
  const parent = parentOf(call);
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const callOnLeft = contains(parent.left, call);
  const other = unwrap(callOnLeft ? parent.right : parent.left);
  const number =
    other.type === AST_NODE_TYPES.Literal && typeof other.value === 'number'
      ? other.value
      : other.type === AST_NODE_TYPES.UnaryExpression &&
          other.operator === '-' &&
          other.argument.type === AST_NODE_TYPES.Literal &&
          typeof other.argument.value === 'number'
        ? -other.argument.value
        : undefined;
  if (number === undefined) return undefined;
  // Normalise to `call <op> number`.
  const flip: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
  const operator = callOnLeft ? parent.operator : (flip[parent.operator] ?? parent.operator);
  const found = (operator === '!==' || operator === '!=') && number === -1;
  const foundToo = (operator === '>' && number === -1) || (operator === '>=' && number === 0);
  const missing = ((operator === '===' || operator === '==') && number === -1) || (operator === '<' && number === 0);
  if (found || foundToo) return { node: parent, negated: false };
  if (missing) return { node: parent, negated: true };
  return undefined;
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
  const handler = getHttpAnalysis(file).handlers.find((h) => contains(h.fn, target));
  const request = read.request ? unwrap(read.request) : undefined;
  const context = handler && request ? contextRequest(handler, request, file) : undefined;
  // Express `req.fresh` / Koa `ctx.fresh` compare against the ETag already set on the response.
  if (handler && context && etagSetBefore(handler, context, target, etag, file)) {
    const replacement = `${bang}${context}.fresh`;
    out.push({ messageId: 'useRequestFresh', data: { replacement }, edits: [{ range: target.range, text: replacement }] });
  }
  // `fresh(headers, { etag })` needs the plain Node headers object.
  const requestText = request ? file.text.slice(request.range[0], request.range[1]) : undefined;
  const plain =
    requestText !== undefined &&
    /^[\w$]+(?:\.[\w$]+)*$/.test(requestText) &&
    (context !== undefined || (read.plainHeaders && handler?.framework !== 'next' && handler?.framework !== 'hono'));
  if (plain) {
    const local = freshBinding(file, target);
    if (local !== null) {
      const etagExpression = unwrap(etag);
      const etagText = file.text.slice(etag.range[0], etag.range[1]);
      const value =
        etagExpression.type === AST_NODE_TYPES.Identifier && etagExpression.name === 'etag' && etagText === 'etag'
          ? '{ etag }'
          : `{ etag: ${etagExpression.type === AST_NODE_TYPES.SequenceExpression ? `(${etagText})` : etagText} }`;
      const replacement = `${bang}${local ?? 'fresh'}(${requestText}.headers, ${value})`;
      const edits: TextEdit[] = [{ range: target.range, text: replacement }];
      if (local === undefined) edits.unshift(addDefaultImport(file, 'fresh', 'fresh'));
      out.push({ messageId: 'useFreshPackage', data: { replacement }, edits });
    }
  }
  return out;
}

/**
 * The text of the object that carries `fresh` when the header is read from an express
 * request (`req`) or a koa context (`ctx`, `ctx.request`, `ctx.req`): `req` or `ctx`.
 */
function contextRequest(handler: Handler, request: TSESTree.Node, file: FileInput): string | undefined {
  const param = handler.request;
  if (!param) return undefined;
  const isParam = (node: TSESTree.Node) =>
    node.type === AST_NODE_TYPES.Identifier && (node === param || resolveVariable(node, file.scopeManager)?.defs[0]?.name === param);
  if (handler.framework === 'express' && isParam(request)) return param.name;
  if (handler.framework === 'koa') {
    if (isParam(request)) return param.name;
    if (request.type === AST_NODE_TYPES.MemberExpression && isParam(unwrap(request.object))) {
      const name = memberName(request);
      if (name === 'request' || name === 'req') return param.name;
    }
  }
  return undefined;
}

/**
 * True when the handler sets the response's ETag, to the value the comparison uses, before
 * the comparison: `res.set('ETag', etag)`, `ctx.set('ETag', etag)`, `ctx.etag = etag`.
 */
function etagSetBefore(handler: Handler, context: string, target: TSESTree.Node, etag: TSESTree.Node, file: FileInput): boolean {
  const textOf = (node: TSESTree.Node) => {
    const inner = unwrap(node);
    return file.text.slice(inner.range[0], inner.range[1]);
  };
  const etagText = textOf(etag);
  if (readsResponseEtag(handler, context, etag, file)) return true;
  const before = (node: TSESTree.Node) => node.range[1] <= target.range[0];
  if (handler.writes.some((write) => write.name === 'etag' && before(write.node) && write.valueNode && textOf(write.valueNode) === etagText)) {
    return true;
  }
  if (handler.framework !== 'koa') return false;
  return getFileIndex(file).assignments.some((assignment) => {
    if (assignment.operator !== '=' || !before(assignment) || !contains(handler.fn, assignment)) return false;
    const left = assignment.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression || memberName(left) !== 'etag') return false;
    const owner = file.text.slice(left.object.range[0], left.object.range[1]);
    return (owner === context || owner === `${context}.response`) && textOf(assignment.right) === etagText;
  });
}

/**
 * True when the compared value is the response's own ETag, read back: express
 * `res.get('ETag')`/`res.getHeader('ETag')`, koa `ctx.response.get('ETag')`/`ctx.response.etag`
 * (directly or through a `const`).
 */
function readsResponseEtag(handler: Handler, context: string, etag: TSESTree.Node, file: FileInput, depth = 0): boolean {
  const expression = unwrap(etag);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = depth < 3 ? constInitializer(expression, file) : undefined;
    return init ? readsResponseEtag(handler, context, init, file, depth + 1) : false;
  }
  const textOf = (node: TSESTree.Node) => file.text.slice(node.range[0], node.range[1]);
  const responses =
    handler.framework === 'koa' ? [`${context}.response`] : handler.response ? [handler.response.name] : [];
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const member = calleeMember(expression);
    const name = calleeName(expression);
    const header = expression.arguments[0] ? staticValue(expression.arguments[0], file) : undefined;
    return (
      !!member &&
      (name === 'get' || name === 'getHeader') &&
      typeof header === 'string' &&
      header.toLowerCase() === 'etag' &&
      responses.includes(textOf(unwrap(member.object)))
    );
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && handler.framework === 'koa' && memberName(expression) === 'etag') {
    return responses.includes(textOf(unwrap(expression.object)));
  }
  return false;
}

/**
 * The local name of the `fresh` package to call at `at`: the file's existing default import or
 * `require('fresh')` binding; undefined when there is none and the name `fresh` is free (so an
 * import is added); null when the name is taken by something else or the binding is shadowed.
 */
function freshBinding(file: FileInput, at: TSESTree.Node): string | undefined | null {
  const index = getFileIndex(file);
  let existing: string | undefined;
  for (const declaration of index.imports) {
    if (declaration.source.value !== 'fresh' || declaration.importKind === 'type') continue;
    const specifier = declaration.specifiers.find((s) => s.type === AST_NODE_TYPES.ImportDefaultSpecifier);
    if (specifier) existing = specifier.local.name;
  }
  if (existing === undefined) {
    for (const statement of file.ast.body) {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
        const origin = originOf(declarator.init, file);
        if (origin?.source === 'fresh' && origin.path.length === 0 && origin.via === 'ref') existing = declarator.id.name;
      }
    }
  }
  const visible = visibleVariable(file, at, existing ?? 'fresh');
  if (existing !== undefined) {
    // Use the existing binding, unless something closer shadows it.
    const def = visible?.defs[0];
    const declared = def && (def.type === 'ImportBinding' || def.type === 'Variable') && def.name.type === AST_NODE_TYPES.Identifier ? def.name : undefined;
    return declared && isTopLevel(declared) ? existing : null;
  }
  if (visible) return null;
  // A top-level `fresh` anywhere would clash with the added import.
  return topLevelNames(file).has('fresh') ? null : undefined;
}

function isTopLevel(name: TSESTree.Node): boolean {
  for (let node = name.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.Program) return true;
    if (
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      node.type === AST_NODE_TYPES.BlockStatement ||
      node.type === AST_NODE_TYPES.ClassBody
    ) {
      return false;
    }
  }
  return false;
}

/** The variable a name refers to at a node, following scopes outward. */
function visibleVariable(file: FileInput, at: TSESTree.Node, name: string): VariableLike | undefined {
  const manager = file.scopeManager;
  if (!manager) return undefined;
  for (let scope = scopeOf(at, manager); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** Names declared in the file's top-level (module or CommonJS wrapper) scope. */
function topLevelNames(file: FileInput): Set<string> {
  const out = new Set<string>();
  const globalScope = file.scopeManager?.globalScope;
  if (!globalScope) return out;
  for (const scope of [globalScope, ...globalScope.childScopes.filter((s) => s.type === 'module' || (s.type === 'function' && s.block.type === AST_NODE_TYPES.Program))]) {
    for (const name of scope.set.keys()) out.add(name);
  }
  return out;
}
