/**
 * The words of what scorebook refuses and of what stops a run: files that are not regular files
 * or not the kind asked for, writes that cannot finish (a full disk …) and what a run completed
 * before, databases that are not scorebook's, repeated problems counted instead of listed.
 * docs/refusals.md lists each with its reason.
 */
import { errnoWords, registerMessages } from '../../core/messages.ts';

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** 199990 → "199,990": counts a person reads at a glance. */
const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : s(v));

const KIND = {
  fifo: { 'zh-CN': '命名管道（FIFO）', en: 'a named pipe (FIFO)' },
  device: { 'zh-CN': '设备文件', en: 'a device' },
  socket: { 'zh-CN': '套接字（socket）', en: 'a socket' },
  other: { 'zh-CN': '特殊文件', en: 'a special file' },
} as const;
const kind = (v: unknown, lang: 'zh-CN' | 'en') =>
  (KIND[v as keyof typeof KIND] ?? KIND.other)[lang];

const NOT_TEXT = {
  xlsx: { 'zh-CN': 'Excel 工作簿（.xlsx）', en: 'an Excel workbook (.xlsx)' },
  xls: { 'zh-CN': '旧版 Excel 工作簿（.xls）', en: 'an old Excel workbook (.xls)' },
  pdf: { 'zh-CN': 'PDF 文档', en: 'a PDF document' },
  binary: { 'zh-CN': '二进制数据', en: 'binary data' },
} as const;

/** What to do about a failed write, by its cause. */
function writeHint(reason: unknown, lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  switch (reason) {
    case 'ENOSPC':
    case 'EDQUOT':
      return zh ? '请腾出磁盘空间后重新运行。' : 'Free some disk space and run again.';
    case 'EACCES':
    case 'EPERM':
      return zh
        ? '请让运行 scorebook 的用户可以写入该文件夹，然后重新运行。'
        : 'Let the user running scorebook write to the folder, then run again.';
    case 'EROFS':
      return zh ? '请写到另一个磁盘或文件夹。' : 'Write to another disk or folder.';
    default:
      return zh ? '请排除原因后重新运行。' : 'Remove the cause and run again.';
  }
}

const COLUMN = {
  region: { 'zh-CN': '地区（region）', en: 'region' },
  org_type: { 'zh-CN': '机构类型（org_type）', en: 'org_type' },
} as const;
const column = (v: unknown, lang: 'zh-CN' | 'en') =>
  COLUMN[v as keyof typeof COLUMN]?.[lang] ?? s(v);

registerMessages({
  'file.not-regular': {
    'zh-CN': (p) =>
      `这是${kind(p.kind, 'zh-CN')}，不是普通文件：scorebook 只读取普通文件，因此没有读取它。请给出文件本身的路径（链接可能指向别处）。`,
    en: (p) =>
      `It is ${kind(p.kind, 'en')}, not a regular file: scorebook reads only regular files, so it was not read. Give the path of the file itself (a link may point elsewhere).`,
  },
  'file.too-big': {
    'zh-CN': (p) =>
      `文件大小为 ${s(p.size)} MB，超过此处读取的上限 ${s(p.max)} MB，因此没有读取它。请确认给出的是正确的文件。`,
    en: (p) =>
      `The file is ${s(p.size)} MB, more than the ${s(p.max)} MB read here, so it was not read. Check that it is the right file.`,
  },
  'file.not-csv': {
    'zh-CN': (p) =>
      `这不是 CSV 文件，而是${(NOT_TEXT[p.kind as keyof typeof NOT_TEXT] ?? NOT_TEXT.binary)['zh-CN']}。${p.kind === 'xlsx' || p.kind === 'xls' ? '请在 Excel 中打开它，另存为“CSV UTF-8（逗号分隔）”。' : '请给出逗号分隔的文本文件（CSV）。'}`,
    en: (p) =>
      `This is not a CSV file but ${(NOT_TEXT[p.kind as keyof typeof NOT_TEXT] ?? NOT_TEXT.binary).en}. ${p.kind === 'xlsx' || p.kind === 'xls' ? 'Open it in Excel and save it as "CSV UTF-8 (comma delimited)".' : 'Give the comma-separated text file (CSV).'}`,
  },
  'input.empty': {
    'zh-CN': () => '输入文件为空。CSV 的第一行应为表头 id,value，其后每行一个指标。',
    en: () =>
      'The inputs file is empty. A CSV starts with the header id,value, then one indicator per row.',
  },
  'write.failed': {
    'zh-CN': (p) =>
      `无法写入此文件：${errnoWords(p.reason, 'zh-CN')}。它没有被写出（此前同名的文件保持不变）。${writeHint(p.reason, 'zh-CN')}`,
    en: (p) =>
      `Could not write this file: ${errnoWords(p.reason, 'en')}. It was not written (a file of that name from before is unchanged). ${writeHint(p.reason, 'en')}`,
  },
  'write.roster-partial': {
    'zh-CN': (p) =>
      p.done === 0
        ? `${n(p.total)} 个工作簿一个也没有写出，也没有写出清单。腾出空间后请重新运行。`
        : p.manifest
          ? `写出了 ${n(p.done)} / ${n(p.total)} 个工作簿，清单 ${s(p.manifestFile)} 列出的正是这 ${n(p.done)} 个，每个都是完整的。腾出空间后请加 --force 重新运行：每个机构都会得到一个新的工作簿。`
          : `写出了 ${n(p.done)} / ${n(p.total)} 个工作簿（每个都是完整的），但没能写出清单 manifest.csv。腾出空间后请加 --force 重新运行：每个机构都会得到一个新的工作簿。`,
    en: (p) =>
      p.done === 0
        ? `None of the ${n(p.total)} workbooks was written, nor a manifest. Run again once there is space.`
        : p.manifest
          ? `Wrote ${n(p.done)} of ${n(p.total)} workbooks, each whole; the manifest ${s(p.manifestFile)} lists those ${n(p.done)}. Once there is space, run again with --force: every member gets a new workbook.`
          : `Wrote ${n(p.done)} of ${n(p.total)} workbooks, each whole, but no manifest.csv could be written. Once there is space, run again with --force: every member gets a new workbook.`,
  },
  'write.reports-partial': {
    'zh-CN': (p) =>
      `写出了 ${n(p.done)} / ${n(p.total)} 份报告（每份都是完整的），${p.index ? '' : '没有写出索引和汇总页，'}位于 ${s(p.out)}。腾出空间后请重新运行。`,
    en: (p) =>
      `Wrote ${n(p.done)} of ${n(p.total)} reports in ${s(p.out)}, each whole${p.index ? '' : '; no index or summary was written'}. Run again once there is space.`,
  },
  'write.pdfs-partial': {
    'zh-CN': (p) =>
      `打印了 ${n(p.done)} / ${n(p.total)} 个 PDF（每个都是完整的）；HTML 报告均已写出。腾出空间后请重新运行。`,
    en: (p) =>
      `Printed ${n(p.done)} of ${n(p.total)} PDFs, each whole; the HTML reports were all written. Run again once there is space.`,
  },
  'write.export-partial': {
    'zh-CN': (p) =>
      `导出了 ${n(p.done)} / ${n(p.total)} 个表，位于 ${s(p.out)}（每个文件都是完整的）。腾出空间后请重新运行。`,
    en: (p) =>
      `Exported ${n(p.done)} of ${n(p.total)} tables to ${s(p.out)}, each file whole. Run again once there is space.`,
  },
  'roster.blank-group': {
    'zh-CN': (p) =>
      `${column(p.column, 'zh-CN')}在 ${n(p.count)} 行中为空（第 ${s(p.rows)} 行）：这些机构在对标中自成一个同类组（${column(p.column, 'zh-CN')}为空）。如它们应与其他机构同组，请填写。`,
    en: (p) =>
      `The ${column(p.column, 'en')} is blank in ${n(p.count)} row(s) (${s(p.rows)}): those members form a peer group of their own (a blank ${column(p.column, 'en')}) in benchmarks. Fill it in if they belong with others.`,
  },
  'cli.ingest.warnings': {
    'zh-CN': (p) => `${n(p.count)} 处数值已存入，但模板认为不合理，请核对：`,
    en: (p) =>
      `${n(p.count)} figure(s) were stored as given but look implausible to the template; check them:`,
  },
  'cli.more-issues': {
    'zh-CN': (p) => `……另有 ${n(p.count)} 条同类问题（${s(p.code)}）未列出。`,
    en: (p) => `… and ${n(p.count)} more like this (${s(p.code)}) not listed.`,
  },
  'store.not-scorebook': {
    'zh-CN': (p) =>
      `${s(p.file)} 不是 scorebook 的数据库（${p.what === 'sqlite' ? '它是 SQLite 数据库' : p.what === 'foreign' ? '它是 DuckDB 数据库，但没有 scorebook 的表' : '它不是 DuckDB 数据库文件'}）。请用 --db 指定 scorebook ingest 创建的 DuckDB 文件，或一个新文件名以新建数据库。`,
    en: (p) =>
      `${s(p.file)} is not a scorebook database (${p.what === 'sqlite' ? 'it is a SQLite database' : p.what === 'foreign' ? "it is a DuckDB database without scorebook's tables" : 'it is not a DuckDB database file'}). Give --db the DuckDB file scorebook ingest made, or a new file name to start one.`,
  },
  'store.read-only-outdated': {
    'zh-CN': (p) =>
      `数据库 ${s(p.file)} 由较早版本的 scorebook 写出，需要更新一次，而这需要能写入它（它或其所在的文件夹是只读的）。请让该文件及其文件夹可写，再运行一次本命令（或 scorebook ingest），之后只读也可以使用。`,
    en: (p) =>
      `The database ${s(p.file)} was written by an earlier scorebook and must be brought up to date once, which needs it writable (it or its folder is read-only). Make the file and its folder writable and run this command (or scorebook ingest) once; after that it works read-only too.`,
  },
  'store.write-failed': {
    'zh-CN': (p) =>
      `无法写入数据库 ${s(p.file)}：${errnoWords(p.reason, 'zh-CN')}。未完成的那一批已撤销，数据库保持该批之前的状态，此前存入的文件都在。请腾出磁盘空间（或排除原因）后重新导入：已存入的文件会被识别并跳过。`,
    en: (p) =>
      `Could not write to the database ${s(p.file)}: ${errnoWords(p.reason, 'en')}. The unfinished batch was undone: the database holds every file stored before it. Free some disk space (or remove the cause), then run ingest again: files already stored are recognised and skipped.`,
  },
});
