/**
 * task_progress_facts (migration 0013): what a task's progress entries say about its status, which
 * the city's per-directive table judges 70,000 tasks from. Writing an entry only marks its task's
 * facts unknown, a cheap write; this computes every marked task's facts again in one statement,
 * which an import does before it commits. A marked task is still judged right in between: its
 * facts read as dated after any day asked, so the reader goes to its entries (db/city/progress.ts).
 */
import type { Database } from './database';

/** The date a task's facts carry while they are unknown (as the migration's triggers write it). */
export const FACTS_UNKNOWN = '9999-12-31';

// The migration's backfill, for the marked tasks only: the latest entry (by date, then as written)
// and its status, the first day of the final unbroken run of 'done', the latest day done and the
// latest day under way, over the entries on a real date that are not deleted.
const RECOMPUTE = `
INSERT INTO task_progress_facts (task_id, owner, last_date, last_status, done_on, last_done, last_active)
SELECT a.task_id, a.owner, a.last_date, a.last_status,
  CASE WHEN a.last_status = 'done' THEN (
    SELECT min(x.date) FROM task_progress x
    WHERE x.task_id = a.task_id AND x.owner = a.owner AND x.deleted = 0 AND date(x.date) IS x.date AND x.date >= '1000'
      AND x.date || '|' || x.created_at > coalesce(a.ndk, '')) END,
  a.last_done, a.last_active
FROM (
  SELECT g.task_id, g.owner, max(g.date) AS last_date,
    substr(max(g.date || '|' || g.created_at || '|' || g.status), 12 + instr(substr(max(g.date || '|' || g.created_at || '|' || g.status), 12), '|')) AS last_status,
    max(CASE WHEN g.status <> 'done' THEN g.date || '|' || g.created_at END) AS ndk,
    max(CASE WHEN g.status = 'done' THEN g.date END) AS last_done,
    max(CASE WHEN g.status = 'in_progress' OR g.percent > 0 THEN g.date END) AS last_active
  FROM json_each(:marked) m
  JOIN task_progress g ON g.task_id = json_extract(m.value, '$[1]') AND g.owner = json_extract(m.value, '$[0]')
  WHERE g.deleted = 0 AND date(g.date) IS g.date AND g.date >= '1000'
  GROUP BY g.task_id, g.owner
) a`;

/**
 * Computes the facts of every task marked unknown, in the caller's transaction (or its own), and
 * answers how many tasks that was. A task left with no entries that count loses its row.
 */
export function refreshProgressFacts(db: Database): number {
  return db.sqlite.transaction(() => {
    const marked = db.sqlite.prepare<[string], [string, string]>('SELECT owner, task_id FROM task_progress_facts WHERE last_date = ?').raw().all(FACTS_UNKNOWN);
    if (marked.length === 0) return 0;
    db.sqlite.prepare('DELETE FROM task_progress_facts WHERE last_date = ?').run(FACTS_UNKNOWN);
    db.sqlite.prepare(RECOMPUTE).run({ marked: JSON.stringify(marked) });
    return marked.length;
  })();
}
