// The JavaScript and TypeScript scan, on the syntax tree (js-tree.ts): imports of the runners' internals, overrides
// of the frameworks' globals, of the process's exit and output, of the module loader, exit hooks that rewrite what
// the run reports, runner options set from code, and report strings.
import type { FileRole } from './file-role.js';
import { type CodeFinding, why } from './finding.js';
import { lineOf, memberPath, type Node, parseScript, stringValue, walk } from './js-tree.js';
import { reportString } from './report-strings.js';

/** jest's and vitest's (and mocha's) machinery; `vitest`, `@jest/globals` and `jest` itself are their public faces. */
const internalModule =
  /^(?:jest-(?:circus|runner|jasmine2|snapshot|runtime)|@jest\/(?!globals$)[\w-]+|vitest\/(?:runners|node|suite|reporters|workers|execute)|@vitest\/[\w-]+|mocha\/lib)(?:\/|$)/;
const frameworkGlobal =
  /^(?:globalThis|global|window)\.(?:expect|it|test|describe|suite|jest|vi|beforeEach|afterEach|beforeAll|afterAll)(?:\.|$)/;
// Only expect: "test" is what NODE_ENV is compared with everywhere.
const frameworkName = /^expect$/;
const processExit = /^process\.(?:exit|reallyExit|abort|kill|(?:stdout|stderr)\.(?:write|end))$/;
const moduleLoader =
  /^(?:require\.cache|(?:Module|module)\.(?:_load|_resolveFilename|_extensions|prototype\.(?:require|_compile)))(?:\.|$)/;
const runnerOptions = /^process\.env\.(?:NODE_OPTIONS|PYTEST_ADDOPTS|PYTEST_PLUGINS)$/;
const listen = /^process\.(?:on|once|addListener|prependListener|prependOnceListener)$/;
const writesOut =
  /^(?:process\.(?:exit|reallyExit|(?:stdout|stderr)\.write)|console\.\w+|(?:fs\.)?(?:writeFileSync|appendFileSync|writeSync|writeFile|appendFile))$/;
const defines = /^(?:Object\.(?:defineProperty|assign)|Reflect\.(?:defineProperty|set))$/;

export function scanJavaScript(file: string, source: string, role: FileRole): CodeFinding[] {
  const program = parseScript(file, source);
  if (program instanceof Error)
    // Code that does not parse does not run either: the tests say so, nothing here to judge.
    return [];
  const findings: CodeFinding[] = [];
  const add = (node: Node, what: string, reason: string): void => {
    findings.push({ path: file, line: lineOf(node), what, why: reason });
  };
  for (const node of walk(program)) {
    const module = moduleOf(node);
    if (module !== undefined && internalModule.test(module)) add(node, `import "${module}"`, why.internals);
    if (node.type === 'AssignmentExpression') assignment(node, add);
    if (node.type === 'CallExpression') call(node, add);
    if (node.type === 'BinaryExpression' && role === 'code') comparison(node, add);
    const text = node.type === 'TemplateElement' ? (node.value as { cooked?: string }).cooked : stringValue(node);
    const report =
      node.type === 'StringLiteral' || node.type === 'TemplateElement' ? reportString(text ?? '', role) : undefined;
    if (report) add(node, report.what, report.why);
  }
  return findings.sort((a, b) => a.line - b.line);
}

type Add = (node: Node, what: string, reason: string) => void;

/** The module an import, export-from, require() or import() names. */
function moduleOf(node: Node): string | undefined {
  if (/^(?:ImportDeclaration|ExportAllDeclaration|ExportNamedDeclaration|ImportExpression)$/.test(node.type))
    return stringValue(node.source);
  if (node.type === 'TSExternalModuleReference') return stringValue(node.expression);
  if (node.type !== 'CallExpression') return undefined;
  const callee = node.callee as Node;
  const path = memberPath(callee);
  const loads = callee.type === 'Import' || path === 'require' || path === 'require.resolve';
  return loads ? stringValue((node.arguments as Node[])[0]) : undefined;
}

function assignment(node: Node, add: Add): void {
  const left = node.left as Node;
  const path = memberPath(left);
  // require.cache[key] = ...: a computed key the chain cannot name.
  const target = path ?? (left.type === 'MemberExpression' ? memberPath(left.object) : undefined);
  if (target === undefined) return;
  if (frameworkGlobal.test(target)) add(node, `${target} = ...`, why.globals);
  else if (processExit.test(target)) add(node, `${target} = ...`, why.exit);
  else if (moduleLoader.test(target)) add(node, `${target} = ...`, why.modules);
  else if (runnerOptions.test(target)) add(node, `${target} = ...`, why.options);
  else if (target === 'process.exitCode' && isZero(node.right)) add(node, 'process.exitCode = 0', why.exit);
}

/** `name === "expect"`: code that finds the framework's calls by name, as a transform that drops them does. */
function comparison(node: Node, add: Add): void {
  if (!/^[!=]==?$/.test(node.operator as string)) return;
  const name = [stringValue(node.left), stringValue(node.right)].find((text) => text && frameworkName.test(text));
  if (name) add(node, `a comparison with "${name}"`, why.transform);
}

function call(node: Node, add: Add): void {
  const callee = memberPath(node.callee);
  const args = node.arguments as Node[];
  if (callee && listen.test(callee)) {
    const event = stringValue(args[0]);
    const handler = args[1];
    if ((event === 'exit' || event === 'beforeExit') && handler && rewrites(handler))
      add(node, `${callee}("${event}", ...) that writes output or the exit code`, why.exit);
    return;
  }
  if (!callee || !defines.test(callee)) return;
  const target = memberPath(args[0]);
  const key = stringValue(args[1]);
  if (target === undefined) return;
  const keys = key !== undefined ? [key] : objectKeys(args[1]);
  for (const name of keys) {
    const path = `${target}.${name}`;
    if (frameworkGlobal.test(path)) add(node, `${callee}(${target}, "${name}", ...)`, why.globals);
    else if (processExit.test(path) || path === 'process.exitCode')
      add(node, `${callee}(${target}, "${name}", ...)`, why.exit);
    else if (runnerOptions.test(path)) add(node, `${callee}(${target}, { ${name} })`, why.options);
  }
}

/** The handler ends the process, sets its exit code, prints or writes a file. */
function rewrites(handler: Node): boolean {
  for (const node of walk(handler)) {
    if (node.type === 'CallExpression' && writesOut.test(memberPath(node.callee) ?? '')) return true;
    if (node.type === 'AssignmentExpression' && memberPath(node.left) === 'process.exitCode') return true;
  }
  return false;
}

function objectKeys(node: Node | undefined): string[] {
  if (node?.type !== 'ObjectExpression') return [];
  return (node.properties as Node[]).flatMap((property) => {
    if (property.type !== 'ObjectProperty') return [];
    const key = property.key as Node;
    const name = property.computed ? stringValue(key) : ((key.name as string | undefined) ?? stringValue(key));
    return name === undefined ? [] : [name];
  });
}

const isZero = (node: unknown): boolean =>
  (node as Node | undefined)?.type === 'NumericLiteral' && (node as Node).value === 0;
