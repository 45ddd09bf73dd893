// `npm run webchat:update`: fetches the pinned Web Chat release from the npm registry, checks the
// tarball against its pinned integrity, and writes the prebuilt bundle and its licence notices to
// vendor/webchat/ (with the bundle's sha256, which a test checks). The bot serves that file, so
// `npm ci` installs none of the package's ~500 MB dependency tree.
// To move to another version: change VERSION and INTEGRITY (`npm view botframework-webchat@X dist.integrity`).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VERSION = '4.18.1';
const INTEGRITY = 'sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg==';
const FILES = ['webchat.js', 'webchat.js.LICENSE.txt'];
const TARGET = path.resolve(__dirname, '..', 'vendor', 'webchat');

function main(): void {
  const work = mkdtempSync(path.join(os.tmpdir(), 'webchat-'));
  try {
    const packed = execFileSync('npm', ['pack', `botframework-webchat@${VERSION}`, '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop() ?? '';
    const tarball = path.join(work, packed);
    const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (integrity !== INTEGRITY) throw new Error(`botframework-webchat@${VERSION}: integrity ${integrity} is not the pinned ${INTEGRITY}`);
    execFileSync('tar', ['-xzf', tarball, '-C', work, ...FILES.map((file) => `package/dist/${file}`)]);
    for (const file of FILES) copyFileSync(path.join(work, 'package', 'dist', file), path.join(TARGET, file));
    const sha256 = createHash('sha256').update(readFileSync(path.join(TARGET, 'webchat.js'))).digest('hex');
    writeFileSync(path.join(TARGET, 'webchat.json'), `${JSON.stringify({ package: 'botframework-webchat', version: VERSION, integrity: INTEGRITY, sha256 }, null, 2)}\n`);
    console.log(`vendor/webchat: botframework-webchat ${VERSION}, webchat.js sha256 ${sha256}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
