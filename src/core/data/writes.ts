import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enclosingFunction, memberName, propertyKey, resolveVariable, staticValue, unwrap } from '../ast.js';
import { getFileIndex, memoPerFile, type FunctionNode } from '../analysis/file-index.js';
import { isOrigin, originOf } from '../analysis/origins.js';
import type { FileInput } from '../model.js';
import { entityOf, singular } from './entities.js';

/*
 * Writes to data, as the invalidation rules need them: a call (or tagged template) that creates,
 * changes or deletes records, with the entity it writes when the code names it.
 *
 * - ORMs and repositories: Prisma `prisma.user.update`, Drizzle `db.update(users)`, TypeORM and
 *   MikroORM repositories (`this.usersRepository.save`, `@InjectRepository(User)`), Sequelize and
 *   Mongoose models (`User.destroy`, `this.userModel.findByIdAndUpdate`), knex
 *   (`knex('users').update`), Supabase (`supabase.from('todos').insert`), the MongoDB driver
 *   (`db.collection('users').updateOne`).
 * - SQL text: `UPDATE users SET`, `INSERT INTO users`, `DELETE FROM users` as the first argument of
 *   a call or in a tagged template (`` sql`...` ``, `` prisma.$executeRaw`...` ``).
 * - HTTP: `fetch(url, { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' })` and axios
 *   (`axios.post`, an `axios.create()` instance's `put`, `axios({ method })`).
 *
 * Receivers are recognised by the shape ORMs give them, never by the method name alone: a
 * `map.delete(k)` or `cookies().delete(name)` is not a data write.
 */

/** What a write does to its records. */
export type WriteOperation = 'create' | 'update' | 'delete';

/** One write to data. */
export interface DataWrite {
  /** The call or tagged template that writes. */
  readonly node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
  readonly kind: 'orm' | 'sql' | 'http';
  /** How to show it: `prisma.user.update`, `INSERT INTO users`, `fetch POST`. */
  readonly text: string;
  readonly entity: string | undefined;
  readonly operation: WriteOperation;
  readonly fn: FunctionNode | undefined;
}

const ORM_METHODS: Readonly<Record<string, WriteOperation>> = {
  create: 'create',
  createMany: 'create',
  createManyAndReturn: 'create',
  insert: 'create',
  insertMany: 'create',
  insertOne: 'create',
  bulkCreate: 'create',
  update: 'update',
  updateMany: 'update',
  updateManyAndReturn: 'update',
  updateOne: 'update',
  upsert: 'update',
  save: 'update',
  increment: 'update',
  decrement: 'update',
  findByIdAndUpdate: 'update',
  findOneAndUpdate: 'update',
  findOneAndReplace: 'update',
  replaceOne: 'update',
  bulkWrite: 'update',
  restore: 'update',
  delete: 'delete',
  deleteMany: 'delete',
  deleteOne: 'delete',
  remove: 'delete',
  destroy: 'delete',
  softDelete: 'delete',
  softRemove: 'delete',
  findByIdAndDelete: 'delete',
  findOneAndDelete: 'delete',
  findByIdAndRemove: 'delete',
  findOneAndRemove: 'delete',
};

/** Names that hold a database client: `prisma.user`, `db.update(users)`, `tx.post.create`. */
const ORM_ROOT = /^(prisma|db|database|tx|trx|transaction|orm|drizzle|knex|sql|pg|pool|conn|connection)$|Prisma$|Db$|Database$/;

/** Chain steps that pick a table or collection: `supabase.from('todos')`, `db.collection('users')`, `knex.table('x')`. */
const TABLE_PICKERS: ReadonlySet<string> = new Set(['from', 'collection', 'table', 'into', 'getRepository', 'getCustomRepository', 'getMongoRepository']);

/** Typed holders of one entity's records (`Repository<User>`, `Model<UserDocument>`). */
const REPOSITORY_TYPES: ReadonlySet<string> = new Set(['Repository', 'EntityRepository', 'MongoRepository', 'TreeRepository', 'Model', 'ModelStatic', 'ModelCtor', 'Collection']);

/** Built-ins whose static methods share ORM names (`Object.create`, `Reflect.deleteProperty`...). */
const GLOBALS: ReadonlySet<string> = new Set(['Object', 'Array', 'Reflect', 'Promise', 'JSON', 'Math', 'Date', 'Map', 'Set', 'WeakMap', 'URL', 'Intl', 'Atomics', 'Proxy', 'Symbol', 'Number', 'String', 'Buffer', 'Response', 'Request', 'Headers', 'FormData', 'URLSearchParams']);

const SQL_WRITE = /^\s*(?:insert\s+(?:ignore\s+)?into\s+[`"[]?([\w.]+)|update\s+[`"[]?([\w.]+)[`"\]]?\s+set\b|delete\s+from\s+[`"[]?([\w.]+)|merge\s+into\s+[`"[]?([\w.]+)|replace\s+into\s+[`"[]?([\w.]+))/i;

const KEY = {};

/** Every data write in the file, found from the shared index (no walk), once per AST. */
export function getDataWrites(file: FileInput): readonly DataWrite[] {
  return memoPerFile(KEY, file.ast, () => {
    const index = getFileIndex(file);
    const out: DataWrite[] = [];
    for (const call of index.calls) {
      const write = callWrite(call, file);
      if (write) out.push(write);
    }
    for (const tagged of index.taggedTemplates) {
      const write = sqlWrite(tagged, tagged.quasi.quasis[0]?.value.cooked ?? '');
      if (write) out.push(write);
    }
    out.sort((a, b) => a.node.range[0] - b.node.range[0]);
    return out;
  });
}

/** Cheap text test: could the file write data at all? */
export function mayWriteData(text: string): boolean {
  return /\.(?:create|insert|update|upsert|save|delete|remove|destroy|findByIdAnd|findOneAnd|replaceOne|bulk|increment|decrement|soft|post|put|patch)\w*\s*[(<]|method\s*:|\b(?:INSERT|UPDATE|DELETE)\s/i.test(text);
}

function callWrite(call: TSESTree.CallExpression, file: FileInput): DataWrite | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (callee.name === 'fetch') return fetchWrite(call, file);
    const first = call.arguments[0];
    if (first && (first.type === AST_NODE_TYPES.Literal || first.type === AST_NODE_TYPES.TemplateLiteral)) {
      return sqlWrite(call, first.type === AST_NODE_TYPES.Literal ? String(first.value) : (first.quasis[0]?.value.cooked ?? ''));
    }
    const origin = originOf(callee, file);
    if (isOrigin(origin, 'axios', [], 'ref')) return axiosConfigWrite(call, file);
    return undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === undefined) return undefined;
  const operation = ORM_METHODS[method];
  if (operation) {
    const entity = ormEntity(callee, call, file);
    if (entity !== null) return { node: call, kind: 'orm', text: calleeText(callee, file), entity, operation, fn: enclosingFunction(call) };
  }
  if (HTTP_METHODS[method]) {
    const write = axiosWrite(call, callee, method, file);
    if (write) return write;
  }
  const first = call.arguments[0];
  if (first && (first.type === AST_NODE_TYPES.Literal || first.type === AST_NODE_TYPES.TemplateLiteral)) {
    return sqlWrite(call, first.type === AST_NODE_TYPES.Literal ? String(first.value) : (first.quasis[0]?.value.cooked ?? ''));
  }
  return undefined;
}

function calleeText(callee: TSESTree.Node, file: FileInput): string {
  return file.text.slice(callee.range[0], callee.range[1]).replace(/\s+/g, '');
}

/**
 * The entity an ORM-shaped write names: a string for a known entity, undefined for a write whose
 * entity the code does not say, null when the receiver is not a data store at all.
 */
function ormEntity(callee: TSESTree.MemberExpression, call: TSESTree.CallExpression, file: FileInput): string | undefined | null {
  const object = unwrap(callee.object);
  // Chains that pick a table first: supabase.from('todos').insert(), knex('users').where().update().
  const picked = pickedTable(object, file);
  if (picked !== null) return picked;
  const names = memberChain(object);
  if (names) {
    const last = names[names.length - 1]!;
    // prisma.user.update, this.prisma.user.update, ctx.db.post.create
    if (names.length >= 2 && names.slice(0, -1).some((name) => ORM_ROOT.test(name)) && !last.startsWith('$')) return entityOf(last) ?? undefined;
    // db.update(users), tx.insert(schema.posts), this.db.delete(todos)
    if (ORM_ROOT.test(last)) {
      const table = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
      if (table?.type === AST_NODE_TYPES.Identifier) return entityOf(table.name) ?? undefined;
      if (table?.type === AST_NODE_TYPES.MemberExpression) return entityOf(memberName(table) ?? '') ?? undefined;
      return null;
    }
    // userRepository.save, this.userModel.findByIdAndUpdate, this.users (typed Repository<User>)
    if (/(Repository|Repo|Model|Dao|Collection|Table)$/.test(last)) return entityOf(last) ?? undefined;
    if (names[0] === 'this' && names.length === 2) {
      const typed = typedRepositoryEntity(callee, last);
      if (typed !== null) return typed;
    }
    // User.update(...), Post.destroy(...): a model class imported from the app or declared here.
    if (names.length === 1 && /^[A-Z][a-z]/.test(last) && !GLOBALS.has(last) && object.type === AST_NODE_TYPES.Identifier) {
      if (isAppBinding(object, file)) return entityOf(last) ?? undefined;
    }
  }
  return null;
}

/** `a.b.c` → ['a', 'b', 'c'] (`this` included); undefined for computed or call steps. */
function memberChain(node: TSESTree.Node): string[] | undefined {
  const names: string[] = [];
  let current = unwrap(node);
  for (let guard = 0; guard < 8; guard++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      names.unshift(current.name);
      return names;
    }
    if (current.type === AST_NODE_TYPES.ThisExpression) {
      names.unshift('this');
      return names;
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrap(current.object);
  }
  return undefined;
}

/** The table a call chain picked (`from('todos')`, `knex('users')`, `getRepository(User)`), undefined when unnamed, null when none. */
function pickedTable(object: TSESTree.Node, file: FileInput): string | undefined | null {
  let current = object;
  for (let guard = 0; guard < 12; guard++) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = unwrap(current.callee);
    const first = current.arguments[0];
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (/^(knex|db|trx|tx|database|getRepository)$/.test(callee.name) && first) return tableName(first, file);
      return null;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = memberName(callee);
    if (name !== undefined && TABLE_PICKERS.has(name) && first) {
      // Array.from(x), Buffer.from(x), Observable.from(x) are not tables.
      const owner = unwrap(callee.object);
      if (owner.type === AST_NODE_TYPES.Identifier && GLOBALS.has(owner.name)) return null;
      if (name === 'from' && first.type !== AST_NODE_TYPES.Literal && first.type !== AST_NODE_TYPES.TemplateLiteral) return null;
      return tableName(first, file);
    }
    current = unwrap(callee.object);
  }
  return null;
}

function tableName(node: TSESTree.Node, file: FileInput): string | undefined {
  const value = staticValue(node, file);
  if (typeof value === 'string') return entityOf(value);
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return entityOf(expression.name);
  if (expression.type === AST_NODE_TYPES.MemberExpression) return entityOf(memberName(expression) ?? '');
  return undefined;
}

/** For `this.users.update()`: the entity of the class member's `Repository<User>` type or `@InjectRepository(User)`; null when untyped. */
function typedRepositoryEntity(callee: TSESTree.MemberExpression, name: string): string | undefined | null {
  let cls: TSESTree.Node | undefined = callee.parent;
  while (cls && cls.type !== AST_NODE_TYPES.ClassBody) cls = cls.parent;
  if (!cls || cls.type !== AST_NODE_TYPES.ClassBody) return null;
  for (const element of cls.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && propertyKey(element) === name) {
      return entityOfDeclared(element.typeAnnotation?.typeAnnotation, element.decorators);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty || param.parameter.type !== AST_NODE_TYPES.Identifier) continue;
        if (param.parameter.name !== name) continue;
        return entityOfDeclared(param.parameter.typeAnnotation?.typeAnnotation, param.decorators);
      }
    }
  }
  return null;
}

function entityOfDeclared(type: TSESTree.TypeNode | undefined, decorators: readonly TSESTree.Decorator[]): string | undefined | null {
  for (const decorator of decorators) {
    const expression = decorator.expression;
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    const name = expression.callee.type === AST_NODE_TYPES.Identifier ? expression.callee.name : undefined;
    if (name !== 'InjectRepository' && name !== 'InjectModel') continue;
    const argument = expression.arguments[0] ? unwrap(expression.arguments[0]) : undefined;
    // @InjectRepository(User), @InjectModel(User.name), @InjectModel('User')
    if (argument?.type === AST_NODE_TYPES.Identifier) return entityOf(argument.name) ?? undefined;
    if (argument?.type === AST_NODE_TYPES.MemberExpression && argument.object.type === AST_NODE_TYPES.Identifier) return entityOf(argument.object.name) ?? undefined;
    if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return entityOf(argument.value) ?? undefined;
    return undefined;
  }
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return null;
  const typeName = type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName.name : type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.right.name : '';
  if (!REPOSITORY_TYPES.has(typeName)) return null;
  const argument = type.typeArguments?.params[0];
  if (argument?.type === AST_NODE_TYPES.TSTypeReference && argument.typeName.type === AST_NODE_TYPES.Identifier) {
    return entityOf(argument.typeName.name.replace(/(Document|Doc|Entity|Schema)$/, '')) ?? undefined;
  }
  return undefined;
}

/** A binding the app declares itself: a local class or const, or an import from a relative or aliased path. */
function isAppBinding(identifier: TSESTree.Identifier, file: FileInput): boolean {
  const variable = resolveVariable(identifier, file.scopeManager);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'ClassName') return true;
  if (def.type === 'ImportBinding') {
    const declaration = def.node.parent;
    const source = declaration?.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : '';
    return /^(\.|@\/|~\/|#|src\/|app\/)/.test(source) || /(models?|entities|entity|schema|db)(\/|$)/.test(source);
  }
  return false;
}

function sqlWrite(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, text: string): DataWrite | undefined {
  const match = SQL_WRITE.exec(text);
  if (!match) return undefined;
  const table = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
  const keyword = /^\s*(\w+)/.exec(text)![1]!.toUpperCase();
  const operation: WriteOperation = keyword === 'INSERT' ? 'create' : keyword === 'DELETE' ? 'delete' : 'update';
  const display = `${keyword === 'UPDATE' ? 'UPDATE' : keyword === 'DELETE' ? 'DELETE FROM' : `${keyword} INTO`} ${table}`;
  return { node, kind: 'sql', text: display, entity: entityOf(table.split('.').pop() ?? ''), operation, fn: enclosingFunction(node) };
}

const HTTP_METHODS: Readonly<Record<string, WriteOperation>> = { post: 'create', put: 'update', patch: 'update', delete: 'delete' };

/** The mutating HTTP method an expression states (`'POST'`, `isNew ? 'POST' : 'PUT'`), or undefined. */
export function mutatingMethod(node: TSESTree.Node, file: FileInput): string | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    return mutatingMethod(expression.consequent, file) ?? mutatingMethod(expression.alternate, file);
  }
  const value = staticValue(expression, file);
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return HTTP_METHODS[lower] ? value.toUpperCase() : undefined;
}

function fetchWrite(call: TSESTree.CallExpression, file: FileInput): DataWrite | undefined {
  const callee = unwrap(call.callee) as TSESTree.Identifier;
  // A local `fetch` (a parameter, an import of a wrapper) is not the platform's.
  const variable = resolveVariable(callee, file.scopeManager);
  if (variable && variable.defs.length > 0) return undefined;
  const init = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  if (init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  let method: string | undefined;
  for (const property of init.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKey(property) === 'method') method = mutatingMethod(property.value, file);
  }
  if (!method) return undefined;
  return {
    node: call,
    kind: 'http',
    text: `fetch ${method}`,
    entity: call.arguments[0] ? urlEntity(call.arguments[0], file) : undefined,
    operation: HTTP_METHODS[method.toLowerCase()]!,
    fn: enclosingFunction(call),
  };
}

function axiosWrite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string, file: FileInput): DataWrite | undefined {
  const origin = originOf(callee.object, file);
  if (!isOrigin(origin, 'axios', [], 'ref') && !isOrigin(origin, 'axios', ['create'], 'call') && !isOrigin(origin, 'axios', [], 'call')) return undefined;
  return {
    node: call,
    kind: 'http',
    text: `${calleeText(callee, file)}`,
    entity: call.arguments[0] ? urlEntity(call.arguments[0], file) : undefined,
    operation: HTTP_METHODS[method]!,
    fn: enclosingFunction(call),
  };
}

function axiosConfigWrite(call: TSESTree.CallExpression, file: FileInput): DataWrite | undefined {
  const config = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (config?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  let method: string | undefined;
  let url: TSESTree.Node | undefined;
  for (const property of config.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKey(property);
    if (key === 'method') method = mutatingMethod(property.value, file);
    if (key === 'url') url = property.value;
  }
  if (!method) return undefined;
  return { node: call, kind: 'http', text: `axios ${method}`, entity: url ? urlEntity(url, file) : undefined, operation: HTTP_METHODS[method.toLowerCase()]!, fn: enclosingFunction(call) };
}

/** The entity a URL names: the last static path segment that is not an id (`/api/todos/${id}` → `todo`). */
export function urlEntity(node: TSESTree.Node, file: FileInput): string | undefined {
  const expression = unwrap(node);
  let text: string | undefined;
  const value = staticValue(expression, file);
  if (typeof value === 'string') text = value;
  else if (expression.type === AST_NODE_TYPES.TemplateLiteral) text = expression.quasis.map((q) => q.value.cooked ?? '').join('/');
  if (!text) return undefined;
  const path = text.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0]!;
  const segments = path.split('/').filter((segment) => segment && !/^(api|v\d+|\d+|:\w+|\[\w+\])$/i.test(segment));
  for (let i = segments.length - 1; i >= 0; i--) {
    const word = singular(segments[i]!.replace(/[^A-Za-z0-9]+/g, ''));
    if (word && !/^(id|new|edit|create|update|delete|remove)$/.test(word)) return word;
  }
  return undefined;
}

const ORM_READ_METHODS: ReadonlySet<string> = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findBy',
  'find',
  'findById',
  'findAll',
  'findAndCount',
  'findAndCountAll',
  'findByPk',
  'count',
  'aggregate',
  'groupBy',
  'select',
]);

const SQL_READ = /^\s*select\b[\s\S]*?\bfrom\s+[`"[]?([\w.]+)/i;

/**
 * The entity a read of data names (`prisma.user.findUnique`, `this.usersRepository.findOneBy`,
 * `db.select().from(users)`, `supabase.from('todos').select()`, `` sql`SELECT ... FROM users` ``),
 * or undefined when the call is not a recognisable read.
 */
export function dataReadEntity(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, file: FileInput): string | undefined {
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    const match = SQL_READ.exec(node.quasi.quasis.map((q) => q.value.cooked ?? '').join(' '));
    return match ? entityOf(match[1]!.split('.').pop() ?? '') : undefined;
  }
  const first = node.arguments[0];
  if (first && (first.type === AST_NODE_TYPES.Literal || first.type === AST_NODE_TYPES.TemplateLiteral)) {
    const text = first.type === AST_NODE_TYPES.Literal ? String(first.value) : first.quasis.map((q) => q.value.cooked ?? '').join(' ');
    const match = SQL_READ.exec(text);
    if (match) return entityOf(match[1]!.split('.').pop() ?? '');
  }
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === undefined) return undefined;
  // drizzle: db.select().from(users)
  if (method === 'from' && first) {
    const object = unwrap(callee.object);
    if (object.type === AST_NODE_TYPES.CallExpression && /^select/.test(calleeNameOf(object) ?? '')) return tableName(first, file);
    return undefined;
  }
  if (!ORM_READ_METHODS.has(method)) return undefined;
  const entity = ormEntity(callee, node, file);
  return entity ?? undefined;
}

function calleeNameOf(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return undefined;
}
