// The edit format local models are told to use: aider-style whole-file blocks and SEARCH/REPLACE blocks.
/** Largest file a single block may write; bigger output is refused, not truncated. */
export const maxEditBytes = 1_000_000;

/** Built, not written out, so no source line starts with a merge-conflict marker. */
const [search, divider, replace] = [`${'<'.repeat(7)} SEARCH`, '='.repeat(7), `${'>'.repeat(7)} REPLACE`];

export const editFormatInstructions = `## How to change files
You change files only by writing blocks in your answer, in this exact format.
Put the file's path, relative to the project folder, alone on the line before the opening fence.

To change part of a file, use one or more SEARCH/REPLACE blocks:

src/calc.py
\`\`\`python
${search}
def add(a, b):
    return 0
${divider}
def add(a, b):
    return a + b
${replace}
\`\`\`

- The SEARCH part must copy the current lines of the file exactly (indentation, comments, blank lines), \
and match one place only: include enough lines.
- To create a new file, leave the SEARCH part empty.

To write a whole file (new files, or when most of a file changes), give its complete content:

src/util.py
\`\`\`python
def double(x):
    return 2 * x
\`\`\`

- Always give the complete file: never "..." or "rest unchanged".
- Only paths inside the project; never .git/ or a locked test.
- A block that cannot be applied is refused and you are told why.`;
