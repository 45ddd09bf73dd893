// `npm run teams:package` end to end: the script runs as a process, and the zip it writes is read
// back: manifest fields, and icons checked from their PNG bytes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { buildTeamsPackage } from '../../scripts/teams/app-package';
import { encodePng, readPngInfo } from '../../scripts/teams/png';

const root = path.resolve(__dirname, '../..');
const APP_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

function runPackager(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'MicrosoftAppId' && name !== 'PUBLIC_URL'));
  return new Promise((resolve) => {
    execFile(path.join(root, 'node_modules/.bin/tsx'), ['scripts/teams-package.ts', ...args], { cwd: root, env: { ...inherited, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** RGBA pixels of a PNG written without filtering (as ours are). */
function pixels(png: Buffer): { width: number; rgba: (x: number, y: number) => number[] } {
  const info = readPngInfo(png);
  const data: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = info.width * 4 + 1;
  return { width: info.width, rgba: (x, y) => [...raw.subarray(y * stride + 1 + x * 4, y * stride + 1 + x * 4 + 4)] };
}

describe('Teams app package (npm run teams:package)', function () {
  this.timeout(30_000);
  let dir: string;

  before(() => { dir = mkdtempSync(path.join(tmpdir(), 'teams-package-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a zip with the manifest (bot id from MicrosoftAppId, three scopes) and valid icons', async () => {
    const out = path.join(dir, 'teams-app.zip');
    const run = await runPackager(['--out', out], { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://bot.example-dental.test/' });
    assert.equal(run.code, 0, run.stderr);
    const zip = await JSZip.loadAsync(readFileSync(out));
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);

    const manifest: unknown = JSON.parse(await zip.file('manifest.json')?.async('string') ?? '');
    assert.ok(typeof manifest === 'object' && manifest !== null);
    assert.deepEqual({ ...manifest }, {
      ...manifest,
      manifestVersion: '1.17',
      id: APP_ID,
      version: '0.1.0',
      icons: { color: 'color.png', outline: 'outline.png' },
      developer: { name: 'Dental Practice', websiteUrl: 'https://bot.example-dental.test', privacyUrl: 'https://bot.example-dental.test/privacy', termsOfUseUrl: 'https://bot.example-dental.test/terms' },
    });
    const bots = (manifest as { bots?: { botId: string; scopes: string[]; isNotificationOnly: boolean }[] }).bots ?? [];
    assert.equal(bots.length, 1);
    assert.equal(bots[0].botId, APP_ID);
    assert.deepEqual(bots[0].scopes, ['personal', 'groupChat', 'team']);
    assert.equal(bots[0].isNotificationOnly, false);
    assert.equal((manifest as { $schema?: string }).$schema, 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json');
    assert.doesNotMatch(JSON.stringify(manifest), /\{\{/, 'every placeholder filled');

    const color = await zip.file('color.png')?.async('nodebuffer') ?? Buffer.alloc(0);
    const outline = await zip.file('outline.png')?.async('nodebuffer') ?? Buffer.alloc(0);
    assert.deepEqual(readPngInfo(color), { width: 192, height: 192, bitDepth: 8, colorType: 6 });
    assert.deepEqual(readPngInfo(outline), { width: 32, height: 32, bitDepth: 8, colorType: 6 });
    // Outline: white on transparent only; the corner is clear and the symbol is there.
    const image = pixels(outline);
    let opaque = 0;
    for (let y = 0; y < 32; y += 1) {
      for (let x = 0; x < 32; x += 1) {
        const [r, g, b, a] = image.rgba(x, y);
        if (a > 0) assert.deepEqual([r, g, b], [255, 255, 255], `outline pixel ${x},${y} is not white`);
        if (a === 255) opaque += 1;
      }
    }
    assert.equal(image.rgba(0, 0)[3], 0);
    assert.ok(opaque > 100, 'the outline icon shows a symbol');
    // Color: fully opaque, so Teams shows no see-through edges.
    assert.equal(pixels(color).rgba(0, 0)[3], 255);
  });

  it('fails with a clear message without MicrosoftAppId, unless --placeholder', async () => {
    const out = path.join(dir, 'missing.zip');
    const failed = await runPackager(['--out', out], {});
    assert.notEqual(failed.code, 0);
    assert.match(failed.stderr, /MicrosoftAppId is not set[\s\S]*--placeholder/);
    const placeholder = await runPackager(['--placeholder', '--out', out], {});
    assert.equal(placeholder.code, 0, placeholder.stderr);
    const manifest: unknown = JSON.parse(await (await JSZip.loadAsync(readFileSync(out))).file('manifest.json')?.async('string') ?? '');
    assert.equal((manifest as { id?: string }).id, '00000000-0000-0000-0000-000000000000');
  });

  it('refuses icons of the wrong size and an app id that is not a GUID', async () => {
    const template = readFileSync(path.join(root, 'teams/manifest.template.json'), 'utf8');
    const base = { template, botId: APP_ID, version: '1.0.0', websiteUrl: 'https://example.test' };
    await assert.rejects(buildTeamsPackage({ ...base, icons: { color: encodePng(100, 100, new Uint8Array(100 * 100 * 4)) } }), /color icon must be 192×192 pixels, not 100×100/);
    await assert.rejects(buildTeamsPackage({ ...base, botId: 'my-bot' }), /GUID/);
  });
});
