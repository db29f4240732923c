import type { TSESTree } from '@typescript-eslint/types';
import type { FileInput } from '../model.js';

/**
 * Type information, read by duck typing: the core never imports `typescript`, and TypeFlags
 * values differ between TypeScript versions (5.x and 6.x number them differently), so flag
 * masks are taken from the checker's own intrinsic types at run time.
 */
interface TsType {
  readonly flags: number;
  readonly types?: readonly TsType[];
  isUnion?(): boolean;
  isIntersection?(): boolean;
  isTypeParameter?(): boolean;
}

interface TsChecker {
  getTypeAtLocation(node: unknown): TsType;
  typeToString(type: TsType): string;
  getBaseConstraintOfType?(type: TsType): TsType | undefined;
  getAnyType?(): TsType;
  getUnknownType?(): TsType;
  getNeverType?(): TsType;
  getStringType?(): TsType;
  getNumberType?(): TsType;
  getBigIntType?(): TsType;
  getUndefinedType?(): TsType;
  getNullType?(): TsType;
  getVoidType?(): TsType;
  getESSymbolType?(): TsType;
  getTrueType?(): TsType;
  getStringLiteralType?(value: string): TsType;
  getNumberLiteralType?(value: number): TsType;
  isTypeAssignableTo?(source: TsType, target: TsType): boolean;
}

interface Masks {
  readonly checker: TsChecker;
  /** Flags of any, unknown and never: types that prove nothing. */
  readonly vague: number;
  /** Flags of every primitive kind the checker let us sample. */
  readonly primitive: number;
  /** Targets for `isTypeAssignableTo`, for primitive kinds without a sample (template literals). */
  readonly targets: readonly TsType[];
}

const masksByProgram = new WeakMap<object, Masks | null>();

function masksFor(program: unknown): Masks | null {
  if (typeof program !== 'object' || program === null) return null;
  const cached = masksByProgram.get(program);
  if (cached !== undefined) return cached;
  let masks: Masks | null = null;
  try {
    const checker = (program as { getTypeChecker?(): TsChecker }).getTypeChecker?.();
    if (checker && typeof checker.getTypeAtLocation === 'function' && checker.getAnyType && checker.getStringType) {
      const flagsOf = (...types: (TsType | undefined)[]) => types.reduce((mask, type) => mask | (type?.flags ?? 0), 0);
      const targets = [checker.getStringType(), checker.getNumberType?.(), checker.getBigIntType?.()].filter(
        (type): type is TsType => type !== undefined,
      );
      masks = {
        checker,
        vague: flagsOf(checker.getAnyType(), checker.getUnknownType?.(), checker.getNeverType?.()),
        primitive: flagsOf(
          checker.getStringType(),
          checker.getNumberType?.(),
          checker.getBigIntType?.(),
          checker.getUndefinedType?.(),
          checker.getNullType?.(),
          checker.getVoidType?.(),
          checker.getESSymbolType?.(),
          checker.getTrueType?.(),
          checker.getStringLiteralType?.('a'),
          checker.getNumberLiteralType?.(1),
        ),
        targets,
      };
    }
  } catch {
    masks = null;
  }
  masksByProgram.set(program, masks);
  return masks;
}

/** What a value's static type says about it: a primitive, an object (identity), or nothing known. */
export type ValueKind = 'primitive' | 'object' | 'unknown';

function kindOfType(type: TsType, masks: Masks, depth: number): ValueKind {
  if (depth > 8) return 'unknown';
  if (type.flags & masks.vague) return 'unknown';
  if (type.isUnion?.() && type.types) {
    let out: ValueKind = 'primitive';
    for (const member of type.types) {
      const kind = kindOfType(member, masks, depth + 1);
      if (kind === 'object') return 'object';
      if (kind === 'unknown') out = 'unknown';
    }
    return out;
  }
  // Branded primitives (`string & { __brand: 'Id' }`) are primitives.
  if (type.isIntersection?.() && type.types) {
    return type.types.some((member) => kindOfType(member, masks, depth + 1) === 'primitive') ? 'primitive' : 'object';
  }
  if (type.isTypeParameter?.()) {
    const constraint = masks.checker.getBaseConstraintOfType?.(type);
    return constraint && constraint !== type ? kindOfType(constraint, masks, depth + 1) : 'unknown';
  }
  if (type.flags & masks.primitive) return 'primitive';
  // Kinds without a sample (template literal types, `Uppercase<string>`, enums): ask assignability.
  const assignable = masks.checker.isTypeAssignableTo;
  if (assignable && masks.targets.some((target) => assignable.call(masks.checker, type, target))) return 'primitive';
  return 'object';
}

/**
 * The kind of an expression's value by its static type, when the host has type information
 * (`file.program` and `file.esTreeNodeToTSNodeMap`); `'unknown'` without it, for `any` and
 * `unknown`, and on any error.
 */
export function valueKindByType(node: TSESTree.Node, file: FileInput): ValueKind {
  const type = typeOf(node, file);
  if (!type) return 'unknown';
  return kindOfType(type.type, type.masks, 0);
}

/** The type of an expression as TypeScript prints it, or undefined without type information. */
export function typeText(node: TSESTree.Node, file: FileInput): string | undefined {
  const type = typeOf(node, file);
  if (!type) return undefined;
  try {
    return type.masks.checker.typeToString(type.type);
  } catch {
    return undefined;
  }
}

function typeOf(node: TSESTree.Node, file: FileInput): { type: TsType; masks: Masks } | undefined {
  if (!file.program || !file.esTreeNodeToTSNodeMap) return undefined;
  const masks = masksFor(file.program);
  if (!masks) return undefined;
  try {
    const tsNode = file.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return undefined;
    return { type: masks.checker.getTypeAtLocation(tsNode), masks };
  } catch {
    return undefined;
  }
}
