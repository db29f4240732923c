import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { indentAt, lineBreak, unwrap } from '../ast.js';
import type { FileInput, TextEdit } from '../model.js';

/**
 * An edit that adds `property` (source text such as `max: 1000`) to an object literal, in the
 * object's own layout: `{}` becomes `{ max: 1000 }`, a one-line object gains `, max: 1000`
 * after its last property, a multi-line object gains a line indented like its last property.
 * A trailing comma stays where it was.
 */
export function addObjectProperty(object: TSESTree.ObjectExpression, property: string, file: FileInput): TextEdit {
  const last = object.properties[object.properties.length - 1];
  if (!last) return { range: object.range, text: `{ ${property} }` };
  const multiline = object.loc.start.line !== object.loc.end.line && last.loc.start.line !== object.loc.start.line;
  if (!multiline) return { range: [last.range[1], last.range[1]], text: `, ${property}` };
  return { range: [last.range[1], last.range[1]], text: `,${lineBreak(file.text)}${indentAt(file.text, last.range[0])}${property}` };
}

/**
 * Edits that give a call or construction an options object holding `property` at argument
 * `position`: added to the object literal already there, or appended as `{ property }` when the
 * call has exactly `position` arguments. Undefined when the argument there is not an object
 * literal written in place (a variable, a spread): its content is unknown.
 */
export function addOption(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  position: number,
  property: string,
  file: FileInput,
): TextEdit[] | undefined {
  const argument = call.arguments[position];
  if (argument) {
    const value = unwrap(argument);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    if (value.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    return [addObjectProperty(value, property, file)];
  }
  if (call.arguments.length !== position) return undefined;
  const object = `{ ${property} }`;
  const previous = call.arguments[position - 1];
  if (previous) return [{ range: [previous.range[1], previous.range[1]], text: `, ${object}` }];
  // No arguments: `new NodeCache()` or `new NodeCache`.
  const end = call.range[1];
  if (file.text[end - 1] === ')') return [{ range: [end - 1, end - 1], text: object }];
  if (call.type === AST_NODE_TYPES.NewExpression) return [{ range: [end, end], text: `(${object})` }];
  return undefined;
}
