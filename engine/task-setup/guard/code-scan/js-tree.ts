// JavaScript and TypeScript parsed with @babel/parser (every syntax node-run code can have: ESM, CommonJS, JSX,
// TypeScript), and the small helpers the scan reads the tree with.
import { parse, type ParserPlugin } from '@babel/parser';

/** A syntax node, read loosely: the scan looks at a few fields of a few node types. */
export type Node = { type: string; loc?: { start: { line: number } } | null; [field: string]: unknown };

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The program, or the parser's error when the file is not JavaScript it can read. */
export function parseScript(file: string, source: string): Node | Error {
  const typescript = /\.[cm]?tsx?$/.test(file);
  const plugins: ParserPlugin[] = typescript ? ['typescript'] : ['jsx'];
  if (/\.tsx$/.test(file)) plugins.push('jsx');
  try {
    return parse(source, {
      sourceType: 'unambiguous',
      plugins,
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      allowUndeclaredExports: true,
    }).program as unknown as Node;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Every node under (and including) this one, parents before children. */
export function* walk(node: Node): Generator<Node> {
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield* walk(item);
    } else if (isNode(value)) yield* walk(value);
  }
}

export const lineOf = (node: Node): number => node.loc?.start.line ?? 1;

/** A string literal's value, or a template literal's when it has no expressions. */
export function stringValue(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'StringLiteral') return node.value as string;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0)
    return ((node.quasis as Node[])[0]?.value as { cooked?: string } | undefined)?.cooked ?? undefined;
  return undefined;
}

/** "process.stdout.write" for a member chain of names (computed string keys too), else undefined. */
export function memberPath(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression' || node.type === 'ParenthesizedExpression')
    return memberPath(node.expression);
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  const object = memberPath(node.object);
  const property = node.computed ? stringValue(node.property) : ((node.property as Node).name as string | undefined);
  return object && property ? `${object}.${property}` : undefined;
}
