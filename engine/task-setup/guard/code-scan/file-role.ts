// Where a scanned file stands: a test file may import its framework and mock modules and builtins, other code may
// not.
export type FileRole = 'code' | 'test';
