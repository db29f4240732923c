import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, constInitializer, isPlainStringLiteral, memberName, propertyKey, staticValue, unwrap } from '../ast.js';
import { getFileIndex } from '../analysis/file-index.js';
import { checkCacheControl, type CacheControlEdit, type CacheControlProblem } from '../http/cache-control.js';
import type { Detector, FileInput, Finding, SuggestionPlan, TextEdit } from '../model.js';

/** Options of `valid-cache-control`. */
export interface ValidCacheControlOptions {
  /** Extension directives your caches understand, never reported as misspellings. */
  readonly allowedDirectives: readonly string[];
}

/** Message ids of `valid-cache-control`. */
export type ValidCacheControlMessageId =
  | 'emptyValue'
  | 'emptyElement'
  | 'syntax'
  | 'missingArgument'
  | 'unexpectedArgument'
  | 'invalidSeconds'
  | 'outOfRange'
  | 'duplicate'
  | 'misspelled'
  | 'contradiction'
  | 'applyCorrection'
  | 'removeDirective';

const MESSAGE_OF: Record<CacheControlProblem['kind'], ValidCacheControlMessageId> = {
  'empty-value': 'emptyValue',
  'empty-element': 'emptyElement',
  syntax: 'syntax',
  'missing-argument': 'missingArgument',
  'unexpected-argument': 'unexpectedArgument',
  'invalid-seconds': 'invalidSeconds',
  'out-of-range': 'outOfRange',
  duplicate: 'duplicate',
  misspelled: 'misspelled',
  contradiction: 'contradiction',
};

/** Calls whose first argument names a header and second gives its value. */
const HEADER_SETTERS: ReadonlySet<string> = new Set(['set', 'setHeader', 'header', 'append', 'Header']);

/**
 * `Cache-Control` values that caches will misread: malformed lists, misspelled directives
 * (`max_age`, `s-max-age`), arguments that are not whole seconds, and contradictions
 * (`no-store` with `max-age=600`). The header name written next to the value is the proof
 * that the string is a `Cache-Control` value, so any receiver counts here.
 */
export const validCacheControl: Detector<ValidCacheControlOptions, ValidCacheControlMessageId> = {
  id: 'valid-cache-control',
  messages: {
    emptyValue: 'Empty `Cache-Control` value: caches fall back to their own heuristics.',
    emptyElement: 'Empty element in the `Cache-Control` list.',
    syntax: 'Malformed `Cache-Control` directive `{{directive}}`: caches may ignore it, or the whole header.',
    missingArgument: '`{{directive}}` needs a number of seconds (`{{directive}}=60`); without one, caches ignore it.',
    unexpectedArgument: '`{{directive}}` takes no argument; caches may ignore the directive.',
    invalidSeconds: '`{{directive}}` is not a whole number of seconds, so caches treat it as invalid (often as already stale).',
    outOfRange: '`{{directive}}` is more than 2147483648 seconds; caches cap it at about 68 years.',
    duplicate: '`{{directive}}` repeats `{{other}}`; RFC 9111 lets caches use the first one or treat the response as stale.',
    misspelled: 'Unknown directive `{{directive}}`: caches ignore it. Did you mean `{{expected}}`?',
    contradiction: '`{{directive}}` contradicts `{{other}}`; caches obey the stricter one, so the other is dead or a bug.',
    applyCorrection: 'Change it to `{{expected}}`.',
    removeDirective: 'Remove `{{directive}}`.',
  },
  gate: (text) => /cache-control/i.test(text),
  detect(file, options, report) {
    const index = getFileIndex(file);
    const seen = new Set<TSESTree.Node>();
    const check = (valueNode: TSESTree.Node | undefined, depth = 0): void => {
      if (!valueNode || depth > 4) return;
      const expression = unwrap(valueNode);
      // `live ? 'no-store' : 'public, max-age=60'`, `override ?? 'no-cache'`: each branch is a value.
      if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
        check(expression.consequent, depth + 1);
        check(expression.alternate, depth + 1);
        return;
      }
      if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator !== '&&') {
        check(expression.left, depth + 1);
        check(expression.right, depth + 1);
        return;
      }
      const target = literalOf(expression, file);
      if (!target || seen.has(target)) return;
      seen.add(target);
      const value = staticValue(target, file);
      if (typeof value !== 'string') return;
      const problems = checkCacheControl(value, { allowedDirectives: options.allowedDirectives });
      if (problems.length === 0) return;
      const segments = segmentsOf(target, file);
      for (const problem of problems) report(findingFor(problem, target, value, segments, file));
    };
    for (const call of index.calls) {
      if (call.arguments.length < 2) continue;
      const name = calleeName(call);
      if (!name || !HEADER_SETTERS.has(name)) continue;
      const header = staticValue(call.arguments[0]!, file);
      if (typeof header === 'string' && header.toLowerCase() === 'cache-control') check(call.arguments[1]);
    }
    // headers['Cache-Control'] = '...' on a headers object built by assignment
    for (const assignment of index.assignments) {
      const left = assignment.left;
      if (assignment.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression) continue;
      const key = memberName(left) ?? (left.computed ? staticValue(left.property, file) : undefined);
      if (typeof key === 'string' && key.toLowerCase() === 'cache-control') check(assignment.right);
    }
    for (const property of index.properties) {
      const key = propertyKey(property, file);
      if (key !== undefined && key.toLowerCase() === 'cache-control' && property.parent.type === AST_NODE_TYPES.ObjectExpression) {
        check(property.value);
        continue;
      }
      // next.config.js headers(): { key: 'Cache-Control', value: '...' }
      if (key === 'key' && property.parent.type === AST_NODE_TYPES.ObjectExpression) {
        const header = staticValue(property.value, file);
        if (typeof header !== 'string' || header.toLowerCase() !== 'cache-control') continue;
        const valueProperty = property.parent.properties.find(
          (p): p is TSESTree.ObjectLiteralElement & TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKey(p) === 'value',
        );
        check(valueProperty?.value);
      }
    }
  },
};

/**
 * The node that holds the value's text: the literal, template or `+` concatenation itself, or
 * the literal a `const` is initialised with (so a shared constant is reported once, where it
 * is written).
 */
function literalOf(node: TSESTree.Node, file: FileInput): TSESTree.Node | undefined {
  const expression = unwrap(node);
  if (isValueExpression(expression)) return expression;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(expression, file);
    const value = init ? unwrap(init) : undefined;
    if (value && isValueExpression(value)) return value;
  }
  // CachePolicy.PRIVATE where `const CachePolicy = { PRIVATE: '...' }` (with or without `as const`)
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.Identifier) {
    const name = memberName(expression);
    const init = constInitializer(expression.object, file);
    const object = init ? unwrap(init) : undefined;
    if (name === undefined || object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const property = object.properties.find((p) => p.type === AST_NODE_TYPES.Property && !p.computed && propertyKey(p) === name);
    const value = property?.type === AST_NODE_TYPES.Property ? unwrap(property.value) : undefined;
    if (value && isValueExpression(value)) return value;
  }
  return undefined;
}

function isValueExpression(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')
  );
}

/**
 * A run of the value and where it is written: `value[valueStart, valueStart + length)` comes from
 * `text[fileStart, fileEnd)`. A verbatim segment maps character for character; an opaque one
 * (an escaped literal such as `'max\u002dage'`, a `${ONE_DAY}` substitution, a constant in a
 * `+` chain) can only locate a problem, never carry an edit.
 */
interface Segment {
  readonly valueStart: number;
  readonly length: number;
  readonly fileStart: number;
  readonly fileEnd: number;
  readonly verbatim: boolean;
}

/** The segments of a static value written as a literal, a template or a `+` concatenation. */
function segmentsOf(node: TSESTree.Node, file: FileInput, offset = 0, out: Segment[] = []): Segment[] {
  const expression = unwrap(node);
  const opaque = (from: number, to: number, length: number) =>
    out.push({ valueStart: offset, length, fileStart: from, fileEnd: to, verbatim: false });
  if (expression.type === AST_NODE_TYPES.TemplateLiteral) {
    let valueOffset = offset;
    let fileStart: number | undefined = expression.range[0] + 1;
    for (let i = 0; i < expression.quasis.length; i++) {
      const cooked = expression.quasis[i]!.value.cooked ?? '';
      const raw = expression.quasis[i]!.value.raw;
      const part = expression.expressions[i];
      if (fileStart === undefined) return out;
      if (raw === cooked && file.text.startsWith(cooked, fileStart)) {
        out.push({ valueStart: valueOffset, length: cooked.length, fileStart, fileEnd: fileStart + cooked.length, verbatim: true });
      } else if (!part) {
        out.push({ valueStart: valueOffset, length: cooked.length, fileStart, fileEnd: expression.range[1] - 1, verbatim: false });
      } else {
        return out;
      }
      valueOffset += cooked.length;
      if (!part) break;
      const partValue = staticValue(part, file);
      if (typeof partValue !== 'string') return out;
      const open = fileStart + raw.length;
      fileStart = afterClosingBrace(file.text, part.range[1]);
      if (fileStart === undefined) return out;
      out.push({ valueStart: valueOffset, length: partValue.length, fileStart: open, fileEnd: fileStart, verbatim: false });
      valueOffset += partValue.length;
    }
    return out;
  }
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+') {
    const left = staticValue(expression.left, file);
    if (typeof left !== 'string') return out;
    segmentsOf(expression.left, file, offset, out);
    segmentsOf(expression.right, file, offset + left.length, out);
    return out;
  }
  const value = staticValue(expression, file);
  if (typeof value !== 'string') return out;
  if (expression.type === AST_NODE_TYPES.Literal && isPlainStringLiteral(expression, file.text)) {
    out.push({ valueStart: offset, length: value.length, fileStart: expression.range[0] + 1, fileEnd: expression.range[1] - 1, verbatim: true });
  } else {
    opaque(expression.range[0], expression.range[1], value.length);
  }
  return out;
}

/** The offset just past the `}` that closes a template substitution ending at `from`. */
function afterClosingBrace(text: string, from: number): number | undefined {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text[i] === '}' ? i + 1 : undefined;
}

/**
 * File offset of a value offset. A start takes the segment that continues after it, an end
 * the segment that runs up to it, so a problem at the seam of `'a, ' + 'b'` points into `'b'`.
 * Offsets inside an opaque segment widen to the whole segment.
 */
function fileOffset(segments: readonly Segment[], at: number, end: boolean): number | undefined {
  const segment = end
    ? segments.find((s) => at > s.valueStart && at <= s.valueStart + s.length)
    : segments.find((s) => at >= s.valueStart && at < s.valueStart + s.length);
  if (!segment) return undefined;
  if (segment.verbatim) return segment.fileStart + at - segment.valueStart;
  return end ? segment.fileEnd : segment.fileStart;
}

/** The file range of a value range inside one verbatim segment (so an edit never spans `' + '` or an escape). */
function fileRange(segments: readonly Segment[], start: number, end: number): [number, number] | undefined {
  const segment = segments.find((s) => s.verbatim && start >= s.valueStart && end <= s.valueStart + s.length);
  return segment ? [segment.fileStart + start - segment.valueStart, segment.fileStart + end - segment.valueStart] : undefined;
}

function findingFor(
  problem: CacheControlProblem,
  node: TSESTree.Node,
  value: string,
  segments: readonly Segment[],
  file: FileInput,
): Finding<ValidCacheControlMessageId> {
  const toEdits = (edit: CacheControlEdit | undefined): TextEdit[] | undefined => {
    const range = edit ? fileRange(segments, edit.start, edit.end) : undefined;
    return edit && range ? [{ range, text: edit.text }] : undefined;
  };
  const fix = toEdits(problem.fix);
  const suggestionEdits = toEdits(problem.suggestion);
  const suggestions: SuggestionPlan<ValidCacheControlMessageId>[] = [];
  if (suggestionEdits) {
    if (problem.kind === 'misspelled') {
      suggestions.push({ messageId: 'applyCorrection', data: { expected: problem.expected ?? '' }, edits: suggestionEdits });
    } else {
      const removed = value.slice(problem.suggestion!.start, problem.suggestion!.end).replace(/^[\s,]+|[\s,]+$/g, '');
      suggestions.push({ messageId: 'removeDirective', data: { directive: removed || (problem.directive ?? '') }, edits: suggestionEdits });
    }
  }
  const start = problem.end > problem.start ? fileOffset(segments, problem.start, false) : undefined;
  const end = problem.end > problem.start ? fileOffset(segments, problem.end, true) : undefined;
  const loc =
    start !== undefined && end !== undefined && end > start ? { start: locAt(file.text, start), end: locAt(file.text, end) } : undefined;
  return {
    messageId: MESSAGE_OF[problem.kind],
    data: {
      directive: problem.directive ?? '',
      other: problem.other ?? '',
      expected: problem.expected ?? '',
    },
    node,
    ...(loc ? { loc } : {}),
    ...(fix ? { fix } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

/** Line (1-based) and column (0-based) of an offset, as ESLint reports them. */
function locAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart };
}
