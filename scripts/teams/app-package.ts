// The Teams app package: manifest.json filled from teams/manifest.template.json, plus the two
// icons, zipped at the root as Teams expects.
import JSZip from 'jszip';
import { ACCENT_COLOR, colorIcon, outlineIcon } from './icons';
import { readPngInfo } from './png';

export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TeamsPackageInput {
  template: string;
  /** The Azure Bot's Microsoft App ID (a GUID); also used as the Teams app id. */
  botId: string;
  version: string;
  /** https URL for the developer links; Teams refuses http. */
  websiteUrl: string;
  /** The practice's own icons (PNG); drawn defaults otherwise. */
  icons?: { color?: Buffer; outline?: Buffer };
}

export interface TeamsPackage {
  zip: Buffer;
  manifest: Record<string, unknown>;
}

export async function buildTeamsPackage(input: TeamsPackageInput): Promise<TeamsPackage> {
  if (!GUID.test(input.botId)) throw new Error('MicrosoftAppId must be the Azure Bot\'s app id, a GUID like 1b2c3d4e-0000-0000-0000-000000000000');
  if (!/^https:\/\//.test(input.websiteUrl)) throw new Error(`the website URL must start with https:// (Teams refuses others): ${input.websiteUrl}`);
  const values: Record<string, string> = {
    BOT_ID: input.botId.toLowerCase(),
    APP_VERSION: input.version,
    WEBSITE_URL: input.websiteUrl.replace(/\/$/, ''),
    ACCENT_COLOR,
  };
  const filled = input.template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest template: unknown placeholder ${whole}`);
    // Placed inside a JSON string: escaped as JSON, without the quotes.
    return JSON.stringify(value).slice(1, -1);
  });
  const parsed: unknown = JSON.parse(filled);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('manifest template: not a JSON object');
  const manifest = parsed as Record<string, unknown>;

  const color = input.icons?.color ?? colorIcon();
  const outline = input.icons?.outline ?? outlineIcon();
  checkIcon('color', color, 192);
  checkIcon('outline', outline, 32);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', color);
  zip.file('outline.png', outline);
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), manifest };
}

function checkIcon(name: string, png: Buffer, size: number): void {
  const info = readPngInfo(png);
  if (info.width !== size || info.height !== size) throw new Error(`${name} icon must be ${size}×${size} pixels, not ${info.width}×${info.height}`);
  // Teams wants the outline white on a transparent background, so it needs an alpha channel.
  if (name === 'outline' && info.colorType !== 6 && info.colorType !== 4) throw new Error('outline icon must have transparency (RGBA PNG)');
}
