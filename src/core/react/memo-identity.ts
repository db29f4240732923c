import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { isOrigin, originOf } from '../analysis/origins.js';
import { memberName, resolveVariable, unwrap } from '../ast.js';
import type { FileInput } from '../model.js';
import { swrExport, tanstackExport } from './sources.js';

/*
 * Whether the identity of a memoised value can matter to the code that uses it, and the hook
 * results and wrappers that defeat a memo whatever it holds. Read by `no-trivial-memo`.
 */

/** How a memoised binding is used: its identity is never seen, or only through a wrapper that makes a new function anyway. */
export type IdentityUse = { readonly kind: 'unobserved' } | { readonly kind: 'wrapped'; readonly wrapper: string };

/**
 * `const go = useCallback(...)` used only as a callee (`go(i)`, in render or in closures) or as a
 * handler of a DOM element (`<button onClick={go}>`, never `ref`): nothing compares its identity.
 * `const box = useMemo(() => ({ w, h }), ...)` used only by member reads (`box.w`): the same.
 * Any other use (a deps array, a component's prop, a context value, a return, an argument,
 * storage, a write to a member) may observe identity, and the answer is undefined.
 * A function handed only to react-hook-form's `handleSubmit(fn)` is `wrapped`: the wrapper
 * returns a new function on every render, so the memo cannot keep anything stable.
 */
export function identityUse(declarator: TSESTree.VariableDeclarator, shape: 'function' | 'object', file: FileInput): IdentityUse | undefined {
  const variable = file.scopeManager?.getDeclaredVariables(declarator)[0];
  if (!variable) return undefined;
  let uses = 0;
  let wrapper: string | undefined;
  for (const reference of variable.references) {
    if (reference.identifier === declarator.id) continue;
    if (reference.isWrite()) return undefined;
    let node: TSESTree.Node = reference.identifier;
    let parent = node.parent;
    while (parent && (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression)) {
      node = parent;
      parent = parent.parent;
    }
    if (!parent) return undefined;
    uses++;
    if (shape === 'object') {
      if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node || isWriteTarget(parent)) return undefined;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) continue;
    if (parent.type === AST_NODE_TYPES.JSXExpressionContainer && isDomHandler(parent.parent)) continue;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node) {
      const name = rewrappingCall(parent, file);
      if (name) {
        wrapper = name;
        continue;
      }
    }
    return undefined;
  }
  if (uses === 0) return undefined;
  return wrapper ? { kind: 'wrapped', wrapper } : { kind: 'unobserved' };
}

function isWriteTarget(member: TSESTree.MemberExpression): boolean {
  const use = member.parent;
  return (
    (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member) ||
    use?.type === AST_NODE_TYPES.UpdateExpression ||
    (use?.type === AST_NODE_TYPES.UnaryExpression && use.operator === 'delete')
  );
}

/** `onClick={fn}` on a DOM element (`<button>`): React attaches whatever function it gets. A callback `ref` is not one. */
function isDomHandler(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.JSXAttribute || node.name.type !== AST_NODE_TYPES.JSXIdentifier) return false;
  if (node.name.name === 'ref' || node.name.name === 'key') return false;
  const element = node.parent;
  return element?.type === AST_NODE_TYPES.JSXOpeningElement && element.name.type === AST_NODE_TYPES.JSXIdentifier && /^[a-z]/.test(element.name.name);
}

/** react-hook-form hooks whose result carries `handleSubmit`. */
const FORM_HOOKS = ['useForm', 'useFormContext'];
const FORM_SOURCE = 'react-hook-form';

/** `form.handleSubmit(fn)` or a destructured `handleSubmit(fn)` from react-hook-form: the wrapper's name, else undefined. */
function rewrappingCall(call: TSESTree.CallExpression, file: FileInput): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    if (memberName(callee) !== 'handleSubmit') return undefined;
    const object = unwrap(callee.object);
    const init = object.type === AST_NODE_TYPES.Identifier ? singleInit(object, file) : undefined;
    return init && !init.pattern && isFormHookCall(init.node, file) ? 'handleSubmit' : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'handleSubmit') return undefined;
  const init = singleInit(callee, file);
  return init?.pattern && isFormHookCall(init.node, file) ? 'handleSubmit' : undefined;
}

/** The initialiser of a `const` binding, and whether the binding was destructured from it. */
function singleInit(identifier: TSESTree.Identifier, file: FileInput): { node: TSESTree.Node; pattern: boolean } | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  return { node: def.node.init, pattern: def.node.id.type === AST_NODE_TYPES.ObjectPattern };
}

function isFormHookCall(node: TSESTree.Node, file: FileInput): boolean {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const origin = originOf(call.callee, file);
  return FORM_HOOKS.some((hook) => isOrigin(origin, FORM_SOURCE, [hook], 'ref'));
}

/** Cheap text test: could the file hold a hook result that is new on every render? */
export function mayHaveUnstableResults(text: string): boolean {
  return text.includes('useMutation') || text.includes('useSWRMutation');
}

/**
 * Deps that change on every render because they hold a whole hook result that is a new object
 * each time: TanStack Query's `useMutation()` and SWR's `useSWRMutation()` (their `mutate` and
 * `trigger` are stable; the object around them is not). Each such dep with the hook's name.
 */
export function unstableDeps(deps: TSESTree.ArrayExpression, file: FileInput): { readonly node: TSESTree.Identifier; readonly hook: string }[] {
  const out: { node: TSESTree.Identifier; hook: string }[] = [];
  for (const element of deps.elements) {
    if (element?.type !== AST_NODE_TYPES.Identifier) continue;
    const init = singleInit(element, file);
    if (!init || init.pattern) continue;
    const call = unwrap(init.node);
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const hook = tanstackExport(call.callee, file) === 'useMutation' ? 'useMutation' : swrExport(call.callee, file) === 'useSWRMutation' ? 'useSWRMutation' : undefined;
    if (hook) out.push({ node: element, hook });
  }
  return out;
}
