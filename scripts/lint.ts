// House rules the compiler does not enforce, checked on the syntax tree (not with text search):
// - no `any` type anywhere;
// - botbuilder packages imported only under bot/ and dialogs/ (and tests);
// - process.env read only by the entry points (configuration is parsed once in services/config).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');
const folders = ['bot', 'dialogs', 'services', 'sandbox', 'test', 'bench', 'scripts'];
const botbuilderAllowed = ['bot/', 'dialogs/', 'test/'];
const envAllowed = ['bot/index.ts', 'sandbox/main.ts', 'scripts/', 'test/', 'bench/'];

function sourceFiles(folder: string): string[] {
  const full = path.join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.filter((entry) => entry !== 'node_modules').flatMap((entry) => {
    const relative = path.join(folder, entry);
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return relative.endsWith('.ts') ? [relative] : [];
  });
}

const problems: string[] = [];
for (const file of folders.flatMap(sourceFiles)) {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const report = (node: ts.Node, rule: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    problems.push(`${file}:${line + 1}:${character + 1} ${rule}`);
  };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) report(node, "'any' is not allowed: use unknown and narrow it");
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)
      && /^botbuilder/.test(node.moduleSpecifier.text) && !botbuilderAllowed.some((prefix) => file.startsWith(prefix))) {
      report(node, 'botbuilder may only be imported under bot/ and dialogs/');
    }
    if (ts.isPropertyAccessExpression(node) && node.getText(source) === 'process.env' && !envAllowed.some((prefix) => file.startsWith(prefix))) {
      report(node, 'read configuration through services/config (loadConfig), not process.env');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('lint: ok');
