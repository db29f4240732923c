import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, constInitializer, propertyKey, staticValue, unwrap } from '../ast.js';
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
    duplicate: '`{{directive}}` is given twice; RFC 9111 lets caches treat duplicated directives as invalid.',
    misspelled: 'Unknown directive `{{directive}}`: caches ignore it. Did you mean `{{expected}}`?',
    contradiction: '`{{directive}}` contradicts `{{other}}`; caches obey the stricter one, so the other is dead or a bug.',
    applyCorrection: 'Change it to `{{expected}}`.',
    removeDirective: 'Remove `{{directive}}`.',
  },
  gate: (text) => /cache-control/i.test(text),
  detect(file, options, report) {
    const index = getFileIndex(file);
    const seen = new Set<TSESTree.Node>();
    const check = (valueNode: TSESTree.Node | undefined): void => {
      if (!valueNode) return;
      const target = literalOf(valueNode, file);
      if (!target || seen.has(target)) return;
      seen.add(target);
      const value = staticValue(target, file);
      if (typeof value !== 'string') return;
      for (const problem of checkCacheControl(value, { allowedDirectives: options.allowedDirectives })) {
        report(findingFor(problem, target, value, file));
      }
    };
    for (const call of index.calls) {
      if (call.arguments.length < 2) continue;
      const name = calleeName(call);
      if (!name || !HEADER_SETTERS.has(name)) continue;
      const header = staticValue(call.arguments[0]!, file);
      if (typeof header === 'string' && header.toLowerCase() === 'cache-control') check(call.arguments[1]);
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
 * The node that holds the value's text: the literal itself, or the literal a `const` is
 * initialised with (so a shared constant is reported once, where it is written).
 */
function literalOf(node: TSESTree.Node, file: FileInput): TSESTree.Node | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Literal || expression.type === AST_NODE_TYPES.TemplateLiteral) return expression;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(expression, file);
    const value = init ? unwrap(init) : undefined;
    if (value && (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral)) return value;
  }
  return undefined;
}

/** Offset of the value's first character in the file, when the source maps 1:1 onto the value. */
function contentStart(node: TSESTree.Node, value: string, file: FileInput): number | undefined {
  const raw = file.text.slice(node.range[0] + 1, node.range[1] - 1);
  if (node.type === AST_NODE_TYPES.Literal) return raw === value ? node.range[0] + 1 : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return raw === value ? node.range[0] + 1 : undefined;
  return undefined;
}

function findingFor(
  problem: CacheControlProblem,
  node: TSESTree.Node,
  value: string,
  file: FileInput,
): Finding<ValidCacheControlMessageId> {
  const start = contentStart(node, value, file);
  const toEdits = (edit: CacheControlEdit | undefined): TextEdit[] | undefined =>
    edit && start !== undefined ? [{ range: [start + edit.start, start + edit.end], text: edit.text }] : undefined;
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
  const loc =
    start !== undefined && problem.end > problem.start
      ? { start: locAt(file.text, start + problem.start), end: locAt(file.text, start + problem.end) }
      : undefined;
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
