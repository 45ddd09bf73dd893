// `npm run build`, after tsc: copies the product's files that are not TypeScript (the Web Chat
// page) next to the compiled code, so dist/ runs on its own.
const { copyFileSync, mkdirSync, readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const folders = ['bot/webchat/page'];
const copied = ['.html', '.js'];

for (const folder of folders) {
  const target = path.join(root, 'dist', folder);
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(path.join(root, folder))) {
    if (copied.includes(path.extname(file))) copyFileSync(path.join(root, folder, file), path.join(target, file));
  }
}
