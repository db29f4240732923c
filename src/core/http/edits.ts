import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enclosingStatement, indentAt, lineBreak, preferredQuote, unwrap } from '../ast.js';
import type { FileInput, TextEdit } from '../model.js';
import type { Handler, HeaderWrite } from './analysis.js';

/** Quotes a string for source text in the given quote style. */
export function quote(value: string, q: "'" | '"'): string {
  return q + value.replace(/\\/g, '\\\\').replace(q === "'" ? /'/g : /"/g, `\\${q}`) + q;
}

/** The quote style of a string literal node, or the file's preference. */
export function quoteOf(node: TSESTree.Node | undefined, file: FileInput): "'" | '"' {
  if (node && node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
    return file.text[node.range[0]] === '"' ? '"' : "'";
  }
  return preferredQuote(file.text);
}

/**
 * Replaces a header value written as a literal or a static template with a new literal.
 * Undefined when the value is not written in place (a constant from elsewhere): the edit
 * would then change every other user of that constant.
 */
export function replaceValue(write: HeaderWrite, value: string, file: FileInput): TextEdit[] | undefined {
  const node = write.valueNode ? unwrap(write.valueNode) : undefined;
  if (!node) return undefined;
  if (write.form === 'property' && sharedObject(write.node, file)) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
    return [{ range: node.range, text: quote(value, quoteOf(node, file)) }];
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return [{ range: node.range, text: `\`${value.replace(/[`\\]|\$\{/g, (m) => `\\${m}`)}\`` }];
  }
  if (node.type === AST_NODE_TYPES.ArrayExpression && node.elements.every((e) => e?.type === AST_NODE_TYPES.Literal)) {
    const q = quoteOf(node.elements[0] ?? undefined, file);
    const items = value.split(',').map((v) => v.trim()).filter(Boolean);
    return [{ range: node.range, text: `[${items.map((item) => quote(item, q)).join(', ')}]` }];
  }
  return undefined;
}

/**
 * True when a header property sits in an object literal bound to a variable that is used more
 * than once (`const NO_CACHE = { 'Cache-Control': ... }` shared by several responses): editing
 * it would change every response that uses it.
 */
function sharedObject(property: TSESTree.Node, file: FileInput): boolean {
  let node: TSESTree.Node | undefined = property.parent;
  while (node && (node.type === AST_NODE_TYPES.ObjectExpression || node.type === AST_NODE_TYPES.Property || node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression)) {
    node = node.parent;
  }
  if (node?.type !== AST_NODE_TYPES.VariableDeclarator || !file.scopeManager) return false;
  const variable = file.scopeManager.getDeclaredVariables(node)[0];
  if (!variable) return true;
  return variable.references.filter((reference) => !reference.isWrite()).length > 1;
}

/**
 * Removes a header write entirely: its statement (`res.set('Vary', 'Cookie');`), its object
 * property, or its decorator. Undefined when the write is part of a larger expression
 * (`res.vary('Cookie').json(x)`), where removing it would change more than the header.
 */
export function removeWrite(write: HeaderWrite, file: FileInput): TextEdit[] | undefined {
  const node = write.node;
  if (node.type === AST_NODE_TYPES.Property) return removeListItem(node, file);
  if (node.type === AST_NODE_TYPES.Decorator) return [removeLine(node, file)];
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const statement = node.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const container = statement.parent;
  if (container?.type !== AST_NODE_TYPES.BlockStatement && container?.type !== AST_NODE_TYPES.Program) return undefined;
  return [removeLine(statement, file)];
}

/** Removes a node with its line when it stands alone on it, else just its text. */
function removeLine(node: TSESTree.Node, file: FileInput): TextEdit {
  const text = file.text;
  let start = node.range[0];
  let end = node.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, start))) {
    let after = end;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
    if (text[after] === '\r') after++;
    if (text[after] === '\n' || after >= text.length) {
      start = lineStart;
      end = Math.min(after + 1, text.length);
    }
  }
  // Sharing its line with a statement after it (`{ a(); b(); }`): take one run of spaces with it.
  if (end === node.range[1]) {
    let next = end;
    while (text[next] === ' ' || text[next] === '\t') next++;
    if (next > end && next < text.length && !/[\r\n}]/.test(text[next]!)) end = next;
  }
  return { range: [start, end], text: '' };
}

/** Removes an element of an object or array literal together with the comma that joins it. */
function removeListItem(node: TSESTree.Property, file: FileInput): TextEdit[] {
  const object = node.parent as TSESTree.ObjectExpression;
  const items = object.properties;
  const i = (items as readonly TSESTree.Node[]).indexOf(node);
  const text = file.text;
  if (items.length === 1) return [{ range: [object.range[0], object.range[1]], text: '{}' }];
  if (i < items.length - 1) {
    // Up to the start of the next item, comma and spacing included; keep the next item's indentation.
    const next = items[i + 1]!;
    const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
    const ownLine = /^[ \t]*$/.test(text.slice(lineStart, node.range[0]));
    const nextLineStart = text.lastIndexOf('\n', next.range[0] - 1) + 1;
    if (ownLine && nextLineStart > node.range[0]) return [{ range: [lineStart, nextLineStart], text: '' }];
    return [{ range: [node.range[0], next.range[0]], text: '' }];
  }
  // Last item: remove the comma before it (and a trailing comma after it, if any, stays valid).
  const previous = items[i - 1]!;
  return [{ range: [previous.range[1], node.range[1]], text: '' }];
}

/**
 * Adds a header write next to an existing write on the same response, in that write's own
 * form: a sibling property in a headers object, an assignment to the same headers object, a call
 * on the same receiver after the statement (`res.set(...)`, `reply.header(...)`, `ctx.set(...)`,
 * `c.header(...)`, `headers.set(...)`), or a NestJS `@Header` decorator. Undefined when no safe place exists.
 */
export function insertBeside(anchor: HeaderWrite, name: string, value: string, file: FileInput): TextEdit[] | undefined {
  const q = quoteOf(anchor.valueNode ? unwrap(anchor.valueNode) : undefined, file);
  const node = anchor.node;
  if (node.type === AST_NODE_TYPES.Property) {
    const object = node.parent as TSESTree.ObjectExpression;
    const keyNode = node.key;
    const keyText = keyNode.type === AST_NODE_TYPES.Identifier && /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name, q);
    const last = object.properties[object.properties.length - 1]!;
    const multiline = file.text.slice(object.range[0], object.range[1]).includes('\n');
    if (multiline) {
      const indent = indentAt(file.text, last.range[0]);
      const hasTrailingComma = file.text.slice(last.range[1], object.range[1]).trimStart().startsWith(',');
      const text = `${hasTrailingComma ? '' : ','}${lineBreak(file.text)}${indent}${keyText}: ${quote(value, q)}${hasTrailingComma ? ',' : ''}`;
      const at = hasTrailingComma ? file.text.indexOf(',', last.range[1]) + 1 : last.range[1];
      return [{ range: [at, at], text }];
    }
    return [{ range: [last.range[1], last.range[1]], text: `, ${keyText}: ${quote(value, q)}` }];
  }
  if (node.type === AST_NODE_TYPES.Decorator) {
    const indent = indentAt(file.text, node.range[0]);
    return [{ range: [node.range[1], node.range[1]], text: `${lineBreak(file.text)}${indent}@Header(${quote(name, q)}, ${quote(value, q)})` }];
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return insertAssignmentBeside(node, name, value, q, file);
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const statement = enclosingStatement(node);
  if (!statement || statement.type !== AST_NODE_TYPES.ExpressionStatement || unwrap(statement.expression) !== node) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const receiver = file.text.slice(callee.object.range[0], callee.object.range[1]);
  const method = anchor.form === 'vary' || anchor.form === 'object' ? defaultSetter(anchor) : file.text.slice(callee.property.range[0], callee.property.range[1]);
  if (!/^[\w$.]+$/.test(receiver) || !method) return undefined;
  const semi = file.text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const indent = indentAt(file.text, statement.range[0]);
  const setter = method === 'append' ? defaultSetter(anchor) : method;
  return [
    {
      range: [statement.range[1], statement.range[1]],
      text: `${lineBreak(file.text)}${indent}${receiver}.${setter}(${quote(name, q)}, ${quote(value, q)})${semi}`,
    },
  ];
}

/** After `headers['Cache-Control'] = v;`, the same assignment for another header on the same object. */
function insertAssignmentBeside(node: TSESTree.AssignmentExpression, name: string, value: string, q: "'" | '"', file: FileInput): TextEdit[] | undefined {
  const statement = enclosingStatement(node);
  const member = node.left;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || unwrap(statement.expression) !== node || member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = file.text.slice(member.object.range[0], member.object.range[1]);
  if (!/^[\w$.]+$/.test(object)) return undefined;
  const target = !member.computed && /^[A-Za-z_$][\w$]*$/.test(name) ? `${object}.${name}` : `${object}[${quote(name, q)}]`;
  const semi = file.text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const indent = indentAt(file.text, statement.range[0]);
  return [{ range: [statement.range[1], statement.range[1]], text: `${lineBreak(file.text)}${indent}${target} = ${quote(value, q)}${semi}` }];
}

function defaultSetter(write: HeaderWrite): string {
  switch (write.framework) {
    case 'fastify':
    case 'hono':
      return 'header';
    case 'node':
      return 'setHeader';
    default:
      return 'set';
  }
}

/**
 * Inserts a header write as the first statement of a handler, in its framework's form.
 * Undefined when the handler has no response parameter to write on (Next.js route handlers,
 * NestJS methods use other forms) or its body is an expression.
 */
export function insertAtHandlerStart(handler: Handler, name: string, value: string, file: FileInput): TextEdit[] | undefined {
  const q = preferredQuote(file.text);
  if (handler.framework === 'nest' && handler.method) {
    const decorators = handler.method.decorators;
    const anchor = decorators[decorators.length - 1];
    if (!anchor) return undefined;
    const indent = indentAt(file.text, anchor.range[0]);
    return [{ range: [anchor.range[1], anchor.range[1]], text: `${lineBreak(file.text)}${indent}@Header(${quote(name, q)}, ${quote(value, q)})` }];
  }
  const response = handler.response;
  const body = handler.fn.body;
  if (!response || !body) return undefined;
  const setter = handler.framework === 'fastify' || handler.framework === 'hono' ? 'header' : handler.framework === 'node' ? 'setHeader' : 'set';
  const call = `${response.name}.${setter}(${quote(name, q)}, ${quote(value, q)})`;
  const semi = usesSemicolons(file) ? ';' : '';
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const first = body.body[0];
    const eol = lineBreak(file.text);
    if (first) {
      // `{ res.json(x); }` on one line stays on one line; a semicolon is then required. So it is
      // before a statement that would otherwise continue the inserted call (`(`, `[`, template).
      if (!file.text.slice(body.range[0], first.range[0]).includes('\n')) return [{ range: [first.range[0], first.range[0]], text: `${call}; ` }];
      if (!semi && /^[([`+\-/]/.test(file.text.slice(first.range[0], first.range[0] + 1))) {
        return [{ range: [first.range[0], first.range[0]], text: `${call};${eol}${indentAt(file.text, first.range[0])}` }];
      }
      const indent = indentAt(file.text, first.range[0]);
      return [{ range: [first.range[0], first.range[0]], text: `${call}${semi}${eol}${indent}` }];
    }
    const indent = indentAt(file.text, body.range[0]);
    return [{ range: [body.range[0] + 1, body.range[1] - 1], text: `${eol}${indent}  ${call}${semi}${eol}${indent}` }];
  }
  // Expression body: `(req, res) => res.json(x)` becomes a block that returns the same value.
  const text = file.text;
  let start = body.range[0];
  let end = body.range[1];
  for (;;) {
    let before = start - 1;
    while (before >= 0 && /\s/.test(text[before]!)) before--;
    let after = end;
    while (after < text.length && /\s/.test(text[after]!)) after++;
    if (text[before] !== '(' || text[after] !== ')') break;
    start = before;
    end = after + 1;
  }
  return [{ range: [start, end], text: `{ ${call}; return ${text.slice(body.range[0], body.range[1])}; }` }];
}

/** Whether the file ends its statements with semicolons, judged by its first statement. */
export function usesSemicolons(file: FileInput): boolean {
  const first = file.ast.body.find((statement) => statement.type !== AST_NODE_TYPES.FunctionDeclaration && statement.type !== AST_NODE_TYPES.ClassDeclaration);
  if (!first) return true;
  return file.text.slice(first.range[0], first.range[1]).trimEnd().endsWith(';');
}
