// `npm test` runs this first: installs the tools only the tests need (Azurite) into test/tools,
// from its own lockfile, when they are missing or the lockfile changed. They stay out of the bot's
// node_modules, so a fresh `npm ci` installs what the bot needs and the test runner, no more.
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const tools = path.resolve(__dirname, '..', 'test', 'tools');
const stamp = path.join(tools, 'node_modules', '.lock-sha256');
const wanted = createHash('sha256').update(readFileSync(path.join(tools, 'package-lock.json'))).digest('hex');

if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
  console.log('installing the test tools (Azurite) into test/tools');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: tools, stdio: 'inherit' });
  writeFileSync(stamp, wanted);
}
