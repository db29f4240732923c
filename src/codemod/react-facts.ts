import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { projectSpecifier } from './aliases.js';
import { calleeName, memberName, resolveVariable, unwrap } from '../core/ast.js';
import type { FileIndex, FunctionNode } from '../core/analysis/file-index.js';
import { isOrigin, originOf } from '../core/analysis/origins.js';
import type { FileInput, VariableLike } from '../core/model.js';
import { isComponentName, isHookName } from '../core/react/components.js';
import { functionName } from '../core/react/directives.js';
import { reactHookCalls, REACT_SOURCE } from '../core/react/hooks.js';

/*
 * Per-file React facts for the cross-file memo checks (crossfile-memo.ts): which components a
 * module exports and whether they are `React.memo`, and which props a module passes to
 * components it imports from sibling modules. Plain data: it crosses worker threads.
 */

/** A component a module exports, under the name another module imports it by (`default` for the default export). */
export interface ExportedComponent {
  readonly name: string;
  /** Line of the `memo(...)` call, or of the component function. */
  readonly line: number;
  /** `memo`: `React.memo` with React's own comparison; `memo-comparator`: with a custom one; `plain`: a function component. */
  readonly kind: 'memo' | 'memo-comparator' | 'plain';
  /**
   * For `plain` components: the props whose identity can matter inside (listed in a deps array, passed on to a
   * component, put in a context value, returned, stored...). Null when the props cannot be followed
   * (rest props, `props` passed whole).
   */
  readonly escapingProps: readonly string[] | null;
}

/** A module's `export { X } from './x'` (names) and `export * from './x'` (names null). */
export interface ReExport {
  readonly source: string;
  readonly names: readonly { readonly exported: string; readonly imported: string }[] | null;
}

/** A component rendered from a relative import: `<OrderRow>` from `import OrderRow from './OrderRow'`. */
export interface ImportedChild {
  readonly importSource: string;
  /** The imported name, `default` for a default import. */
  readonly importName: string;
  /** The tag as written (`OrderRow`, `Rows.Item`). */
  readonly tag: string;
}

/** A value created anew on each render, passed as a prop to an imported component. */
export interface FreshProp extends ImportedChild {
  readonly line: number;
  readonly column: number;
  readonly prop: string;
  readonly value: 'object' | 'array' | 'function' | 'jsx' | 'new';
  /** When the value comes through a local binding: its name and line. */
  readonly binding?: { readonly name: string; readonly line: number };
}

/** A `useCallback`/`useMemo` result whose only uses are props of imported components. */
export interface MemoizedProp {
  readonly line: number;
  readonly column: number;
  readonly hook: 'useCallback' | 'useMemo';
  readonly name: string;
  readonly uses: readonly (ImportedChild & { readonly prop: string })[];
}

export interface ReactFacts {
  readonly components: readonly ExportedComponent[];
  readonly reExports: readonly ReExport[];
  readonly freshProps: readonly FreshProp[];
  readonly memoizedProps: readonly MemoizedProp[];
}

const JSX_FILE = /\.[jt]sx$/i;
const TS_FILE = /\.[cm]?ts$/i;
const JSX_COMPONENT_TAG = /<[A-Z]/;
const SHOWCASE_FILE = /\.(?:stories|story|test|spec)\.[cm]?[jt]sx?$|[\\/]__(?:tests|stories)__[\\/]/i;
/** Props React consumes itself, or that the checks leave alone (`children` by nesting is the usual case). */
const SKIPPED_PROPS = new Set(['key', 'ref', 'children']);
/** Same order as `no-trivial-memo`, so the per-file hook-call list is shared with the rule. */
const MEMO_HOOKS = ['useMemo', 'useCallback'] as const;
const MEMO_HOOK_NAMES: ReadonlySet<string> = new Set(MEMO_HOOKS);

/**
 * The React facts of one file, or undefined when it has none. A file that is neither JSX nor
 * mentions React pays a look at its top-level statements and two string scans.
 */
export function extractReactFacts(file: FileInput, index: FileIndex): ReactFacts | undefined {
  // Barrel files (`export { OrderRow } from './OrderRow'`) are plain TypeScript: their re-exports are always kept.
  const reExports = reExportsOf(file.ast, index.imports, file.filename);
  // JSX lives in .tsx/.jsx, and in .js files (then usually with a capitalised tag); a .ts file can
  // still define `memo(...)` components, and then names 'react'.
  const text = file.text;
  const react = JSX_FILE.test(file.filename) || text.includes('react') || (!TS_FILE.test(file.filename) && JSX_COMPONENT_TAG.test(text));
  if (!react) return reExports.length > 0 ? { components: [], reExports, freshProps: [], memoizedProps: [] } : undefined;
  const components = exportedComponents(file);
  // Stories and tests render a component once to show or check it: re-renders are not their concern.
  const children = SHOWCASE_FILE.test(file.filename) ? new Map<TSESTree.JSXOpeningElement, ImportedChild>() : importedChildren(file, index);
  const freshProps = children.size > 0 ? collectFreshProps(file, children) : [];
  const memoizedProps = children.size > 0 && (text.includes('useCallback') || text.includes('useMemo')) ? collectMemoizedProps(file, children) : [];
  if (components.length + reExports.length + freshProps.length + memoizedProps.length === 0) return undefined;
  return { components, reExports, freshProps, memoizedProps };
}

// ---------------------------------------------------------------------------------------------
// The child side: exported components

/**
 * `export { X } from './x'`, `export * from './x'`, and bindings imported from a sibling module and
 * exported again (`import { X } from './x'; export { X }`): top-level statements, no walk.
 */
function reExportsOf(ast: TSESTree.Program, imports: readonly TSESTree.ImportDeclaration[], filename: string): ReExport[] {
  const out: ReExport[] = [];
  // Relative specifiers, and tsconfig aliases of project files turned into relative ones.
  const toLocal = (source: string): string | undefined => projectSpecifier(source, filename);
  let imported: Map<string, { source: string; imported: string }> | undefined;
  const importedAs = (local: string): { source: string; imported: string } | undefined => {
    if (!imported) {
      imported = new Map();
      for (const declaration of imports) {
        const source = declaration.importKind === 'type' ? undefined : toLocal(declaration.source.value);
        if (source === undefined) continue;
        for (const specifier of declaration.specifiers) {
          if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) imported.set(specifier.local.name, { source, imported: 'default' });
          else if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type') imported.set(specifier.local.name, { source, imported: exportName(specifier.imported) });
        }
      }
    }
    return imported.get(local);
  };
  const exportedName = (name: string): boolean => name === 'default' || isComponentName(name);
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      const source = statement.exported || statement.exportKind === 'type' ? undefined : toLocal(statement.source.value);
      if (source !== undefined) out.push({ source, names: null });
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const from = statement.declaration.type === AST_NODE_TYPES.Identifier ? importedAs(statement.declaration.name) : undefined;
      if (from) out.push({ source: from.source, names: [{ exported: 'default', imported: from.imported }] });
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.exportKind !== 'type' && statement.specifiers.length > 0) {
      const reSource = statement.source ? toLocal(statement.source.value) : undefined;
      if (statement.source && reSource === undefined) continue;
      for (const specifier of statement.specifiers) {
        const exported = exportName(specifier.exported);
        if (specifier.exportKind === 'type' || !exportedName(exported)) continue;
        const localName = exportName(specifier.local);
        const from = reSource !== undefined ? { source: reSource, imported: localName } : importedAs(localName);
        if (from) out.push({ source: from.source, names: [{ exported, imported: from.imported }] });
      }
    }
  }
  return out;
}

/** Components the module defines and exports. */
function exportedComponents(file: FileInput): ExportedComponent[] {
  const components: ExportedComponent[] = [];
  const add = (name: string, node: TSESTree.Node | null | undefined): void => {
    if (!node || (name !== 'default' && !isComponentName(name))) return;
    const local = localExport(node, file);
    if (local) components.push({ name, ...local });
  };
  // Exports are top-level statements: no walk needed.
  for (const statement of file.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      add('default', statement.declaration);
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.exportKind === 'type' || statement.source) continue;
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) add(declaration.id.name, declaration);
    else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier) add(declarator.id.name, declarator.init);
      }
    }
    for (const specifier of statement.specifiers) {
      if (specifier.exportKind !== 'type') add(exportName(specifier.exported), specifier.local);
    }
  }
  return components;
}

function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

type LocalExport = Omit<ExportedComponent, 'name'>;

/** What an exported value is: a memo or plain component defined here, or nothing known (bindings imported from a sibling module are re-exports, see reExportsOf). */
function localExport(node: TSESTree.Node, file: FileInput, depth = 0): LocalExport | undefined {
  if (depth > 3) return undefined;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.FunctionDeclaration || value.type === AST_NODE_TYPES.FunctionExpression || value.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    return { line: value.loc.start.line, kind: 'plain', escapingProps: escapingProps(value, file) };
  }
  if (value.type === AST_NODE_TYPES.CallExpression) {
    if (isReactExport(value.callee, 'memo', file)) {
      if (!value.arguments[0]) return undefined;
      return { line: value.loc.start.line, kind: value.arguments.length > 1 ? 'memo-comparator' : 'memo', escapingProps: null };
    }
    // forwardRef does not memoise: the inner function re-renders with its parent.
    const inner = value.arguments[0];
    if (isReactExport(value.callee, 'forwardRef', file) && inner && isFunctionNode(inner)) {
      return { line: value.loc.start.line, kind: 'plain', escapingProps: escapingProps(inner, file) };
    }
    return undefined;
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(value, file.scopeManager);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  // A module-level `function Row` or `const Row = ...` that is never reassigned.
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return undefined;
  if (def.type === 'FunctionName' && topLevel(def.node.parent)) return localExport(def.node, file, depth + 1);
  if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && topLevel(def.node.parent?.parent)) {
    const declaration = def.node.parent;
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const') return localExport(def.node.init, file, depth + 1);
  }
  return undefined;
}

function topLevel(node: TSESTree.Node | null | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Program || (node?.type === AST_NODE_TYPES.ExportNamedDeclaration && node.parent?.type === AST_NODE_TYPES.Program);
}

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration;
}

/** `memo`, `React.memo`, `R.memo` proven to come from 'react' (also aliased). */
function isReactExport(callee: TSESTree.Node, name: string, file: FileInput): boolean {
  const expression = unwrap(callee);
  // Cheap name check before resolving.
  if (expression.type === AST_NODE_TYPES.MemberExpression ? memberName(expression) !== name : expression.type !== AST_NODE_TYPES.Identifier) return false;
  return isOrigin(originOf(expression, file), REACT_SOURCE, [name], 'ref');
}

/**
 * The props of a function component whose identity can matter inside it. A prop is safe when
 * every use calls it, reads a member of it, renders it, tests it, or hands it to a DOM element
 * (which cannot memoise); anything else (a deps array, another component, a context value, a
 * call argument, a return, a variable) makes it escape. Null when the props cannot be followed.
 */
function escapingProps(fn: FunctionNode, file: FileInput): string[] | null {
  const param = fn.params[0];
  if (!param) return [];
  const escaping = new Set<string>();
  return followProps(param, file, escaping, 0) ? [...escaping].sort() : null;
}

function followProps(pattern: TSESTree.Node, file: FileInput, escaping: Set<string>, depth: number): boolean {
  if (depth > 2) return false;
  const target = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
  if (target.type === AST_NODE_TYPES.Identifier) {
    // `props`: every use must read one prop (`props.onSelect`) or destructure it.
    const variable = resolveVariable(target, file.scopeManager);
    if (!variable) return false;
    for (const reference of variable.references) {
      if (reference.identifier === target) continue;
      const { node, parent } = outer(reference.identifier);
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const name = memberName(parent);
        if (name === undefined) return false;
        if (escapes(parent)) escaping.add(name);
        continue;
      }
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
        if (!followProps(parent.id, file, escaping, depth + 1)) return false;
        continue;
      }
      return false;
    }
    return true;
  }
  if (target.type !== AST_NODE_TYPES.ObjectPattern) return false;
  for (const property of target.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return false; // { ...rest }
    const key = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
    if (key === undefined) return false;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type !== AST_NODE_TYPES.Identifier) {
      escaping.add(key);
      continue;
    }
    const variable = resolveVariable(value, file.scopeManager);
    if (!variable) return false;
    if (bindingEscapes(variable, value)) escaping.add(key);
  }
  return true;
}

function bindingEscapes(variable: VariableLike, declared: TSESTree.Node): boolean {
  return variable.references.some((reference) => reference.identifier !== declared && escapes(reference.identifier));
}

/** The node with its TypeScript-only wrappers, and the parent above them. */
function outer(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let current = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = parent;
    parent = parent.parent;
  }
  return { node: current, parent };
}

/** True unless this use of a value only calls it, reads a member, renders it, tests it, or gives it to a DOM element. */
function escapes(use: TSESTree.Node): boolean {
  const { node, parent } = outer(use);
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
      return parent.callee !== node;
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return true;
      // A method call is fine (`items.map(...)`); a member read is as safe as its own use
      // (`[config.onClick]` in deps makes `config` matter); `onSelect.x = ...` writes through it.
      const above = outer(parent).parent;
      if (above?.type === AST_NODE_TYPES.CallExpression && unwrap(above.callee) === parent) return false;
      return escapes(parent);
    }
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator !== '!' && parent.operator !== 'typeof';
    case AST_NODE_TYPES.LogicalExpression:
      return !(parent.operator === '&&' && parent.left === node);
    case AST_NODE_TYPES.BinaryExpression: // compares or computes a primitive
    case AST_NODE_TYPES.TemplateLiteral:
      return false;
    case AST_NODE_TYPES.JSXExpressionContainer: {
      const holder = parent.parent;
      if (holder?.type === AST_NODE_TYPES.JSXElement || holder?.type === AST_NODE_TYPES.JSXFragment) return false; // rendered
      if (holder?.type !== AST_NODE_TYPES.JSXAttribute) return true;
      const element = holder.parent;
      // A DOM element cannot memoise; a callback ref re-attaches when its identity changes.
      const intrinsic = element?.type === AST_NODE_TYPES.JSXOpeningElement && element.name.type === AST_NODE_TYPES.JSXIdentifier && /^[a-z]/.test(element.name.name);
      return !intrinsic || holder.name.type !== AST_NODE_TYPES.JSXIdentifier || holder.name.name === 'ref';
    }
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// The parent side: props passed to components imported from sibling modules

/** Each JSX opening element naming a component imported from a relative module, with what it refers to. */
function importedChildren(file: FileInput, index: FileIndex): Map<TSESTree.JSXOpeningElement, ImportedChild> {
  const out = new Map<TSESTree.JSXOpeningElement, ImportedChild>();
  if (!file.scopeManager) return out;
  for (const declaration of index.imports) {
    const source = declaration.importKind === 'type' ? undefined : projectSpecifier(declaration.source.value, file.filename);
    if (source === undefined) continue;
    for (const specifier of declaration.specifiers) {
      const namespace = specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier;
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
      if (!namespace && !isComponentName(specifier.local.name)) continue;
      const importName = specifier.type === AST_NODE_TYPES.ImportSpecifier ? exportName(specifier.imported) : 'default';
      for (const variable of file.scopeManager.getDeclaredVariables(specifier)) {
        for (const reference of variable.references) {
          const identifier = reference.identifier;
          if (identifier.type !== AST_NODE_TYPES.JSXIdentifier) continue;
          const parent = identifier.parent;
          if (!namespace && parent?.type === AST_NODE_TYPES.JSXOpeningElement && parent.name === identifier) {
            out.set(parent, { importSource: source, importName, tag: identifier.name });
          } else if (
            namespace &&
            parent?.type === AST_NODE_TYPES.JSXMemberExpression &&
            parent.object === identifier &&
            parent.parent?.type === AST_NODE_TYPES.JSXOpeningElement &&
            parent.parent.name === parent
          ) {
            out.set(parent.parent, { importSource: source, importName: parent.property.name, tag: `${identifier.name}.${parent.property.name}` });
          }
        }
      }
    }
  }
  return out;
}

type FreshKind = FreshProp['value'];

/** An expression that makes a new object on each evaluation. */
function freshKind(node: TSESTree.Node): FreshKind | undefined {
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return 'object';
    case AST_NODE_TYPES.ArrayExpression:
      return 'array';
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return 'function';
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
      return 'jsx';
    case AST_NODE_TYPES.NewExpression:
      return 'new';
    default:
      return undefined;
  }
}

/**
 * The function that renders: the nearest enclosing component or hook (by name), or an anonymous
 * default export. Undefined when the element is built inside a `useMemo`/`useCallback` callback
 * on the way there: then it is rebuilt only when the deps change, not on each render.
 */
function renderFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const call = outer(current).parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === outer(current).node && MEMO_HOOK_NAMES.has(calleeName(call) ?? '')) return undefined;
    const name = functionName(current);
    if (name !== undefined ? isComponentName(name) || isHookName(name) : current.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return current;
  }
  return undefined;
}

function collectFreshProps(file: FileInput, children: Map<TSESTree.JSXOpeningElement, ImportedChild>): FreshProp[] {
  const out: FreshProp[] = [];
  for (const [element, child] of children) {
    const render = renderFunction(element);
    if (!render || newChildren(element)) continue;
    for (const attribute of element.attributes) {
      if (attribute.type !== AST_NODE_TYPES.JSXAttribute || attribute.name.type !== AST_NODE_TYPES.JSXIdentifier) continue;
      const prop = attribute.name.name;
      if (SKIPPED_PROPS.has(prop) || !attribute.value) continue;
      const expression = attribute.value.type === AST_NODE_TYPES.JSXExpressionContainer ? attribute.value.expression : attribute.value;
      if (expression.type === AST_NODE_TYPES.JSXEmptyExpression || expression.type === AST_NODE_TYPES.Literal) continue;
      const place = { line: attribute.loc.start.line, column: attribute.loc.start.column + 1 };
      const inline = freshKind(expression);
      if (inline) {
        out.push({ ...child, ...place, prop, value: inline });
        continue;
      }
      const local = unwrap(expression);
      if (local.type !== AST_NODE_TYPES.Identifier) continue;
      const bound = renderLocal(local, render, file);
      if (bound) out.push({ ...child, ...place, prop, value: bound.value, binding: { name: local.name, line: bound.line } });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * True when the element nests children that are new on each render (elements, lists, calls):
 * `children` then defeats the memo before any attribute does, and fixing an attribute alone would
 * change nothing. Text and plain names or reads (`{order.number}`) keep it.
 */
function newChildren(opening: TSESTree.JSXOpeningElement): boolean {
  const element = opening.parent;
  if (element?.type !== AST_NODE_TYPES.JSXElement) return false;
  return element.children.some((child) => {
    if (child.type === AST_NODE_TYPES.JSXText) return false;
    if (child.type !== AST_NODE_TYPES.JSXExpressionContainer) return true;
    const expression = unwrap(child.expression);
    return !(
      expression.type === AST_NODE_TYPES.JSXEmptyExpression ||
      expression.type === AST_NODE_TYPES.Identifier ||
      expression.type === AST_NODE_TYPES.Literal ||
      expression.type === AST_NODE_TYPES.TemplateLiteral ||
      (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed)
    );
  });
}

/**
 * A binding declared inside the render that holds a fresh value: `const style = { ... }`,
 * `const onClick = () => ...`, `function onClick() {}`. Values from hooks are calls, so not fresh.
 */
function renderLocal(identifier: TSESTree.Identifier, render: FunctionNode, file: FileInput): { value: FreshKind; line: number } | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  const declared = def.node;
  if (declared.range[0] < render.range[0] || declared.range[1] > render.range[1] || declared === render) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return undefined;
  if (def.type === 'FunctionName' && declared.type === AST_NODE_TYPES.FunctionDeclaration) return { value: 'function', line: declared.loc.start.line };
  if (def.type !== 'Variable' || declared.type !== AST_NODE_TYPES.VariableDeclarator || declared.id.type !== AST_NODE_TYPES.Identifier || !declared.init) return undefined;
  if (declared.parent?.type !== AST_NODE_TYPES.VariableDeclaration || declared.parent.kind !== 'const') return undefined;
  const value = freshKind(declared.init);
  return value ? { value, line: declared.loc.start.line } : undefined;
}

function collectMemoizedProps(file: FileInput, children: Map<TSESTree.JSXOpeningElement, ImportedChild>): MemoizedProp[] {
  const out: MemoizedProp[] = [];
  for (const { call, hook } of reactHookCalls(file, MEMO_HOOKS)) {
    const callback = call.arguments[0];
    if (!callback || !isFunctionNode(callback)) continue;
    if (hook === 'useMemo' && !cheapLiteral(memoResult(callback))) continue;
    const { parent } = outer(call);
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init === null || parent.id.type !== AST_NODE_TYPES.Identifier) continue;
    if (parent.parent?.type !== AST_NODE_TYPES.VariableDeclaration || parent.parent.kind !== 'const') continue;
    const variable = file.scopeManager?.getDeclaredVariables(parent)[0];
    if (!variable) continue;
    const uses: MemoizedProp['uses'][number][] = [];
    let onlyProps = true;
    for (const reference of variable.references) {
      if (reference.identifier === parent.id) continue;
      const use = propUse(reference.identifier, children);
      if (!use) {
        onlyProps = false;
        break;
      }
      uses.push(use);
    }
    if (!onlyProps || uses.length === 0) continue;
    out.push({ line: call.loc.start.line, column: call.loc.start.column + 1, hook: hook as MemoizedProp['hook'], name: parent.id.name, uses });
  }
  return out;
}

/** `<Child prop={value} />` for an imported child: the child and the prop; else undefined. */
function propUse(identifier: TSESTree.Node, children: Map<TSESTree.JSXOpeningElement, ImportedChild>): (ImportedChild & { prop: string }) | undefined {
  const { parent: container } = outer(identifier);
  if (container?.type !== AST_NODE_TYPES.JSXExpressionContainer) return undefined;
  const attribute = container.parent;
  if (attribute?.type !== AST_NODE_TYPES.JSXAttribute || attribute.name.type !== AST_NODE_TYPES.JSXIdentifier || SKIPPED_PROPS.has(attribute.name.name)) return undefined;
  const element = attribute.parent;
  const child = element?.type === AST_NODE_TYPES.JSXOpeningElement ? children.get(element) : undefined;
  return child ? { ...child, prop: attribute.name.name } : undefined;
}

/** The value a memo callback returns: an arrow's expression body, or the final `return`. */
function memoResult(callback: FunctionNode): TSESTree.Node | undefined {
  const body = callback.body;
  if (!body) return undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
  const last = body.body[body.body.length - 1];
  return last?.type === AST_NODE_TYPES.ReturnStatement && last.argument ? last.argument : undefined;
}

/**
 * An object, array or function literal that costs nothing to build: only names, literals,
 * property reads and nested literals (functions are not entered). A memo around
 * `{ total: sum(items) }` may save real work, so it is not this check's business.
 */
function cheapLiteral(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const value = unwrap(node);
  if (isFunctionNode(value)) return true;
  if (value.type !== AST_NODE_TYPES.ObjectExpression && value.type !== AST_NODE_TYPES.ArrayExpression) return false;
  return cheap(value, 0);
}

function cheap(node: TSESTree.Node, depth: number): boolean {
  if (depth > 4) return false;
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return !value.computed && cheap(value.object, depth + 1);
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.every((part) => cheap(part, depth + 1));
    case AST_NODE_TYPES.UnaryExpression:
      return cheap(value.argument, depth + 1);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return cheap(value.left, depth + 1) && cheap(value.right, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return cheap(value.test, depth + 1) && cheap(value.consequent, depth + 1) && cheap(value.alternate, depth + 1);
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.every((element) => element === null || cheap(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, depth + 1));
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.every((property) =>
        property.type === AST_NODE_TYPES.SpreadElement ? cheap(property.argument, depth + 1) : !property.computed && cheap(property.value, depth + 1),
      );
    default:
      return false;
  }
}
