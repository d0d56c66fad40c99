/** The database's words: opening, schema versions. */
import { registerMessages } from '../../core/index.ts';

registerMessages({
  'store.open': {
    'zh-CN': (p) =>
      `无法打开数据库 ${p.file}：${p.reason}。请确认没有其他程序正在使用它，且它是 scorebook 的 DuckDB 数据库文件。`,
    en: (p) =>
      `Cannot open the database ${p.file}: ${p.reason}. Check that no other program is using it and that it is a scorebook DuckDB file.`,
  },
  'store.newer-schema': {
    'zh-CN': (p) =>
      `此数据库的结构版本为 ${p.version}，比当前 scorebook 支持的版本（${p.supported}）新。请升级 scorebook。`,
    en: (p) =>
      `This database has schema version ${p.version}, newer than this scorebook understands (${p.supported}). Upgrade scorebook.`,
  },
});
