// Imports go one way: dialogs never reach into bot/ (rendering happens in bot/ middleware) nor catch
// the NexHealth client's errors (the booking service answers with results); the catalogue imports neither.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function importsOf(folder: string): { file: string; from: string }[] {
  const directory = path.join(ROOT, folder);
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [...readFileSync(path.join(directory, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => ({ file: `${folder}/${file}`, from: match[1] })));
}

describe('layers', () => {
  it('dialogs import nothing from bot/', () => {
    assert.deepEqual(importsOf('dialogs').filter(({ from }) => /(^|\/)bot\//.test(from)), []);
  });

  it('dialogs never look at the NexHealth client\'s errors', () => {
    const catching = readdirSync(path.join(ROOT, 'dialogs')).filter((file) => /NexHealthError/.test(readFileSync(path.join(ROOT, 'dialogs', file), 'utf8')));
    assert.deepEqual(catching, []);
  });

  it('the message catalogue (services/copy) imports neither bot/ nor dialogs/, nor botbuilder', () => {
    const wrong = importsOf('services/copy').filter(({ from }) => /(^|\/)(bot|dialogs)\//.test(from) || from.startsWith('botbuilder'));
    assert.deepEqual(wrong, []);
  });

  it('bot/ takes what it says from the catalogue, not from dialogs', () => {
    const copyFromDialogs = importsOf('bot').filter(({ from }) => /dialogs\/messages/.test(from));
    assert.deepEqual(copyFromDialogs, []);
  });
});
