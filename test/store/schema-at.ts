/** A store file as an earlier release wrote it: the first `version` migrations, then `sql` (journal paused). */
import Sqlite from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/schema.js';

export function storeAtSchema(file: string, version: number, sql: string): void {
  const raw = new Sqlite(file);
  try {
    for (const [i, migration] of MIGRATIONS.slice(0, version).entries()) {
      raw.exec(migration);
      raw.pragma(`user_version = ${i + 1}`);
    }
    raw.exec(`UPDATE journal_state SET suspended = 1;\n${sql}\nUPDATE journal_state SET suspended = 0;`);
  } finally {
    raw.close();
  }
}
