import type { Tree } from '@nx/devkit';
import * as ts from 'typescript';

/**
 * Small, syntax-aware edits of registration files. They locate the exact array or import list
 * with the TypeScript parser instead of matching text, so formatting changes cannot make the
 * generator write into the wrong place.
 */
function parse(tree: Tree, path: string): { text: string; source: ts.SourceFile } {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} does not exist: is this the FinWise workspace?`);
  return { text, source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) };
}

/** Adds `import { name } from 'from';` after the last import. */
export function addNamedImport(tree: Tree, path: string, name: string, from: string): void {
  const { text, source } = parse(tree, path);
  const imports = source.statements.filter(ts.isImportDeclaration);
  const line = `import { ${name} } from '${from}';\n`;
  const at = imports.length > 0 ? imports[imports.length - 1].getEnd() + 1 : 0;
  tree.write(path, text.slice(0, at) + line + text.slice(at));
}

/** Appends `element` to the array literal initialising the exported constant `variable`. */
export function appendToArray(tree: Tree, path: string, variable: string, element: string): void {
  const { text, source } = parse(tree, path);
  let array: ts.ArrayLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === variable && node.initializer) {
      let init: ts.Expression = node.initializer;
      while (
        ts.isAsExpression(init) ||
        ts.isSatisfiesExpression(init) ||
        ts.isParenthesizedExpression(init)
      )
        init = init.expression;
      if (ts.isArrayLiteralExpression(init)) array = init;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!array) throw new Error(`${path}: could not find the array ${variable}`);
  const last = array.elements[array.elements.length - 1];
  const insertAt = last ? last.getEnd() : array.getStart() + 1;
  const hasTrailingComma = array.elements.hasTrailingComma;
  const insertion = last
    ? `${hasTrailingComma ? '' : ','}\n  ${element}${hasTrailingComma ? ',' : ''}`
    : `\n  ${element},\n`;
  const afterLast = last && hasTrailingComma ? text.indexOf(',', insertAt) + 1 : insertAt;
  tree.write(path, text.slice(0, afterLast) + insertion + text.slice(afterLast));
}

/** Adds a line at the end of a file (barrel exports). */
export function appendLine(tree: Tree, path: string, line: string): void {
  const text = tree.read(path, 'utf-8') ?? '';
  tree.write(path, `${text.replace(/\n*$/, '\n')}${line}\n`);
}

/** Increments `export const <name> = <number>;`. */
export function bumpNumber(tree: Tree, path: string, name: string): number {
  const { text } = parse(tree, path);
  const pattern = new RegExp(`(export const ${name}\\s*=\\s*)(\\d+)`);
  const match = pattern.exec(text);
  if (!match) throw new Error(`${path}: could not find ${name}`);
  const next = Number(match[2]) + 1;
  tree.write(path, text.replace(pattern, `$1${next}`));
  return next;
}
