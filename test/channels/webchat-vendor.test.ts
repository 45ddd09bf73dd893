// The Web Chat bundle is vendored (vendor/webchat): the file served is the pinned release's.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VENDORED_BUNDLE } from '../../bot/webchat/webchat-routes';

describe('vendored Web Chat bundle', () => {
  it("is byte for byte the pinned release's webchat.js (sha256 in vendor/webchat/webchat.json), with its licence", () => {
    const pinned = JSON.parse(readFileSync(path.join(path.dirname(VENDORED_BUNDLE), 'webchat.json'), 'utf8')) as { package: string; version: string; sha256: string };
    assert.equal(pinned.package, 'botframework-webchat');
    assert.match(pinned.version, /^\d+\.\d+\.\d+$/);
    assert.equal(createHash('sha256').update(readFileSync(VENDORED_BUNDLE)).digest('hex'), pinned.sha256);
    assert.match(readFileSync(path.join(path.dirname(VENDORED_BUNDLE), 'LICENSE'), 'utf8'), /MIT License/);
  });

  it('is not installed from npm (none of its dependency tree in node_modules)', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    assert.equal(manifest.dependencies['botframework-webchat'], undefined);
    assert.equal(manifest.devDependencies['botframework-webchat'], undefined);
  });
});
