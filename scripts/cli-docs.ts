// Writes the --help of every izhikit command into docs/cli.md, between its two marker lines
// (`npm run docs`), so that the reference says what the command line does today.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../src/cli/main.js';

const page = fileURLToPath(new URL('../docs/cli.md', import.meta.url));
const START = '<!-- help: written by npm run docs -->';
const END = '<!-- help: end -->';

const program = await buildProgram();
const sections = program.commands.map((command) => {
  command.configureHelp({ helpWidth: 100 });
  return `### izhikit ${command.name()}\n\n\`\`\`text\n${command.helpInformation().trimEnd()}\n\`\`\``;
});

const text = readFileSync(page, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from < 0 || to < from) throw new Error(`${page} has no ${START} … ${END} section`);
writeFileSync(
  page,
  `${text.slice(0, from + START.length)}\n\n${sections.join('\n\n')}\n\n${text.slice(to)}`,
);
console.log(`wrote the help of ${sections.length} commands into ${page}`);
