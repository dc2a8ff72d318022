// The image used when SANDBOX_IMAGE is empty: an official image per LANGUAGE that has the usual test tools' runtime.
const byLanguage: Record<string, string> = {
  python: 'python:3.12-slim',
  javascript: 'node:22',
  typescript: 'node:22',
  go: 'golang:1.23',
  rust: 'rust:1',
};

export function sandboxImage(configured: string, language: string): string | undefined {
  return configured || byLanguage[language];
}
