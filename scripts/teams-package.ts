// `npm run teams:package`: builds dist/teams-app.zip (manifest + icons) for uploading to Teams.
// The bot id comes from MicrosoftAppId; `--placeholder` builds one with a dummy id for inspection.
// `--out <file>` writes elsewhere. teams/color.png and teams/outline.png, if present, replace
// the drawn default icons.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER_BOT_ID, buildTeamsPackage } from './teams/app-package';

const root = path.resolve(__dirname, '..');

async function main(args: string[]): Promise<void> {
  const placeholder = args.includes('--placeholder');
  const outIndex = args.indexOf('--out');
  const out = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : path.join(root, 'dist', 'teams-app.zip'));

  // Only the two values the manifest needs: packaging must not require the app password.
  const appId = process.env.MicrosoftAppId?.trim();
  if (!appId && !placeholder) {
    throw new Error('MicrosoftAppId is not set. Register the bot in Azure (README, "Microsoft Teams"), set MicrosoftAppId to its app id and run again, or pass --placeholder for a package with a dummy id.');
  }
  const publicUrl = process.env.PUBLIC_URL?.trim();
  const websiteUrl = publicUrl && publicUrl.startsWith('https://') ? publicUrl : 'https://www.example.com';
  if (websiteUrl !== publicUrl) console.warn('PUBLIC_URL is not an https URL: the manifest links to https://www.example.com (edit teams/manifest.template.json or set PUBLIC_URL).');

  const iconFile = (name: string) => (existsSync(path.join(root, 'teams', name)) ? readFileSync(path.join(root, 'teams', name)) : undefined);
  const packageJson: unknown = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const version = typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson && typeof packageJson.version === 'string' ? packageJson.version : '1.0.0';

  const built = await buildTeamsPackage({
    template: readFileSync(path.join(root, 'teams', 'manifest.template.json'), 'utf8'),
    botId: appId || PLACEHOLDER_BOT_ID,
    version,
    websiteUrl,
    icons: { color: iconFile('color.png'), outline: iconFile('outline.png') },
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, built.zip);
  console.log(`Teams app package: ${path.relative(process.cwd(), out) || out} (bot ${appId || `${PLACEHOLDER_BOT_ID}, placeholder`})`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`teams:package: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
