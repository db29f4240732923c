import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { memoPerFile, type FunctionNode } from '../analysis/file-index.js';
import { isOrigin, originOf } from '../analysis/origins.js';
import { valueKindByType, typeText } from '../analysis/types.js';
import { calleeName, enclosingFunction, isFunction, lineBreak, memberName, resolveVariable, unwrap } from '../ast.js';
import type { Detector, FileInput, SuggestionPlan, TextEdit, VariableLike } from '../model.js';
import { compiledByReactCompiler, type ReactCompilerSetting } from '../react/compiler.js';
import { reactHookCalls, REACT_SOURCE } from '../react/hooks.js';
import { identityUse, mayHaveUnstableResults, unstableDeps, type IdentityUse } from '../react/memo-identity.js';

/** Options of `no-trivial-memo`. */
export interface NoTrivialMemoOptions {
  /** Whether the React Compiler runs: `'auto'` reads `'use memo'` and the nearest package.json. */
  readonly reactCompiler: ReactCompilerSetting;
  /** Under the React Compiler, report every manual `useMemo`/`useCallback`, not only trivial ones. */
  readonly reportAllInCompiler: boolean;
  /**
   * Also report empty-deps memos that use nothing from the component (hoist them to module
   * scope). Off by default: the memo already keeps one identity per instance, so hoisting is a
   * small saving, and a value built per instance (an editor, a store) must not be shared.
   */
  readonly hoist?: boolean;
  /** Report memos of lookups (`TABLE[k]`, `a?.b`, `map.get(k)`), which give back the same reference anyway. */
  readonly reportLookups: boolean;
  /** Report `useCallback`s only ever called and object memos only member-read: nothing sees their identity. */
  readonly reportUnobservedIdentity: boolean;
  /** Report memos defeated by a dep that is new on every render, or by a wrapper that makes a new function anyway. */
  readonly reportDefeatedMemos: boolean;
}

/** Message ids of `no-trivial-memo`. */
export type NoTrivialMemoMessageId =
  | 'trivialMemo'
  | 'trivialMemoCompiler'
  | 'lookupMemo'
  | 'identityNeverObserved'
  | 'defeatedByDeps'
  | 'defeatedByWrapper'
  | 'hoist'
  | 'hoistCompiler'
  | 'manualMemoCompiler'
  | 'unwrapMemo'
  | 'hoistToModule'
  | 'removeManualMemo';

const HOOKS = ['useMemo', 'useCallback'] as const;

/**
 * `useMemo` around a cheap expression of primitive value, and `useMemo`/`useCallback` with
 * empty deps that use nothing from the component.
 *
 * Trivial: the callback returns arithmetic, a comparison, a logical or conditional expression,
 * a string template or concatenation, a literal, a unary operator, a property read, or a pure
 * string/number call (`toFixed`, `trim`, `Math.*`, `Number()`...) over props, state and locals,
 * and its value is provably primitive (by the syntax, or by the type when the host has types).
 * A primitive compares by value, so `React.memo` children, effect deps and context consumers
 * see an equal value whether it was memoised or recomputed: the memo only costs. Quiet when the
 * value can carry identity (objects, arrays, functions, JSX, `new`, unknown calls, a bare
 * identifier of unknown type), when it reads something its deps leave out (a deliberate freeze:
 * `useMemo(() => props.initial * 2, [])`, `ref.current`, `window.innerWidth`), and for calls
 * outside the pure set (`Math.random()`, `Date.now()`, `new Date()` keep a value stable on
 * purpose; `items.filter(...).length` is not cheap).
 *
 * Autofix: unwrap to the expression when the deps are a literal array covering every read,
 * no comment would be lost, and the unwrapped value keeps its type (a literal such as
 * `'grid'` is typed `"grid"` once unwrapped, so the declaration gets the memo's type as an
 * annotation: `const view: string = ...`). Otherwise a suggestion.
 */
export const noTrivialMemo: Detector<NoTrivialMemoOptions, NoTrivialMemoMessageId> = {
  id: 'no-trivial-memo',
  messages: {
    trivialMemo:
      '`useMemo` around a cheap primitive expression only adds work: a primitive compares by value, so recomputing it on each render gives an equal value. Use the expression directly.',
    trivialMemoCompiler:
      '`useMemo` around a cheap primitive expression only adds work, and the React Compiler already memoises this code. Use the expression directly.',
    lookupMemo:
      '`useMemo` around a lookup only adds work: with the same deps, reading `{{expression}}` again gives back the very same reference, so the memo cannot make it any more stable. Use the expression directly.',
    identityNeverObserved:
      '`{{name}}` is only ever {{use}}, so nothing compares its identity: the `{{hook}}` keeps a value stable that nobody checks. Drop the `{{hook}}`.',
    defeatedByDeps:
      '`{{name}}` holds the whole `{{source}}()` result, a new object on every render, so this `{{hook}}` recomputes on every render anyway. Depend on the stable member you use (`const { mutate } = {{source}}(...)`) instead.',
    defeatedByWrapper:
      '`{{name}}` only reaches `{{wrapper}}({{name}})`, which makes a new function on every render, so the `{{hook}}` cannot keep anything stable. Drop the `{{hook}}`.',
    hoist:
      '`{{hook}}` with empty deps that uses nothing from the component: hoist it to module scope, where it is created once instead of being cached per component instance.',
    hoistCompiler:
      '`{{hook}}` with empty deps that uses nothing from the component: hoist it to module scope (the React Compiler memoises the rest of this code for you).',
    manualMemoCompiler:
      'Manual `{{hook}}` in code the React Compiler memoises: the compiler memoises this for you, so the manual memo is redundant.',
    unwrapMemo: 'Replace the `useMemo` call with its expression.',
    hoistToModule: 'Move it to module scope as `{{name}}`.',
    removeManualMemo: 'Remove the `{{hook}}` wrapper.',
  },
  // The capitalised halves first: V8 finds a rare first character several times faster.
  gate: (text) => (text.includes('Memo') && text.includes('useMemo')) || (text.includes('Callback') && text.includes('useCallback')),
  detect(file, options, report) {
    const calls = reactHookCalls(file, HOOKS);
    if (calls.length === 0) return;
    const context = new MemoContext(file);
    for (const { call, hook } of calls) {
      const component = enclosingFunction(call);
      if (!component) continue;
      // Only read directives and package.json for calls that are reported or may be.
      const compiled = (): boolean => compiledByReactCompiler(call, file, options.reactCompiler);
      if (hook === 'useMemo') {
        const trivial = trivialMemo(call, context);
        if (trivial) {
          report({
            messageId: compiled() ? 'trivialMemoCompiler' : 'trivialMemo',
            node: call,
            ...(trivial.fix ? { fix: trivial.fix } : {}),
            ...(trivial.suggestion ? { suggestions: [{ messageId: 'unwrapMemo', edits: trivial.suggestion }] } : {}),
          });
          continue;
        }
        const lookup = options.reportLookups ? lookupMemo(call, context) : undefined;
        if (lookup) {
          report({
            messageId: 'lookupMemo',
            data: { expression: lookup.expression },
            node: call,
            ...(lookup.fix ? { fix: lookup.fix } : {}),
            ...(lookup.suggestion ? { suggestions: [{ messageId: 'unwrapMemo', edits: lookup.suggestion }] } : {}),
          });
          continue;
        }
      }
      const hoist = options.hoist ? hoistPlan(call, hook, component, context) : undefined;
      if (hoist) {
        report({
          messageId: compiled() ? 'hoistCompiler' : 'hoist',
          data: { hook },
          node: call,
          suggestions: [{ messageId: 'hoistToModule', data: { name: hoist.name }, edits: hoist.edits }],
        });
        continue;
      }
      if (options.reportDefeatedMemos && context.unstableResults) {
        const deps = call.arguments[1];
        const unstable = deps?.type === AST_NODE_TYPES.ArrayExpression ? unstableDeps(deps, file)[0] : undefined;
        if (unstable) {
          report({ messageId: 'defeatedByDeps', data: { name: unstable.node.name, source: unstable.hook, hook }, node: unstable.node });
          continue;
        }
      }
      const unobserved = options.reportUnobservedIdentity || options.reportDefeatedMemos ? unobservedIdentity(call, hook, context) : undefined;
      if (unobserved && (unobserved.use.kind === 'wrapped' ? options.reportDefeatedMemos : options.reportUnobservedIdentity)) {
        const removal = removeManualMemo(call, hook, context);
        const suggestions: SuggestionPlan<NoTrivialMemoMessageId>[] = removal ? [{ messageId: 'removeManualMemo', data: { hook }, edits: removal }] : [];
        const data = { name: unobserved.name, hook };
        if (unobserved.use.kind === 'wrapped') {
          report({ messageId: 'defeatedByWrapper', data: { ...data, wrapper: unobserved.use.wrapper }, node: call, suggestions });
        } else {
          report({ messageId: 'identityNeverObserved', data: { ...data, use: hook === 'useCallback' ? 'called or set as a DOM event handler' : 'read through its members' }, node: call, suggestions });
        }
        continue;
      }
      if (options.reportAllInCompiler && compiled()) {
        const removal = removeManualMemo(call, hook, context);
        const suggestions: SuggestionPlan<NoTrivialMemoMessageId>[] = removal
          ? [{ messageId: 'removeManualMemo', data: { hook }, edits: removal }]
          : [];
        report({ messageId: 'manualMemoCompiler', data: { hook }, node: call, suggestions });
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Per-file helpers

/** Facts about the file that several candidates need: comments, typing, name collisions. */
class MemoContext {
  readonly comments: readonly TSESTree.Comment[];
  readonly typescript: boolean;
  readonly semi: string;
  readonly eol: string;
  /** The file may hold a hook result that is new on every render (`useMutation()`). */
  readonly unstableResults: boolean;
  private usedNames: Set<string> | undefined;

  constructor(readonly file: FileInput) {
    this.comments = file.ast.comments ?? [];
    // Type annotations only in TypeScript sources; a JS file's literals have no literal types to narrow.
    this.typescript = !/\.[cm]?jsx?$/i.test(file.filename);
    this.semi = /;\s*$/m.test(file.text) ? ';' : '';
    this.eol = lineBreak(file.text);
    this.unstableResults = mayHaveUnstableResults(file.text);
  }

  /** Comments that start within [start, end). */
  commentsIn(start: number, end: number): TSESTree.Comment[] {
    // Comments are sorted: binary search for the first one at or after `start`.
    let lo = 0;
    let hi = this.comments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.comments[mid]!.range[0] < start) lo = mid + 1;
      else hi = mid;
    }
    const out: TSESTree.Comment[] = [];
    for (let i = lo; i < this.comments.length && this.comments[i]!.range[0] < end; i++) out.push(this.comments[i]!);
    return out;
  }

  /** Names a new module-level binding must not take: declared at module or global level, or used unresolved. */
  takenAtModuleLevel(): Set<string> {
    if (this.usedNames) return this.usedNames;
    const names = new Set<string>();
    const global = this.file.scopeManager?.globalScope;
    if (global) {
      for (const name of global.set.keys()) names.add(name);
      for (const child of global.childScopes) {
        if (child.type === 'module') for (const name of child.set.keys()) names.add(name);
      }
      const through = (global as { through?: readonly { identifier: TSESTree.Identifier }[] }).through ?? [];
      for (const reference of through) names.add(reference.identifier.name);
    }
    this.usedNames = names;
    return names;
  }
}

/** The value expression of a memo callback: an arrow's expression body or a lone `return`. */
function memoValue(callback: FunctionNode): TSESTree.Expression | undefined {
  if (callback.params.length > 0 || callback.async || callback.generator) return undefined;
  const body = callback.body;
  if (!body) return undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
  if (body.body.length !== 1) return undefined;
  const only = body.body[0]!;
  return only.type === AST_NODE_TYPES.ReturnStatement && only.argument ? only.argument : undefined;
}

function callbackOf(call: TSESTree.CallExpression): FunctionNode | undefined {
  const first = call.arguments[0];
  return first && isFunction(first) ? first : undefined;
}

// ---------------------------------------------------------------------------------------------
// Cheap, primitive expressions

/** Globals whose calls are pure and return primitives: `Number(x)`, `String(x)`, `Boolean(x)`. */
const PURE_GLOBAL_CALLS = new Set(['Number', 'String', 'Boolean', 'parseInt', 'parseFloat', 'isNaN', 'isFinite']);
/** `Math.*` (except `random`) and these `Number.*` statics are pure and cheap. */
const PURE_NUMBER_STATICS = new Set(['isFinite', 'isInteger', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt']);
/** Methods of strings and numbers that are pure, cheap and return primitives. */
const PURE_METHODS = new Set([
  'toFixed',
  'toPrecision',
  'toLowerCase',
  'toUpperCase',
  'trim',
  'trimStart',
  'trimEnd',
  'padStart',
  'padEnd',
  'charAt',
  'startsWith',
  'endsWith',
]);
/** Properties that are numbers on every built-in that has them (arrays, strings, Maps, Sets). */
const NUMERIC_PROPERTIES = new Set(['length', 'size']);
/** Global identifiers that are constants. */
const CONSTANT_GLOBALS = new Set(['undefined', 'NaN', 'Infinity']);

/** A read of a variable, as the member path a dependency array would name (`props.user.name`). */
interface Read {
  readonly root: TSESTree.Identifier;
  readonly path: readonly string[];
}

/** What the analysis knows of a sub-expression's value. */
interface Value {
  readonly kind: 'primitive' | 'unknown';
  /**
   * A string or number by its syntax (`''`, `0`, a template, arithmetic, `toFixed()`): hints
   * that a sibling in `??`/`||`/`?:` is one too. Booleans, `null` and `undefined` do not
   * (`options || false`, `user ?? null` pair them with objects).
   */
  readonly hint: boolean;
}

/** A primitive that says nothing about its siblings (booleans, `null`, `undefined`). */
const PRIMITIVE: Value = { kind: 'primitive', hint: false };
/** A string or a number. */
const STRING_OR_NUMBER: Value = { kind: 'primitive', hint: true };
const UNKNOWN: Value = { kind: 'unknown', hint: false };
/** Operators whose result is a string or a number (the rest give booleans). */
const STRING_OR_NUMBER_OPERATORS = new Set(['+', '-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>']);

function isGlobal(identifier: TSESTree.Identifier, file: FileInput): boolean {
  const variable = resolveVariable(identifier, file.scopeManager);
  return !variable || variable.defs.length === 0;
}

/** A `const` declared in a block-bodied memo: its value, and the reads it was computed from. */
interface LocalFact {
  readonly value: Value;
  readonly reads: readonly Read[];
}

/**
 * Walks a candidate expression (never the file): the value's kind when every node is cheap and
 * pure, or undefined as soon as one is not. Collects the variable reads for the deps check.
 */
class CheapAnalysis {
  readonly reads: Read[] = [];
  /** Set when a call was accepted on its type alone: cheap and pure by assumption, so never an autofix. */
  assumed = false;
  /** `const` locals of a block-bodied memo, substituted where they are read. */
  readonly locals = new Map<VariableLike, LocalFact>();
  private nodes = 0;

  /** `scope`: the memo callback; a binding declared inside it must be a known local. */
  constructor(
    private readonly file: FileInput,
    private readonly scope?: FunctionNode,
  ) {}

  value(node: TSESTree.Node, depth = 0): Value | undefined {
    if (++this.nodes > 200 || depth > 40) return undefined;
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        if ('regex' in node && node.regex) return undefined; // a RegExp object
        return typeof node.value === 'string' || typeof node.value === 'number' ? STRING_OR_NUMBER : PRIMITIVE;
      case AST_NODE_TYPES.TemplateLiteral:
        for (const expression of node.expressions) if (!this.value(expression, depth + 1)) return undefined;
        return STRING_OR_NUMBER;
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.member(node, depth);
      case AST_NODE_TYPES.ChainExpression:
        return this.value(node.expression, depth + 1);
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === 'delete') return undefined;
        if (!this.value(node.argument, depth + 1)) return undefined;
        return node.operator === '-' || node.operator === '+' || node.operator === '~' ? STRING_OR_NUMBER : PRIMITIVE;
      case AST_NODE_TYPES.BinaryExpression:
        if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
        if (!this.value(node.left, depth + 1) || !this.value(node.right, depth + 1)) return undefined;
        return STRING_OR_NUMBER_OPERATORS.has(node.operator) ? STRING_OR_NUMBER : PRIMITIVE;
      case AST_NODE_TYPES.LogicalExpression: {
        const left = this.value(node.left, depth + 1);
        const right = left && this.value(node.right, depth + 1);
        if (!left || !right) return undefined;
        // `a && b` is `a` only when `a` is falsy, and every falsy value is a primitive.
        if (node.operator === '&&') return right.kind === 'primitive' ? PRIMITIVE : UNKNOWN;
        return either(left, right);
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        if (!this.value(node.test, depth + 1)) return undefined;
        const consequent = this.value(node.consequent, depth + 1);
        const alternate = consequent && this.value(node.alternate, depth + 1);
        return consequent && alternate ? either(consequent, alternate) : undefined;
      }
      case AST_NODE_TYPES.CallExpression:
        return this.call(node, depth);
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        return this.value(node.expression, depth + 1);
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion: {
        const inner = this.value(node.expression, depth + 1);
        if (!inner) return undefined;
        return isPrimitiveTypeNode(node.typeAnnotation) ? PRIMITIVE : { kind: inner.kind, hint: false };
      }
      default:
        return undefined;
    }
  }

  /** Reads `node` as a local of the memo (substituted), a primitive `useState` value, or an outside read. */
  private identifier(node: TSESTree.Identifier): Value | undefined {
    if (CONSTANT_GLOBALS.has(node.name) && isGlobal(node, this.file)) return PRIMITIVE;
    const variable = resolveVariable(node, this.file.scopeManager);
    const local = variable && this.locals.get(variable);
    if (local) {
      this.reads.push(...local.reads);
      return local.value;
    }
    // Any other binding of the callback's own (a parameter of a nested function, a `let`) is not followed.
    const def = variable?.defs[0];
    if (def && this.scope && within(this.scope, def.name)) return undefined;
    this.reads.push({ root: node, path: [node.name] });
    return (variable && literalStateValue(variable, this.file)) ?? UNKNOWN;
  }

  private member(node: TSESTree.MemberExpression, depth: number): Value | undefined {
    // Walk the chain down to its root, recording the static path a deps array would name.
    const path: string[] = [];
    let current: TSESTree.Node = node;
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      if (name === undefined) {
        if (!current.computed || !this.value(current.property, depth + 1)) return undefined;
        path.length = 0; // a dynamic key: the deps must name the object itself
      } else path.unshift(name);
      current = current.object;
    }
    if (current.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(current, this.file.scopeManager);
      const local = variable && this.locals.get(variable);
      if (local) this.reads.push(...local.reads);
      else if (variable && this.scope && variable.defs[0] && within(this.scope, variable.defs[0].name)) return undefined;
      else if (variable && node.object === current) {
        // `SIZES[size]` into a constant table of primitives: a primitive, and a table declared in
        // the component with literals only is the same table on every render (no dep needed).
        const table = primitiveTable(variable, this.file);
        if (table) return table;
        this.reads.push({ root: current, path: [current.name, ...path] });
      } else if (!isGlobalConstantObject(current, this.file)) this.reads.push({ root: current, path: [current.name, ...path] });
    } else if (!this.value(current, depth + 1)) return undefined;
    const name = memberName(node);
    return name !== undefined && NUMERIC_PROPERTIES.has(name) ? STRING_OR_NUMBER : UNKNOWN;
  }

  private call(node: TSESTree.CallExpression, depth: number): Value | undefined {
    if (node.typeArguments) return undefined;
    if (isJsonStringify(node, this.file)) {
      // `JSON.stringify({ page, sort: 'asc' })`: a small literal of primitives, never a value that may be large.
      const argument = node.arguments[0];
      if (node.arguments.length !== 1 || !argument) return undefined;
      const small =
        argument.type === AST_NODE_TYPES.ObjectExpression || argument.type === AST_NODE_TYPES.ArrayExpression
          ? this.smallLiteral(argument, depth + 1)
          : this.value(argument, depth + 1)?.kind === 'primitive';
      return small ? STRING_OR_NUMBER : undefined;
    }
    for (const argument of node.arguments) {
      if (argument.type === AST_NODE_TYPES.SpreadElement || !this.value(argument, depth + 1)) return undefined;
    }
    const callee = node.callee;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (!PURE_GLOBAL_CALLS.has(callee.name) || !isGlobal(callee, this.file)) return this.typedCall(node);
      return callee.name === 'Boolean' || callee.name === 'isNaN' || callee.name === 'isFinite' ? PRIMITIVE : STRING_OR_NUMBER;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (method === undefined) return undefined;
    const object = callee.object;
    if (object.type === AST_NODE_TYPES.Identifier && isGlobal(object, this.file)) {
      if (object.name === 'Math') return method === 'random' ? undefined : STRING_OR_NUMBER;
      if (object.name === 'Number') return PURE_NUMBER_STATICS.has(method) ? PRIMITIVE : undefined;
    }
    // `['draft', 'sent'].includes(status)`, `STATUSES.includes(status)`: a short list of literals.
    if (method === 'includes' && node.arguments.length === 1 && literalList(object, this.file)) return PRIMITIVE;
    if (!PURE_METHODS.has(method)) return this.value(object, depth + 1) ? this.typedCall(node) : undefined;
    if (!this.value(object, depth + 1)) return undefined;
    return method === 'startsWith' || method === 'endsWith' ? PRIMITIVE : STRING_OR_NUMBER;
  }

  /** With type information, a call (with arguments) whose type is primitive: cheap and pure by assumption. */
  private typedCall(node: TSESTree.CallExpression): Value | undefined {
    if (!this.file.program || node.arguments.length === 0 || IMPURE_NAME.test(calleeName(node) ?? '')) return undefined;
    if (valueKindByType(node, this.file) !== 'primitive') return undefined;
    this.assumed = true;
    return PRIMITIVE;
  }

  /** An object or array literal of at most a dozen entries whose values are primitives. */
  private smallLiteral(node: TSESTree.ObjectExpression | TSESTree.ArrayExpression, depth: number): boolean {
    const values: TSESTree.Node[] = [];
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of node.elements) {
        if (!element || element.type === AST_NODE_TYPES.SpreadElement) return false;
        values.push(element);
      }
    } else {
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.computed || property.method) return false;
        values.push(property.value);
      }
    }
    return values.length <= 12 && values.every((value) => this.value(value, depth + 1)?.kind === 'primitive');
  }
}

/** Callee names that say the call makes a fresh or random value, kept stable on purpose (`nanoid()`, `uniqueId(prefix)`). */
const IMPURE_NAME = /random|uuid|nanoid|uniqueid|createid|generate|^now$/i;

function isJsonStringify(call: TSESTree.CallExpression, file: FileInput): boolean {
  return isGlobalMember(call.callee, 'JSON', file) && call.callee.type === AST_NODE_TYPES.MemberExpression && memberName(call.callee) === 'stringify';
}

/** `JSON.x`, `Intl.x`: a member of the global `name`, not of a local binding that shadows it. */
function isGlobalMember(callee: TSESTree.Node, name: string, file: FileInput): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === name &&
    isGlobal(callee.object, file)
  );
}

/** A primitive literal as a table may hold it: `'a'`, `1`, `-1`, `true`, `null`, `` `x` ``. */
function primitiveLiteral(node: TSESTree.Node): Value | undefined {
  const expression = node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression ? node.expression : node;
  if (expression.type === AST_NODE_TYPES.Literal) {
    if ('regex' in expression && expression.regex) return undefined;
    return typeof expression.value === 'string' || typeof expression.value === 'number' ? STRING_OR_NUMBER : PRIMITIVE;
  }
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0) return STRING_OR_NUMBER;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '-' && expression.argument.type === AST_NODE_TYPES.Literal) {
    return STRING_OR_NUMBER;
  }
  return undefined;
}

/** The `const` initialiser of a variable that nothing writes to, nor to its members. */
function unmutatedConstInit(variable: VariableLike): TSESTree.Node | undefined {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declaration = def.node.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    // Handed to a function (`Object.assign(TABLE, extra)`): it may change it.
    if (member?.type === AST_NODE_TYPES.CallExpression && member.arguments.includes(reference.identifier as TSESTree.Expression)) return undefined;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const use = member.parent;
    if (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member) return undefined;
    if (use?.type === AST_NODE_TYPES.UpdateExpression || (use?.type === AST_NODE_TYPES.UnaryExpression && use.operator === 'delete')) return undefined;
    if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === member && MUTATORS.has(memberName(member) ?? '')) return undefined;
  }
  const init = def.node.init;
  if (!init) return undefined;
  return init.type === AST_NODE_TYPES.TSAsExpression || init.type === AST_NODE_TYPES.TSSatisfiesExpression ? init.expression : init;
}

const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

/** A `const` object or array literal whose values are all primitive literals: the kind of what a lookup in it gives. */
function primitiveTable(variable: VariableLike, file: FileInput): Value | undefined {
  const cache = memoPerFile(primitiveTable, file.ast, () => new Map<VariableLike, Value | null>());
  const cached = cache.get(variable);
  if (cached !== undefined) return cached ?? undefined;
  const init = unmutatedConstInit(variable);
  let values: (TSESTree.Node | null)[] = [];
  if (init?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of init.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.method || (property.computed && !primitiveLiteral(property.key))) {
        values = [null];
        break;
      }
      values.push(property.value);
    }
  } else if (init?.type === AST_NODE_TYPES.ArrayExpression) values = init.elements;
  let out: Value | undefined = values.length > 0 && values.length <= 200 ? STRING_OR_NUMBER : undefined;
  for (const value of values) {
    const kind = value ? primitiveLiteral(value) : undefined;
    if (!out || !kind) {
      out = undefined;
      break;
    }
    if (!kind.hint) out = PRIMITIVE;
  }
  cache.set(variable, out ?? null);
  return out;
}

/** `['draft', 'sent']`, or a `const` bound to such a list: `.includes` on it is a cheap boolean. */
function literalList(node: TSESTree.Node, file: FileInput): boolean {
  let list: TSESTree.Node | undefined = node;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(node, file.scopeManager);
    list = variable ? unmutatedConstInit(variable) : undefined;
  }
  if (list?.type === AST_NODE_TYPES.TSAsExpression || list?.type === AST_NODE_TYPES.TSSatisfiesExpression) list = list.expression;
  return (
    list?.type === AST_NODE_TYPES.ArrayExpression &&
    list.elements.length <= 32 &&
    list.elements.every((element) => element !== null && primitiveLiteral(element) !== undefined)
  );
}

/** `const [busy] = useState(false)`: state initialised with a primitive literal stays that kind. */
function literalStateValue(variable: VariableLike, file: FileInput): Value | undefined {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const { id, init } = def.node;
  if (id.type !== AST_NODE_TYPES.ArrayPattern || id.elements[0] !== def.name || init?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const initial = init.arguments[0];
  const kind = initial && init.arguments.length === 1 ? primitiveLiteral(initial) : undefined;
  if (!kind || (initial?.type === AST_NODE_TYPES.Literal && initial.value === null)) return undefined;
  return isOrigin(originOf(init.callee, file), REACT_SOURCE, ['useState'], 'ref') ? kind : undefined;
}

/** `Math.PI`, `Number.MAX_SAFE_INTEGER`: constants of a global namespace, not reads to list in deps. */
function isGlobalConstantObject(identifier: TSESTree.Identifier, file: FileInput): boolean {
  return (identifier.name === 'Math' || identifier.name === 'Number') && isGlobal(identifier, file);
}

/** The value of `a ?? b`, `a || b`, `c ? a : b`: primitive when both are, or when one is unknown and the other a string or number. */
function either(a: Value, b: Value): Value {
  if (a.kind === 'primitive' && b.kind === 'primitive') return { kind: 'primitive', hint: a.hint && b.hint };
  // `user?.name ?? ''`, `props.label || 'Untitled'`, `unread > 0 ? `(${unread}) ${app}` : app`:
  // the string or number beside it states the kind (an object would pair with `{}`, `[]` or `null`).
  if (a.hint || b.hint) return STRING_OR_NUMBER;
  return UNKNOWN;
}

function isPrimitiveTypeNode(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSTemplateLiteralType:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every(isPrimitiveTypeNode);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Dependencies

/** `complete`: every read is covered; `incomplete`: a read is missing (a deliberate freeze); `unknown`: deps not a literal. */
type DepsState = 'none' | 'complete' | 'incomplete' | 'unknown';

function depPath(node: TSESTree.Node): string[] | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return [expression.name];
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(expression);
    const object = name === undefined ? undefined : depPath(expression.object);
    return object && name !== undefined ? [...object, name] : undefined;
  }
  return undefined;
}

/** Whether a read must be named in the deps for the memo to recompute when it changes. */
function needsDep(read: Read, file: FileInput): boolean {
  const variable = resolveVariable(read.root, file.scopeManager);
  // Globals (`window.innerWidth`, `document.title`) change without the component knowing.
  if (!variable || variable.defs.length === 0) return true;
  const def = variable.defs[0]!;
  // Declared in a function (the component, or a hook factory around it): props, state, locals.
  if (enclosingFunction(def.name) !== undefined) return true;
  // Module level: constants, imports and functions are stable; a reassigned `let` is not.
  return variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name);
}

function within(outer: { readonly range: TSESTree.Range }, inner: { readonly range: TSESTree.Range }): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function depsState(call: TSESTree.CallExpression, reads: readonly Read[], file: FileInput): DepsState {
  const deps = call.arguments[1];
  if (!deps) return 'none';
  if (deps.type !== AST_NODE_TYPES.ArrayExpression) return 'unknown';
  const paths: string[][] = [];
  for (const element of deps.elements) {
    if (!element) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
    const path = depPath(element);
    if (path) paths.push(path);
  }
  for (const read of reads) {
    if (!needsDep(read, file)) continue;
    // A ref's `.current` changes without a render: only a dep naming `.current` itself covers it.
    const current = read.path.indexOf('current', 1);
    const covered = paths.some(
      (path) => path.length <= read.path.length && path.every((part, i) => part === read.path[i]) && (current === -1 || path.length > current),
    );
    if (!covered) return 'incomplete';
  }
  return 'complete';
}

// ---------------------------------------------------------------------------------------------
// Trivial memo

interface TrivialResult {
  readonly fix?: TextEdit[];
  readonly suggestion?: TextEdit[];
}

/** The value's source for a message, shortened. */
function shortText(node: TSESTree.Node, file: FileInput): string {
  const text = file.text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}

function trivialMemo(call: TSESTree.CallExpression, context: MemoContext): TrivialResult | undefined {
  const { file } = context;
  if (call.arguments.length > 2) return undefined;
  const callback = callbackOf(call);
  if (!callback || callback.params.length > 0 || callback.async || callback.generator || !callback.body) return undefined;
  const analysis = new CheapAnalysis(file, callback);
  const value = memoValue(callback);
  const block = !value && callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body : undefined;
  const syntactic = value ? analysis.value(value) : block && blockValue(block, analysis, file);
  if (!syntactic) return undefined;
  // The type, when there is one, has the last word on identity; without it, only proven primitives.
  const typed = valueKindByType(call, file);
  if (typed === 'object') return undefined;
  if (typed === 'unknown' && syntactic.kind !== 'primitive') return undefined;
  const deps = depsState(call, analysis.reads, file);
  if (deps === 'incomplete') return undefined;
  if (!value) {
    // Several statements: no mechanical rewrite but for `if`/`return` chains, and never an autofix.
    const text = block && context.commentsIn(call.range[0], call.range[1]).length === 0 ? conditionalText(block.body, file) : undefined;
    return text === undefined ? {} : { suggestion: replaceCallEdits(call, text, context) };
  }
  return unwrapResult(call, callback, value, deps, context, !analysis.assumed);
}

// ---------------------------------------------------------------------------------------------
// Lookups: the same reference with or without the memo

/**
 * `useMemo(() => SIZES[variant], [variant])`, `useMemo(() => current?.id || list[0]?.id, ...)`,
 * `useMemo(() => rowsById.get(id), [rowsById, id])`: a memo whose value is only reads (`a.b`,
 * `a[k]`, `?.`, a proven `Map`'s `get`), literals and primitives, combined by `||`, `??`, `&&`
 * and `?:`, gives back the reference it reads. With the same deps, reading again gives the same
 * reference, so the memo buys no identity whatever the type. Autofix when every read is of a
 * module-level literal table (or a bare binding); otherwise a getter or an in-place mutation could
 * tell the two apart, so a suggestion.
 */
function lookupMemo(call: TSESTree.CallExpression, context: MemoContext): (TrivialResult & { readonly expression: string }) | undefined {
  const { file } = context;
  if (call.arguments.length > 2) return undefined;
  const callback = callbackOf(call);
  const value = callback && memoValue(callback);
  if (!callback || !value) return undefined;
  const analysis = new CheapAnalysis(file, callback);
  const lookups = new LookupAnalysis(analysis, file);
  if (lookups.of(value, 0) !== 'lookup') return undefined;
  const deps = depsState(call, analysis.reads, file);
  if (deps === 'incomplete') return undefined;
  return { ...unwrapResult(call, callback, value, deps, context, lookups.certain), expression: shortText(value, file) };
}

// ---------------------------------------------------------------------------------------------
// Identity never observed

/**
 * `const go = useCallback((i) => ..., deps)` only called, or `const box = useMemo(() => ({ w, h }), deps)`
 * only member-read (see `identityUse`). The `useCallback` must wrap a function literal
 * (`useCallback(throttle(fn, 200), [])` keeps one throttle instance on purpose); the object or
 * array literal must hold cheap values read from covered deps, so unwrapping costs nothing more.
 */
function unobservedIdentity(call: TSESTree.CallExpression, hook: string, context: MemoContext): { name: string; use: IdentityUse } | undefined {
  const { file } = context;
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (call.arguments.length !== 2 || call.arguments[1]?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const callback = callbackOf(call);
  if (!callback) return undefined;
  let use: IdentityUse | undefined;
  if (hook === 'useCallback') use = identityUse(declarator, 'function', file);
  else {
    const value = memoValue(callback);
    const analysis = new CheapAnalysis(file, callback);
    if (!value || !cheapLiteral(value, analysis) || depsState(call, analysis.reads, file) !== 'complete') return undefined;
    use = identityUse(declarator, 'object', file);
    if (use?.kind === 'wrapped') return undefined;
  }
  return use && { name: declarator.id.name, use };
}

/** `{ w, h: size.h }`, `[min, max]`: a literal whose entries are all cheap values. */
function cheapLiteral(node: TSESTree.Node, analysis: CheapAnalysis): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return node.elements.length <= 12 && node.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && analysis.value(element) !== undefined);
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression || node.properties.length > 12) return false;
  return node.properties.every(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      property.kind === 'init' &&
      !property.method &&
      (!property.computed || analysis.value(property.key) !== undefined) &&
      analysis.value(property.value) !== undefined,
  );
}

class LookupAnalysis {
  /** False once a read could run a getter or see an in-place mutation. */
  certain = true;

  constructor(
    private readonly analysis: CheapAnalysis,
    private readonly file: FileInput,
  ) {}

  /** `lookup` when the value is a reference read, `primitive` for a cheap primitive, undefined otherwise. */
  of(node: TSESTree.Node, depth: number): 'lookup' | 'primitive' | undefined {
    if (depth > 20) return undefined;
    switch (node.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        return this.of(node.expression, depth + 1);
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression: {
        const value = this.analysis.value(node);
        if (!value) return undefined;
        if (value.kind === 'primitive') return 'primitive';
        if (node.type === AST_NODE_TYPES.MemberExpression && !this.literalRoot(node)) this.certain = false;
        return 'lookup';
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'get' && node.arguments.length === 1 && this.isMap(callee.object)) {
          if (!this.analysis.value(callee.object) || !this.analysis.value(node.arguments[0]!)) return undefined;
          this.certain = false;
          return 'lookup';
        }
        break;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const left = this.of(node.left, depth + 1);
        const right = left && this.of(node.right, depth + 1);
        return right && (left === 'lookup' || right === 'lookup' ? 'lookup' : 'primitive');
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        if (!this.analysis.value(node.test)) return undefined;
        const consequent = this.of(node.consequent, depth + 1);
        const alternate = consequent && this.of(node.alternate, depth + 1);
        return alternate && (consequent === 'lookup' || alternate === 'lookup' ? 'lookup' : 'primitive');
      }
      default:
        break;
    }
    return this.analysis.value(node)?.kind === 'primitive' ? 'primitive' : undefined;
  }

  /** The read's root is a module-level `const` object or array literal without getters, never written to. */
  private literalRoot(node: TSESTree.MemberExpression): boolean {
    let root: TSESTree.Node = node;
    while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.TSNonNullExpression) {
      root = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.expression;
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = resolveVariable(root, this.file.scopeManager);
    const init = variable && enclosingFunction(variable.defs[0]!.name) === undefined ? unmutatedConstInit(variable) : undefined;
    if (init?.type === AST_NODE_TYPES.ArrayExpression) return true;
    return init?.type === AST_NODE_TYPES.ObjectExpression && init.properties.every((property) => property.type !== AST_NODE_TYPES.Property || property.kind === 'init');
  }

  /** A `const` bound to `new Map()` (or a memo of one), or typed as a `Map`. */
  private isMap(node: TSESTree.Node): boolean {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(node, this.file.scopeManager);
      let init = variable ? unmutatedConstInit(variable) : undefined;
      if (init?.type === AST_NODE_TYPES.CallExpression) {
        const inner = init.arguments[0];
        init = inner && isFunction(inner) ? memoValue(inner) : undefined;
      }
      if (init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && MAPS.has(init.callee.name)) return true;
    }
    return /^(Readonly)?Map</.test(typeText(node, this.file) ?? '');
  }
}

const MAPS = new Set(['Map', 'WeakMap']);

/** The fix (or, when something could change, the suggestion) that unwraps `useMemo(() => value, deps)`. */
function unwrapResult(
  call: TSESTree.CallExpression,
  callback: FunctionNode,
  value: TSESTree.Expression,
  deps: DepsState,
  context: MemoContext,
  certain: boolean,
): TrivialResult {
  const replacement = unwrapEdits(call, callback, value, context);
  if (!replacement.edits) return {};
  const safe = certain && (deps === 'complete' || deps === 'none') && !replacement.losesComments && replacement.typeSafe;
  return safe ? { fix: replacement.edits } : { suggestion: replacement.edits };
}

/** Replaces the hook call by `text` (a conditional expression), with its sole import. */
function replaceCallEdits(call: TSESTree.CallExpression, text: string, context: MemoContext): TextEdit[] {
  const wrapped = needsParentheses({ type: AST_NODE_TYPES.ConditionalExpression } as TSESTree.Expression, call) ? `(${text})` : text;
  const edits: TextEdit[] = [{ range: call.range, text: wrapped }];
  const importEdit = removeSoleImport(call, context);
  if (importEdit) edits.push(importEdit);
  return edits;
}

/**
 * The value of a block-bodied memo: `const` locals (substituted where read), `if`/`else` and
 * `switch` whose tests are cheap too, and `return`s that are each cheap. Undefined for anything else.
 */
function blockValue(body: TSESTree.BlockStatement, analysis: CheapAnalysis, file: FileInput): Value | undefined {
  const returns: Value[] = [];
  let budget = 40;
  const walk = (statements: readonly TSESTree.Statement[], inSwitch: boolean): boolean => {
    for (const statement of statements) {
      if (--budget < 0) return false;
      switch (statement.type) {
        case AST_NODE_TYPES.ReturnStatement: {
          const returned = statement.argument ? analysis.value(statement.argument) : PRIMITIVE;
          if (!returned) return false;
          returns.push(returned);
          break;
        }
        case AST_NODE_TYPES.IfStatement:
          if (!analysis.value(statement.test) || !walk([statement.consequent], inSwitch)) return false;
          if (statement.alternate && !walk([statement.alternate], inSwitch)) return false;
          break;
        case AST_NODE_TYPES.BlockStatement:
          if (!walk(statement.body, inSwitch)) return false;
          break;
        case AST_NODE_TYPES.SwitchStatement:
          if (!analysis.value(statement.discriminant)) return false;
          for (const branch of statement.cases) {
            if ((branch.test && !analysis.value(branch.test)) || !walk(branch.consequent, true)) return false;
          }
          break;
        case AST_NODE_TYPES.BreakStatement:
          if (!inSwitch || statement.label) return false;
          break;
        case AST_NODE_TYPES.EmptyStatement:
          break;
        case AST_NODE_TYPES.VariableDeclaration:
          if (statement.kind !== 'const' || !declareLocals(statement, analysis, file)) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  };
  if (!walk(body.body, false)) return undefined;
  // Falling off the end returns `undefined`.
  if (body.body[body.body.length - 1]?.type !== AST_NODE_TYPES.ReturnStatement) returns.push(PRIMITIVE);
  return returns.reduce(either);
}

/** Records each `const x = <cheap>` as a local, with the reads it was computed from (for the deps check). */
function declareLocals(statement: TSESTree.VariableDeclaration, analysis: CheapAnalysis, file: FileInput): boolean {
  for (const declarator of statement.declarations) {
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return false;
    const start = analysis.reads.length;
    const value = analysis.value(declarator.init);
    const variable = file.scopeManager?.getDeclaredVariables(declarator)[0];
    if (!value || !variable) return false;
    analysis.locals.set(variable, { value, reads: analysis.reads.splice(start) });
  }
  return true;
}

/** `if (a) return x; return y;` as `a ? x : y`: only `if`/`else` and `return`, else undefined. */
function conditionalText(statements: readonly TSESTree.Statement[], file: FileInput, depth = 0): string | undefined {
  const [statement, ...rest] = statements;
  if (!statement || depth > 12) return undefined;
  const source = (node: TSESTree.Node): string => {
    const text = file.text.slice(node.range[0], node.range[1]);
    return precedence(node) <= 3 ? `(${text})` : text;
  };
  const list = (node: TSESTree.Statement): readonly TSESTree.Statement[] => (node.type === AST_NODE_TYPES.BlockStatement ? node.body : [node]);
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument ? source(statement.argument) : 'undefined';
    case AST_NODE_TYPES.BlockStatement:
      return conditionalText([...statement.body, ...rest], file, depth + 1);
    case AST_NODE_TYPES.IfStatement: {
      // A branch that does not return falls through to the statements after the `if`.
      const consequent = conditionalText([...list(statement.consequent), ...rest], file, depth + 1);
      const alternate = conditionalText([...(statement.alternate ? list(statement.alternate) : []), ...rest], file, depth + 1);
      return consequent !== undefined && alternate !== undefined ? `${source(statement.test)} ? ${consequent} : ${alternate}` : undefined;
    }
    default:
      return undefined;
  }
}

interface Unwrap {
  readonly edits?: TextEdit[];
  readonly losesComments: boolean;
  readonly typeSafe: boolean;
}

/** The edits that replace `useMemo(() => value, deps)` by `value`, keeping the result's type. */
function unwrapEdits(call: TSESTree.CallExpression, callback: FunctionNode, value: TSESTree.Expression, context: MemoContext): Unwrap {
  const { file } = context;
  const text = valueText(callback, value, call, context);
  if (text === undefined) return { losesComments: true, typeSafe: false };
  let typeSafe = true;
  const edits: TextEdit[] = [];
  const declarator = call.parent?.type === AST_NODE_TYPES.VariableDeclarator && call.parent.init === call ? call.parent : undefined;
  if (context.typescript) {
    const explicit = explicitType(call, callback, file);
    // With types, compare the memo's type with the bare expression's; without, the one case
    // that differs is a lone fresh literal, which the memo widens (`'a'` -> `string`) and a
    // `const` keeps (`"a"`). Unions of literals (`open ? 'grid' : 'list'`) stay as they are.
    const memoType = typeText(call, file);
    const fresh = memoType === undefined ? loneFreshLiteral(value) : undefined;
    const mayNarrow = explicit !== undefined || (memoType !== undefined ? typeText(value, file) !== memoType : fresh !== undefined);
    if (mayNarrow) {
      if (declarator?.id.type === AST_NODE_TYPES.Identifier) {
        if (!declarator.id.typeAnnotation) {
          const annotation = explicit ?? (memoType !== undefined ? simplePrimitiveType(memoType) : fresh);
          if (annotation !== undefined) edits.push({ range: [declarator.id.range[1], declarator.id.range[1]], text: `: ${annotation}` });
          else typeSafe = false;
        }
      } else if (declarator || explicit !== undefined || !inJsxAttribute(call)) {
        // Elsewhere (a return, an argument) a narrower type could change inference: a person decides.
        typeSafe = false;
      }
    }
  }
  edits.push({ range: call.range, text: text.text });
  const importEdit = removeSoleImport(call, context);
  if (importEdit) edits.push(importEdit);
  return { edits, losesComments: text.losesComments, typeSafe };
}

function inJsxAttribute(call: TSESTree.CallExpression): boolean {
  return call.parent?.type === AST_NODE_TYPES.JSXExpressionContainer;
}

/** `useMemo<T>(...)` or `useMemo((): T => ...)`: the type the memo was given, as written. */
function explicitType(call: TSESTree.CallExpression, callback: FunctionNode, file: FileInput): string | undefined {
  const argument = call.typeArguments?.params[0];
  if (argument) return file.text.slice(argument.range[0], argument.range[1]);
  const returnType = callback.returnType?.typeAnnotation;
  return returnType ? file.text.slice(returnType.range[0], returnType.range[1]) : undefined;
}

/** A printed type that is a union of primitive keywords, safe to write anywhere. */
function simplePrimitiveType(text: string | undefined): string | undefined {
  return text && /^(string|number|bigint|boolean|null|undefined)( \| (string|number|bigint|boolean|null|undefined))*$/.test(text)
    ? text
    : undefined;
}

/**
 * The primitive kind when every result position of the value is the same literal (`'a'`, `1`,
 * `-1`, `true`, `` `x` ``): TypeScript types the memo with the widened kind (`string`) and a
 * `const` of the bare expression with the literal (`"a"`), so the fix must keep the annotation.
 */
function loneFreshLiteral(value: TSESTree.Expression): string | undefined {
  const seen = new Set<string>();
  let kind: string | undefined;
  const visit = (node: TSESTree.Node): boolean => {
    switch (node.type) {
      case AST_NODE_TYPES.Literal: {
        if (node.value === null || 'regex' in node) return false;
        kind = typeof node.value;
        seen.add(`${kind}:${String(node.value)}`);
        return true;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        if (node.expressions.length > 0) return false;
        kind = 'string';
        seen.add(`string:${node.quasis[0]?.value.cooked ?? ''}`);
        return true;
      case AST_NODE_TYPES.UnaryExpression:
        if ((node.operator !== '-' && node.operator !== '+') || node.argument.type !== AST_NODE_TYPES.Literal) return false;
        kind = typeof node.argument.value === 'bigint' ? 'bigint' : 'number';
        seen.add(`${kind}:${node.operator}${String(node.argument.value)}`);
        return true;
      case AST_NODE_TYPES.ConditionalExpression:
        return visit(node.consequent) && visit(node.alternate);
      case AST_NODE_TYPES.TSSatisfiesExpression:
        return visit(node.expression);
      default:
        return false;
    }
  };
  return visit(value) && seen.size === 1 ? kind : undefined;
}

// ---------------------------------------------------------------------------------------------
// Text of the unwrapped value

interface ValueText {
  readonly text: string;
  readonly losesComments: boolean;
  /** The text is the body region and starts with its own parenthesis. */
  readonly parenthesised: boolean;
  /** Where the text starts in the file. */
  readonly start: number;
}

/**
 * The value's source: its own text, or, when comments sit between `=>` and an expression body,
 * the whole body region (with its parentheses) so they are kept. `losesComments` when other
 * comments inside the hook call would go.
 */
function bodyText(callback: FunctionNode, value: TSESTree.Expression, call: TSESTree.CallExpression, context: MemoContext): ValueText | undefined {
  const { file } = context;
  let start = value.range[0];
  let end = value.range[1];
  let parenthesised = false;
  if (callback.body === value) {
    const arrow = arrowTokenEnd(callback, value, context);
    if (arrow === undefined) return undefined;
    if (context.commentsIn(arrow, value.range[0]).length > 0 || context.commentsIn(value.range[1], callback.range[1]).length > 0) {
      start = skipSpace(file.text, arrow);
      end = callback.range[1];
      parenthesised = start < value.range[0] && file.text[start] === '(';
    }
  }
  const kept = context.commentsIn(start, end).length;
  const all = context.commentsIn(call.range[0], call.range[1]).length;
  return { text: file.text.slice(start, end), losesComments: all > kept, parenthesised, start };
}

/** The text that replaces the hook call: the value's source, in parentheses where the call's position needs them. */
function valueText(callback: FunctionNode, value: TSESTree.Expression, call: TSESTree.CallExpression, context: MemoContext): ValueText | undefined {
  const body = bodyText(callback, value, call, context);
  if (!body) return undefined;
  if (!body.parenthesised && needsParentheses(value, call)) return { ...body, text: `(${body.text})` };
  return body;
}

function skipSpace(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** The offset just after an arrow's `=>`, skipping comments. */
function arrowTokenEnd(callback: FunctionNode, body: TSESTree.Node, context: MemoContext): number | undefined {
  const text = context.file.text;
  const from = callback.returnType?.range[1] ?? callback.params[callback.params.length - 1]?.range[1] ?? callback.range[0];
  const comments = context.commentsIn(from, body.range[0]);
  let c = 0;
  for (let i = from; i < body.range[0]; i++) {
    const comment = comments[c];
    if (comment && i === comment.range[0]) {
      i = comment.range[1] - 1;
      c++;
      continue;
    }
    if (text[i] === '=' && text[i + 1] === '>') return i + 2;
  }
  return undefined;
}

/** Positions that take any expression but a comma list: no parentheses needed there. */
function takesAnyExpression(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node;
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === node;
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.JSXExpressionContainer:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== node;
    case AST_NODE_TYPES.Property:
      return parent.value === node && !parent.shorthand;
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === node;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node;
    default:
      return false;
  }
}

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '??': 4,
  '||': 4,
  '&&': 5,
  '|': 6,
  '^': 7,
  '&': 8,
  '==': 9,
  '!=': 9,
  '===': 9,
  '!==': 9,
  '<': 10,
  '>': 10,
  '<=': 10,
  '>=': 10,
  in: 10,
  instanceof: 10,
  '<<': 11,
  '>>': 11,
  '>>>': 11,
  '+': 12,
  '-': 12,
  '*': 13,
  '/': 13,
  '%': 13,
  '**': 14,
};

/** Operator precedence of the expressions a cheap value can be made of (higher binds tighter). */
function precedence(node: TSESTree.Node): number {
  switch (node.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return 3;
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return BINARY_PRECEDENCE[node.operator] ?? 0;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return 10;
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return 15;
    case AST_NODE_TYPES.ChainExpression:
      return 16; // `(a?.b).c` is not `a?.b.c`
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return 17;
    default:
      return 18;
  }
}

function isNullishMix(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const nullish = (node: TSESTree.Node) => node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '??';
  const andOr = (node: TSESTree.Node) => node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??';
  return (nullish(a) && andOr(b)) || (andOr(a) && nullish(b));
}

/** Whether `value`, put where `call` is, needs parentheses to keep its meaning. */
function needsParentheses(value: TSESTree.Expression, call: TSESTree.Node): boolean {
  if (takesAnyExpression(call)) return false;
  const parent = call.parent;
  const own = precedence(value);
  if (!parent) return own < 17;
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression: {
      if (isNullishMix(value, parent)) return true;
      const outer = precedence(parent);
      if (parent.operator === '**' && parent.left === call) return own <= 15; // `(-a) ** 2`, `(a ** b) ** c`
      if (own !== outer) return own < outer;
      return parent.right === call || parent.operator === '**';
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return own <= 3; // the test
    case AST_NODE_TYPES.UnaryExpression:
      return own < 15;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return own <= 10;
    default:
      // Member objects, callees, tagged templates, `new`: only member-level expressions fit.
      return own < 17;
  }
}

/**
 * When the hook call is the only use of a named `react` import, the edit that removes the
 * import too, so the fix leaves no unused import behind. Only then: with two memos in a file,
 * each fix must stay correct on its own.
 */
function removeSoleImport(call: TSESTree.CallExpression, context: MemoContext): TextEdit | undefined {
  const { file } = context;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(callee, file.scopeManager);
  const def = variable?.defs[0];
  if (!variable || !def || def.type !== 'ImportBinding' || def.node.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
  const others = variable.references.filter((reference) => reference.identifier !== callee && reference.identifier !== def.name);
  if (others.length > 0) return undefined;
  const specifier = def.node;
  const declaration = specifier.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration || declaration.source.value !== REACT_SOURCE) return undefined;
  if (context.commentsIn(declaration.range[0], declaration.range[1]).length > 0) return undefined;
  const text = file.text;
  if (declaration.specifiers.length === 1) return removeLines(declaration, text);
  const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
  if (named.length === 1) {
    // `import React, { useMemo } from 'react'` -> `import React from 'react'`
    const first = declaration.specifiers[0]!;
    const close = text.indexOf('}', specifier.range[1]);
    return { range: [first.range[1], close + 1], text: '' };
  }
  const index = named.indexOf(specifier);
  if (index < named.length - 1) return { range: [specifier.range[0], named[index + 1]!.range[0]], text: '' };
  return { range: [named[index - 1]!.range[1], specifier.range[1]], text: '' };
}

/** An edit removing a statement with its line when it stands alone on it. */
function removeLines(node: TSESTree.Node, text: string): TextEdit {
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  let end = node.range[1];
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const alone = /^[ \t]*$/.test(text.slice(lineStart, node.range[0]));
  if (alone && (end === text.length || text[end] === '\n' || text[end] === '\r')) {
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { range: [lineStart, end], text: '' };
  }
  return { range: node.range, text: '' };
}

// ---------------------------------------------------------------------------------------------
// Hoisting

interface HoistPlan {
  readonly name: string;
  readonly edits: TextEdit[];
}

/** Constructors whose instances are immutable and safe to share across components: `new Intl.NumberFormat(...)`. */
function isSharedImmutableConstruction(node: TSESTree.NewExpression, file: FileInput): boolean {
  return isGlobalMember(node.callee, 'Intl', file);
}

/**
 * A value a module may compute once at load: literals, object and array literals, templates,
 * operators, functions (their bodies run later), pure calls and `new Intl.*(...)`, over
 * module constants and imports. Reads of globals such as `window` are not (server rendering).
 */
function isStaticValue(node: TSESTree.Node, file: FileInput, depth = 0): boolean {
  if (depth > 30) return false;
  const recurse = (child: TSESTree.Node | null | undefined): boolean => !child || isStaticValue(child, file, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return !('regex' in node && node.regex); // a RegExp keeps `lastIndex`: not shareable
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(recurse);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement && recurse(element));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          (!property.computed || recurse(property.key)) &&
          (property.kind === 'init' ? recurse(property.value) : true),
      );
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator !== 'delete' && recurse(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
      return node.left.type !== AST_NODE_TYPES.PrivateIdentifier && recurse(node.left) && recurse(node.right);
    case AST_NODE_TYPES.LogicalExpression:
      return recurse(node.left) && recurse(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return recurse(node.test) && recurse(node.consequent) && recurse(node.alternate);
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveVariable(node, file.scopeManager);
      if (!variable || variable.defs.length === 0) return CONSTANT_GLOBALS.has(node.name);
      return true; // module-level by the capture check; its position is checked there
    }
    case AST_NODE_TYPES.MemberExpression:
      return recurse(node.object) && (!node.computed || recurse(node.property));
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return recurse(node.expression);
    case AST_NODE_TYPES.NewExpression:
      return isSharedImmutableConstruction(node, file) && node.arguments.every(recurse);
    case AST_NODE_TYPES.CallExpression: {
      const analysis = new CheapAnalysis(file);
      return analysis.value(node) !== undefined && analysis.reads.every((read) => recurse(read.root));
    }
    default:
      return false;
  }
}

/** The scope of a variable, as both eslint-scope and typescript-eslint expose it. */
function scopeTypeOf(variable: VariableLike): string | undefined {
  return (variable as { scope?: { type?: string } }).scope?.type;
}

/** True when the callback refers only to module-level bindings and globals (and, for values, only to those declared before `before`). */
function capturesNothing(callback: FunctionNode, hook: string, before: number, file: FileInput): boolean {
  const scopeManager = file.scopeManager;
  if (!scopeManager) return false;
  const scope = scopeManager.acquire(callback);
  const through = (scope as { through?: readonly { identifier: TSESTree.Identifier; resolved: VariableLike | null }[] } | null)?.through;
  if (!through) return false;
  for (const reference of through) {
    const { identifier, resolved } = reference;
    if (identifier.name === 'arguments' && callback.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
    if (!resolved || resolved.defs.length === 0) continue; // a global: read when the function runs
    const type = scopeTypeOf(resolved);
    const def = resolved.defs[0]!;
    if (type !== undefined ? type !== 'module' && type !== 'global' : enclosingFunction(def.name) !== undefined) return false;
    // A value computed at module load must not read a binding declared after it (TDZ).
    if (hook === 'useMemo' && def.type !== 'ImportBinding' && def.type !== 'FunctionName' && def.name.range[0] > before) return false;
  }
  return true;
}

function usesThis(callback: FunctionNode, text: string): boolean {
  return callback.type === AST_NODE_TYPES.ArrowFunctionExpression && /\bthis\b/.test(text.slice(callback.range[0], callback.range[1]));
}

/** The program-level statement that holds `node`. */
function topStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current.parent ? current : undefined;
}

/** Start of the comment block directly above `node` (JSDoc, explanations), so inserted code goes above it. */
function leadingCommentsStart(node: TSESTree.Node, context: MemoContext): number {
  const text = context.file.text;
  let start = node.range[0];
  const before = context.commentsIn(0, start);
  for (let i = before.length - 1; i >= 0; i--) {
    const comment = before[i]!;
    const gap = text.slice(comment.range[1], start);
    if (!/^[ \t]*\r?\n?[ \t]*$/.test(gap)) break;
    start = comment.range[0];
  }
  return start;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Re-indents a multi-line snippet cut from `fromIndent` to `toIndent`. */
function reindent(snippet: string, fromIndent: string, toIndent: string): string {
  return snippet
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(fromIndent) ? toIndent + line.slice(fromIndent.length) : line))
    .join('\n');
}

function indentOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function hoistPlan(call: TSESTree.CallExpression, hook: string, component: FunctionNode, context: MemoContext): HoistPlan | undefined {
  const { file } = context;
  const deps = call.arguments[1];
  if (call.arguments.length !== 2 || deps?.type !== AST_NODE_TYPES.ArrayExpression || deps.elements.length > 0) return undefined;
  const callback = callbackOf(call);
  if (!callback || usesThis(callback, file.text)) return undefined;
  // The component must sit at module level, so module scope is the next scope out.
  if (enclosingFunction(component) !== undefined) return undefined;
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const declaration = declarator.parent;
  if (
    declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
    declaration.kind !== 'const' ||
    declaration.declarations.length !== 1 ||
    declaration.parent !== component.body
  ) {
    return undefined;
  }
  const top = topStatement(component);
  if (!top) return undefined;
  let value: TSESTree.Node = callback;
  if (hook === 'useMemo') {
    const memo = memoValue(callback);
    if (!memo || !isStaticValue(memo, file)) return undefined;
    value = memo;
  }
  if (!capturesNothing(callback, hook, top.range[0], file)) return undefined;
  if (context.commentsIn(call.range[0], call.range[1]).some((comment) => !within(value, comment))) return undefined;

  const local = declarator.id.name;
  const name = hoistedName(local, context);
  if (name === undefined) return undefined;
  const text = file.text;
  const edits: TextEdit[] = [];
  // The declaration's own comment block moves along with it.
  const moveStart = leadingCommentsStart(declaration, context);
  const removed = removeLines({ range: [moveStart, declaration.range[1]] } as TSESTree.Node, text);
  edits.push(removed);
  const comments = text.slice(moveStart, declaration.range[0]);
  const declarationIndent = indentOf(text, declaration.range[0]);
  const insertAt = lineStartOf(text, leadingCommentsStart(top, context));
  const outerIndent = indentOf(text, top.range[0]);
  let valueSource = text.slice(callback.range[0], callback.range[1]);
  let valueStart = callback.range[0];
  if (hook === 'useMemo') {
    const body = bodyText(callback, value as TSESTree.Expression, call, context);
    if (!body) return undefined;
    valueSource = body.text;
    valueStart = body.start;
  }
  // Continuation lines keep their indentation relative to the line the value starts on.
  const innerIndent = indentOf(text, valueStart);
  const idText = text.slice(declarator.id.range[0], declarator.id.range[1]);
  const typeArgument = call.typeArguments?.params[0];
  const annotation = declarator.id.typeAnnotation
    ? idText.slice(local.length)
    : typeArgument && context.typescript
      ? `: ${text.slice(typeArgument.range[0], typeArgument.range[1])}`
      : '';
  const movedComments = comments ? reindent(comments.trimEnd(), declarationIndent, outerIndent) + context.eol + outerIndent : '';
  const statement = `${outerIndent}${movedComments}const ${name}${annotation} = ${reindent(valueSource, innerIndent, outerIndent)}${context.semi}`;
  edits.push({ range: [insertAt, insertAt], text: `${statement}${context.eol}${context.eol}` });
  if (name !== local) edits.push(...renameEdits(declarator, name, context));
  const importEdit = removeSoleImport(call, context);
  if (importEdit) edits.push(importEdit);
  return { name, edits: edits.sort((a, b) => a.range[0] - b.range[0]) };
}

/** The local's own name when module scope has it free, else a numbered variant the file never mentions. */
function hoistedName(local: string, context: MemoContext): string | undefined {
  const taken = context.takenAtModuleLevel();
  if (!taken.has(local)) return local;
  for (let i = 2; i < 10; i++) {
    const candidate = `${local}${i}`;
    if (!taken.has(candidate) && !new RegExp(`\\b${candidate}\\b`).test(context.file.text)) return candidate;
  }
  return undefined;
}

function renameEdits(declarator: TSESTree.VariableDeclarator, name: string, context: MemoContext): TextEdit[] {
  const scopeManager = context.file.scopeManager;
  if (!scopeManager) return [];
  const variable = scopeManager.getDeclaredVariables(declarator)[0];
  if (!variable) return [];
  const edits: TextEdit[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (identifier === declarator.id) continue;
    const parent = identifier.parent;
    const shorthand = parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === identifier;
    edits.push({ range: identifier.range, text: shorthand ? `${(identifier as TSESTree.Identifier).name}: ${name}` : name });
  }
  return edits;
}

// ---------------------------------------------------------------------------------------------
// Manual memo under the React Compiler

function removeManualMemo(call: TSESTree.CallExpression, hook: string, context: MemoContext): TextEdit[] | undefined {
  const callback = callbackOf(call);
  if (!callback) return undefined;
  const text = context.file.text;
  let replacement: string;
  if (hook === 'useMemo') {
    const value = memoValue(callback);
    if (!value) return undefined;
    const source = valueText(callback, value, call, context);
    if (!source) return undefined;
    replacement = source.text;
  } else {
    replacement = text.slice(callback.range[0], callback.range[1]);
    if (!takesAnyExpression(call)) replacement = `(${replacement})`;
  }
  const edits: TextEdit[] = [{ range: call.range, text: replacement }];
  const importEdit = removeSoleImport(call, context);
  if (importEdit) edits.unshift(importEdit);
  return edits;
}
