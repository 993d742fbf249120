/**
 * A child process for the crash-loop test: writes through the real Store in a loop and reports
 * each commit on stdout only after the write returned (that is, after COMMIT).
 */
import { Store } from '../../src/store/store.js';

const [file, prefix] = process.argv.slice(2);
const store = Store.open({ file, explicit: true, busyTimeoutMs: 10_000 });
for (let i = 0; ; i++) {
  const tag = `${prefix}-${i}`;
  const { id } = store.addInterview({
    company: `Crash ${tag}`,
    role: 'Engineer',
    date: '2026-12-01',
    decisionBy: '2026-12-04',
    notes: `notes for ${tag}`,
    contacts: [
      { name: `Manager ${tag}`, role: 'hiring-manager', phone: '+1 555 0100' },
      { name: `Interviewer ${tag}`, role: 'interviewer' },
    ],
    needs: [`need one ${tag}`, `need two ${tag}`],
    expand: [],
  });
  store.addEvent(id, { type: 'thanks-sent', date: '2026-12-01', note: tag });
  process.stdout.write(`${tag} ${id}\n`);
}
