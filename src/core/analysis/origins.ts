import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { memberName, resolveVariable, unwrap } from '../ast.js';
import type { FileInput } from '../model.js';

/**
 * Where a value comes from, in catalog terms: a module's export (`express`, `express.Router`),
 * a call or construction of one (`express()`, `new Hono()`), or a parameter typed with one
 * (`app: Express`). `path` is the property path below the module's main export; a default
 * import, a namespace import and `require()` all denote the main export (`[]`).
 */
export interface Origin {
  readonly source: string;
  readonly path: readonly string[];
  /** `ref`: the export itself; `call`/`new`: its result; `type`: a value declared with that type. */
  readonly via: 'ref' | 'call' | 'new' | 'type';
}

const MAX_DEPTH = 6;

/** Strips `node:` so `node:http` and `http` match one catalog entry. */
function normaliseSource(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

/** True for `require('x')`, returning `x`. */
export function requireSource(node: TSESTree.Node): string | undefined {
  const expression = unwrap(node);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require' &&
    expression.arguments.length === 1
  ) {
    const argument = expression.arguments[0]!;
    if (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return normaliseSource(argument.value);
  }
  return undefined;
}

/** Resolves an expression to its origin, following imports, `require`, `const` aliases and calls. */
export function originOf(node: TSESTree.Node, file: FileInput, depth = 0): Origin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return originOfIdentifier(expression, file, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(expression);
      if (name === undefined) return undefined;
      const object = originOf(expression.object, file, depth + 1);
      if (!object || object.via !== 'ref') return undefined;
      if (name === 'default' && object.path.length === 0) return object;
      return { source: object.source, path: [...object.path, name], via: 'ref' };
    }
    case AST_NODE_TYPES.CallExpression: {
      const source = requireSource(expression);
      if (source !== undefined) return { source, path: [], via: 'ref' };
      const callee = originOf(expression.callee, file, depth + 1);
      return callee?.via === 'ref' ? { ...callee, via: 'call' } : undefined;
    }
    case AST_NODE_TYPES.NewExpression: {
      const callee = originOf(expression.callee, file, depth + 1);
      return callee?.via === 'ref' ? { ...callee, via: 'new' } : undefined;
    }
    default:
      return undefined;
  }
}

function originOfIdentifier(identifier: TSESTree.Identifier, file: FileInput, depth: number): Origin | undefined {
  // Types and values share names: `cast(token: token)` resolves the type name to the parameter itself.
  if (depth > MAX_DEPTH) return undefined;
  const variable = resolveVariable(identifier, file.scopeManager);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  const node = def.node;
  switch (def.type) {
    case 'ImportBinding':
      return originOfImport(node);
    case 'Variable': {
      if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init) return undefined;
      // A binding reassigned later has no single origin.
      if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) {
        return undefined;
      }
      if (node.id.type === AST_NODE_TYPES.Identifier) return originOf(node.init, file, depth + 1);
      if (node.id.type === AST_NODE_TYPES.ObjectPattern) {
        // const { Router } = require('express')  /  const { Router: R } = express
        const key = patternKeyFor(node.id, identifier.name);
        if (key === undefined) return undefined;
        const base = originOf(node.init, file, depth + 1);
        if (!base || base.via !== 'ref') return undefined;
        return key === 'default' && base.path.length === 0 ? base : { ...base, path: [...base.path, key] };
      }
      return undefined;
    }
    case 'Parameter':
      return originOfTypedBinding(def.name, file, depth);
    default:
      return undefined;
  }
}

/** For a parameter or variable declared `x: Express`, the origin of that type, as a `type` origin. */
function originOfTypedBinding(name: TSESTree.Node, file: FileInput, depth: number): Origin | undefined {
  if (name.type !== AST_NODE_TYPES.Identifier || !name.typeAnnotation) return undefined;
  return originOfType(name.typeAnnotation.typeAnnotation, file, depth);
}

/** The origin of a type reference such as `Express`, `express.Response` or `FastifyReply<...>`. */
export function originOfType(type: TSESTree.TypeNode, file: FileInput, depth = 0): Origin | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const names: string[] = [];
  let typeName: TSESTree.EntityName = type.typeName;
  while (typeName.type === AST_NODE_TYPES.TSQualifiedName) {
    names.unshift(typeName.right.name);
    typeName = typeName.left;
  }
  if (typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const base = originOfIdentifier(typeName, file, depth + 1);
  if (!base || base.via !== 'ref') return undefined;
  return { source: base.source, path: [...base.path, ...names], via: 'type' };
}

function originOfImport(node: TSESTree.Node): Origin | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && reference.expression.type === AST_NODE_TYPES.Literal) {
      return { source: normaliseSource(String(reference.expression.value)), path: [], via: 'ref' };
    }
    return undefined;
  }
  const declaration = node.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const source = normaliseSource(declaration.source.value);
  switch (node.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return { source, path: [], via: 'ref' };
    case AST_NODE_TYPES.ImportSpecifier: {
      const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
      return { source, path: imported === 'default' ? [] : [imported], via: 'ref' };
    }
    default:
      return undefined;
  }
}

function patternKeyFor(pattern: TSESTree.ObjectPattern, localName: string): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    let value: TSESTree.Node = property.value;
    if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === localName) {
      if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
      if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
    }
  }
  return undefined;
}

/** True when `origin` is `source` at `path` (path compared exactly). */
export function isOrigin(origin: Origin | undefined, source: string, path: readonly string[], via?: Origin['via']): boolean {
  if (!origin || origin.source !== source || origin.path.length !== path.length) return false;
  if (via && origin.via !== via) return false;
  return origin.path.every((part, i) => part === path[i]);
}

/** The module sources the file imports or requires, cheap to compute from the index. */
export function importedSources(imports: readonly TSESTree.ImportDeclaration[]): Set<string> {
  const out = new Set<string>();
  for (const declaration of imports) out.add(normaliseSource(declaration.source.value));
  return out;
}
