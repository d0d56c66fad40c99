import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_NAME_BYTES,
  safeFileName,
  uniqueFileName,
} from '../../pipeline/roster/safe-file-name.ts';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
const longName = '阳光志愿者协会社会组织评估'.repeat(16).slice(0, 200);

/** [parts, ext, expected] */
const CASES: [string[], string, string][] = [
  [['M0001', '阳光志愿者协会'], '.xlsx', 'M0001-阳光志愿者协会.xlsx'],
  [['M0001', '阳光志愿者协会'], 'xlsx', 'M0001-阳光志愿者协会.xlsx'],
  [['M0001', 'Société Générale Ünïcode'], '.xlsx', 'M0001-Société Générale Ünïcode.xlsx'],
  [['M0001', '阳光志愿者协会(北京,朝阳)'], '.xlsx', 'M0001-阳光志愿者协会(北京,朝阳).xlsx'],
  [['../../etc/passwd'], '.xlsx', '_etc_passwd.xlsx'],
  [['M1', '../../etc/passwd'], '.xlsx', 'M1-_etc_passwd.xlsx'],
  [['..'], '.xlsx', '_.xlsx'],
  [['.'], '', '_'],
  [['..\\..\\Windows\\System32'], '.xlsx', '_Windows_System32.xlsx'],
  [['a/b\\c'], '.xlsx', 'a_b_c.xlsx'],
  [['<script>alert(1)</script>'], '.xlsx', '_script_alert(1)_script_.xlsx'],
  [['a<>:"/\\|?*b'], '.xlsx', 'a_b.xlsx'],
  [[`=cmd|' /C calc'!A0`], '.xlsx', `=cmd_' _C calc'!A0.xlsx`],
  [['CON'], '.xlsx', 'CON_.xlsx'],
  [['con'], '.xlsx', 'con_.xlsx'],
  [['Nul'], '', 'Nul_'],
  [['PRN.txt'], '.xlsx', 'PRN_.txt.xlsx'],
  [['AUX '], '.xlsx', 'AUX_.xlsx'],
  [['COM1'], '.xlsx', 'COM1_.xlsx'],
  [['lpt9'], '.xlsx', 'lpt9_.xlsx'],
  [['CON', '协会'], '.xlsx', 'CON-协会.xlsx'],
  [['CONSOLE'], '.xlsx', 'CONSOLE.xlsx'],
  [['协会...'], '.xlsx', '协会.xlsx'],
  [['协会. . .'], '.xlsx', '协会.xlsx'],
  [['...隐藏'], '.xlsx', '隐藏.xlsx'],
  [['a..b'], '.xlsx', 'a_b.xlsx'],
  [['Co., Ltd.'], '.xlsx', 'Co., Ltd.xlsx'],
  [['  阳光   志愿者\t\n协会  '], '.xlsx', '阳光 志愿者 协会.xlsx'],
  [['阳光\u3000协会'], '.xlsx', '阳光 协会.xlsx'],
  [['a\u0000b\u0007c\u007fd'], '.xlsx', 'a_b_c_d.xlsx'],
  [['invoice\u202Excod.exe'], '', 'invoice_xcod.exe'],
  [['a___b', '', '  ', 'c'], '.xlsx', 'a_b-c.xlsx'],
  [[], '.xlsx', '_.xlsx'],
  [['<>|'], '.xlsx', '_.xlsx'],
  [['M1', '甲'], '../x', 'M1-甲.x'],
];

describe('safeFileName', () => {
  it.each(CASES)('%j + %j → %j', (parts, ext, expected) => {
    expect(safeFileName(parts, ext)).toBe(expected);
  });

  it('caps 200 Chinese characters at 120 UTF-8 bytes without cutting a character', () => {
    expect(longName).toHaveLength(200);
    const name = safeFileName([longName], '.xlsx');
    expect(name).toBe(`${longName.slice(0, 38)}.xlsx`);
    expect(utf8(name)).toBe(38 * 3 + 5);
    expect(utf8(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name).not.toContain('\uFFFD');

    const withId = safeFileName(['M0001', longName], '.xlsx');
    expect(withId).toBe(`M0001-${longName.slice(0, 36)}.xlsx`);
    expect(utf8(withId)).toBe(6 + 36 * 3 + 5);
  });

  it('never splits a surrogate pair or an emoji sequence, and trims what the cut exposes', () => {
    const family = '👨‍👩‍👧'; // 18 bytes
    const name = safeFileName([`${'a'.repeat(100)}${family}`], '.xlsx');
    expect(name).toBe(`${'a'.repeat(100)}.xlsx`);
    const dotted = safeFileName([`${'a'.repeat(114)}. b`], '.xlsx');
    expect(dotted).toBe(`${'a'.repeat(114)}.xlsx`);
  });

  it('keeps every result a bare file name, for hostile input of all kinds', () => {
    const hostile = [
      '../../etc/passwd',
      '..',
      '.',
      '/',
      '\\',
      'C:\\Windows\\win.ini',
      '\\\\server\\share\\x',
      '/etc/shadow',
      '~/.ssh/id_rsa',
      'a/../../b',
      '....//....//',
      'CON',
      'a/b\\c',
      '<script>',
      `=cmd|' /C calc'!A0`,
      'name...',
      '\u0000',
      '\uD800',
      longName,
    ];
    for (const h of hostile) {
      for (const parts of [[h], ['M1', h], [h, h]]) {
        const name = safeFileName(parts, '.xlsx');
        expect(path.posix.basename(name)).toBe(name);
        expect(path.win32.basename(name)).toBe(name);
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|\.\.|^[ .]|[ .]$/);
        expect(name.endsWith('.xlsx')).toBe(true);
        expect(utf8(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(name).not.toMatch(
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
        );
      }
    }
  });
});

describe('uniqueFileName', () => {
  it('adds (2), (3) … before the extension, case-insensitively, and records the name', () => {
    const taken = new Set<string>();
    expect(uniqueFileName('M0001-甲.xlsx', taken)).toBe('M0001-甲.xlsx');
    expect(uniqueFileName('M0001-甲.xlsx', taken)).toBe('M0001-甲 (2).xlsx');
    expect(uniqueFileName('m0001-甲.XLSX', taken)).toBe('m0001-甲 (3).XLSX');
    expect(uniqueFileName('M0002-乙.xlsx', taken)).toBe('M0002-乙.xlsx');
    expect([...taken]).toEqual([
      'M0001-甲.xlsx',
      'M0001-甲 (2).xlsx',
      'm0001-甲 (3).XLSX',
      'M0002-乙.xlsx',
    ]);
  });

  it('skips suffixes already taken and respects names the caller put in', () => {
    const taken = new Set(['CON_.xlsx', 'con_ (2).xlsx', 'manifest.csv']);
    expect(uniqueFileName('CON_.xlsx', taken)).toBe('CON_ (3).xlsx');
    expect(uniqueFileName('Manifest.csv', taken)).toBe('Manifest (2).csv');
    expect(uniqueFileName('README', new Set(['readme']))).toBe('README (2)');
  });

  it('stays within the byte cap', () => {
    const name = safeFileName([longName], '.xlsx');
    const taken = new Set([name]);
    const second = uniqueFileName(name, taken);
    expect(second).toBe(`${longName.slice(0, 37)} (2).xlsx`);
    expect(utf8(second)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(path.basename(second)).toBe(second);
  });
});
