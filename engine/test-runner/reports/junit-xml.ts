// Reads a JUnit XML report (pytest --junitxml, behave --junit) into its test cases, with fast-xml-parser.
import { XMLParser } from 'fast-xml-parser';
import type { TestOutcome } from '../../contract/test-summary.js';

export type JUnitCase = {
  classname: string;
  name: string;
  /** pytest's xunit1 family names the file; other writers leave it out. */
  file?: string;
  outcome: TestOutcome;
  /** The first line of the failure or error message. */
  message?: string;
};

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  // pytest writes line breaks in messages as &#10;.
  htmlEntities: true,
  // Suites nest (testsuites > testsuite > testsuite) and every one may hold one case or many.
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

/**
 * The cases of every suite in the report; throws on text that is not XML, so a half-written report is never read as
 * green.
 */
export function parseJUnitXml(xml: string): JUnitCase[] {
  const root = parser.parse(xml, true) as XmlNode;
  const cases: JUnitCase[] = [];
  const visit = (node: XmlNode): void => {
    for (const testcase of asNodes(node.testcase)) cases.push(readCase(testcase));
    for (const suite of asNodes(node.testsuite)) visit(suite);
  };
  if (root.testsuites) for (const suites of [root.testsuites].flat() as XmlNode[]) visit(suites);
  visit(root);
  return cases;
}

function readCase(node: XmlNode): JUnitCase {
  const problem = firstOf(node.error) ?? firstOf(node.failure);
  const outcome: TestOutcome =
    node.error !== undefined
      ? 'errored'
      : node.failure !== undefined
        ? 'failed'
        : node.skipped !== undefined
          ? 'skipped'
          : 'passed';
  return {
    classname: String(node.classname ?? ''),
    name: String(node.name ?? '').trim(),
    file: typeof node.file === 'string' ? node.file : undefined,
    outcome,
    message: problem === undefined ? undefined : firstLine(problem),
  };
}

function asNodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.filter((item): item is XmlNode => typeof item === 'object' && item !== null) : [];
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** "AssertionError: boom" from <failure message="AssertionError: boom&#10;assert 1 == 2">…</failure>. */
function firstLine(problem: unknown): string | undefined {
  const node = typeof problem === 'object' && problem !== null ? (problem as XmlNode) : { '#text': problem };
  const text = [node.message, node['#text'], node.type].find(
    (part) => typeof part === 'string' && part.trim() !== '',
  ) as string | undefined;
  return text?.trim().split('\n')[0]?.trim();
}
