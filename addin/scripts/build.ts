/**
 * `npm run build:addin`: the deployable task pane in dist/addin — taskpane.html, the bundled
 * script (core, the templates and the pane in one file), the stylesheet, the ribbon's function
 * file, icons and the manifest. `--base-url https://host/path` (or SCOREBOOK_ADDIN_URL) points
 * the copied manifest at a production host instead of https://localhost:3000; `--office-js
 * 21vianet` (or SCOREBOOK_OFFICE_JS) has the pane load Office.js from the CDN for Office 365
 * operated by 21Vianet.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ICON_SIZES, iconPng } from './icons.ts';
import { OFFICE_JS, isOfficeJsCdn, withOfficeJs, type OfficeJsCdn } from './office-js-cdn.ts';
import { readTemplateFile, templateFiles } from '../../pipeline/templates/registry.ts';
import { isDefinitionFile } from '../../pipeline/definition/read-definition-xlsx.ts';
import { templateToYaml } from '../../pipeline/definition/template-yaml.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEV_URL = 'https://localhost:3000';

export interface BuildOptions {
  outDir?: string;
  /** Where the files will be served from, without a trailing slash. */
  baseUrl?: string;
  minify?: boolean;
  /** Where the pane loads Office.js from; Microsoft's CDN unless told. */
  officeJs?: OfficeJsCdn;
}

/** Every template the CLI knows, as YAML text, under the import "scorebook:templates". */
const templatesPlugin: esbuild.Plugin = {
  name: 'scorebook-templates',
  setup(build) {
    build.onResolve({ filter: /^scorebook:templates$/ }, () => ({
      path: 'templates',
      namespace: 'scorebook',
    }));
    build.onLoad({ filter: /.*/, namespace: 'scorebook' }, () => {
      // The shipped templates and the user's own (SCOREBOOK_TEMPLATES), as the CLI sees them.
      const files = templateFiles();
      // A definition workbook goes in as the YAML it converts to (the registry has checked it).
      const texts = files.map((file) => ({
        file: basename(file),
        text: isDefinitionFile(file)
          ? templateToYaml(readTemplateFile(file).value!, basename(file))
          : readFileSync(file, 'utf8'),
      }));
      return {
        contents: `export default ${JSON.stringify(texts)};`,
        loader: 'js',
        watchFiles: files,
      };
    });
  },
};

export function manifestFor(baseUrl: string): string {
  const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const base = baseUrl.replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"<>]+$/.test(base))
    throw new Error(`the add-in must be served over https: ${baseUrl}`);
  // AppDomains are origins; every other URL is a file under the base.
  return xml
    .split(`<AppDomain>${DEV_URL}</AppDomain>`)
    .join(`<AppDomain>${new URL(base).origin}</AppDomain>`)
    .split(DEV_URL)
    .join(base);
}

export async function buildAddin(opts: BuildOptions = {}): Promise<string> {
  const out = resolve(opts.outDir ?? join(ROOT, 'dist/addin'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'addin/src/office-main.ts')],
    bundle: true,
    format: 'iife',
    // Office's webviews: Edge WebView2 on Windows, WKWebView on Mac, the browser on the web.
    target: ['es2020'],
    platform: 'browser',
    minify: opts.minify ?? true,
    sourcemap: true,
    legalComments: 'linked',
    outfile: join(out, 'taskpane.js'),
    plugins: [templatesPlugin],
    logLevel: 'warning',
  });
  for (const f of ['taskpane.css', 'commands.html'])
    copyFileSync(join(ROOT, 'addin', f), join(out, f));
  const html = readFileSync(join(ROOT, 'addin/taskpane.html'), 'utf8');
  writeFileSync(join(out, 'taskpane.html'), withOfficeJs(html, opts.officeJs ?? 'microsoft'));
  for (const size of ICON_SIZES)
    writeFileSync(join(out, 'assets', `icon-${size}.png`), iconPng(size));
  writeFileSync(join(out, 'manifest.xml'), manifestFor(opts.baseUrl ?? DEV_URL));
  return out;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const baseUrl = argValue('--base-url') ?? process.env.SCOREBOOK_ADDIN_URL;
  const officeJs = argValue('--office-js') ?? process.env.SCOREBOOK_OFFICE_JS ?? 'microsoft';
  if (!isOfficeJsCdn(officeJs)) {
    console.error(
      `--office-js takes ${Object.keys(OFFICE_JS).join(' or ')}, not ${officeJs}: 21vianet for Office 365 operated by 21Vianet in China.`,
    );
    process.exit(1);
  }
  buildAddin({
    ...(baseUrl ? { baseUrl } : {}),
    ...(argValue('--out') ? { outDir: argValue('--out')! } : {}),
    officeJs,
  })
    .then((out) =>
      console.log(
        `add-in written to ${out} (manifest points at ${baseUrl ?? DEV_URL}; Office.js from ${OFFICE_JS[officeJs]})`,
      ),
    )
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
