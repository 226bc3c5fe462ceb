// Regenerates the README's generated tables from the tool's data (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedSections, replaceSection } from '../dist/src/reporter/docs.js';

const file = new URL('../README.md', import.meta.url);
let text = readFileSync(file, 'utf8');
for (const [name, render] of Object.entries(generatedSections)) text = replaceSection(text, name, render());
writeFileSync(file, text);
