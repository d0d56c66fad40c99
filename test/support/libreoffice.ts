/**
 * LibreOffice headless as an independent spreadsheet engine: converts workbooks to xlsx, which
 * recalculates every formula on load (forced in a fresh profile, not trusted to the file's
 * fullCalcOnLoad), in as few soffice runs as possible.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const BATCH = 200;
const TIMEOUT_MS = 10 * 60 * 1000;

// OOXMLRecalcMode / ODFRecalcMode 0 = always recalculate on load.
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function libreOfficeAvailable(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Input path → recalculated copy in outDir. Throws with soffice's output when a copy is missing. */
export async function recalculateWithLibreOffice(files: readonly string[], outDir: string): Promise<Map<string, string>> {
  if (!libreOfficeAvailable()) {
    throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui (.ci/run does this).');
  }
  mkdirSync(outDir, { recursive: true });
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(basename(f))) throw new Error(`recalculateWithLibreOffice: two inputs share the name ${basename(f)}; they would overwrite each other in ${outDir}`);
    names.add(basename(f));
  }
  const result = new Map<string, string>();
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    // A fresh profile per run: parallel test files and a stale lock cannot block each other.
    const profile = mkdtempSync(join(tmpdir(), 'scorebook-lo-profile-'));
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    let output = '';
    try {
      output = execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...batch], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: TIMEOUT_MS,
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(`soffice failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    for (const f of batch) {
      const out = join(outDir, basename(f).replace(/\.[^.]+$/, '.xlsx'));
      if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out} for ${f}:\n${output}`);
      result.set(f, out);
    }
  }
  return result;
}
