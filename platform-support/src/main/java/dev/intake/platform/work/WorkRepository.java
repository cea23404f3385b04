package dev.intake.platform.work;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The engine's SQL for one queue, written once from its {@link QueueTable}: the claim (batch,
 * {@code FOR UPDATE SKIP LOCKED}, lease, attempt counted), the finish of a whole batch in one statement,
 * the backlog gauges, and the upkeep of the table's planner statistics.
 */
final class WorkRepository {

    private final Pool pool;
    private final QueueTable t;
    private final String claim;
    private final String finish;
    private final String backlog;
    private final String backlogCount;

    WorkRepository(Pool pool, QueueTable table) {
        this.pool = pool;
        this.t = table;
        this.claim = claimSql(table);
        this.finish = finishSql(table);
        this.backlog = "SELECT count(*) AS backlog, COALESCE(EXTRACT(EPOCH FROM now() - min(" + table.ageColumn()
                + ")), 0) AS oldest, (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass('"
                + table.table() + "')) AS estimate FROM " + table.table() + " WHERE status IN (" + table.unfinished() + ")";
        this.backlogCount = "SELECT count(*) FROM " + table.table() + " WHERE status IN (" + table.unfinished() + ")";
    }

    /** Due and not leased (or leased by a worker that died: its lease ran out). */
    private static String due(QueueTable t, String alias) {
        return alias + ".status IN (" + t.unfinished() + ") AND " + alias + ".next_attempt_at <= now() AND ("
                + alias + ".claimed_until IS NULL OR " + alias + ".claimed_until < now())";
    }

    static String claimSql(QueueTable t) {
        String sequence = t.orderKey().isEmpty() ? "" : "\n      AND NOT EXISTS (SELECT 1 FROM " + t.table() + " p WHERE "
                + t.orderKey().stream().map(k -> "p." + k + " = c." + k).collect(Collectors.joining(" AND "))
                + " AND p.status IN (" + t.unfinished() + ") AND p." + t.orderColumn() + " < c." + t.orderColumn() + ")";
        String picked;
        if (t.fairnessKey() == null) {
            picked = "SELECT c." + t.idColumn() + " FROM " + t.table() + " c\n    WHERE " + due(t, "c") + sequence
                    + "\n    ORDER BY c." + t.orderColumn() + "\n    LIMIT $1\n    FOR UPDATE SKIP LOCKED";
        } else {
            // take turns: a key's n-th unfinished item (those in work count) goes before any key's (n+1)-th
            picked = "SELECT c." + t.idColumn() + " FROM " + t.table() + " c JOIN (\n"
                    + "      SELECT x." + t.idColumn() + " AS turn_id, x." + t.orderColumn() + " AS turn_order,\n"
                    + "             row_number() OVER (PARTITION BY x." + t.fairnessKey() + " ORDER BY x." + t.orderColumn() + ") AS turn\n"
                    + "      FROM " + t.table() + " x WHERE x.status IN (" + t.unfinished() + ")\n"
                    + "    ) r ON r.turn_id = c." + t.idColumn() + "\n"
                    + "    WHERE " + due(t, "c") + sequence + "\n"
                    + "    ORDER BY r.turn, r.turn_order\n    LIMIT $1\n    FOR UPDATE OF c SKIP LOCKED";
        }
        String returning = t.returning().stream().map(c -> ", w." + c).collect(Collectors.joining());
        return "UPDATE " + t.table() + " w SET claimed_until = now() + $2 * interval '1 millisecond', attempts = w.attempts + 1"
                + (t.claimed() == null ? "" : ", status = '" + t.claimed() + "'") + "\n"
                + "FROM (\n    " + picked + "\n) due\n"
                + "WHERE w." + t.idColumn() + " = due." + t.idColumn() + "\n"
                + "RETURNING w." + t.idColumn() + " AS work_id, w.attempts AS work_attempt, w.claimed_until AS work_lease, w."
                + t.errorColumn() + " AS work_last_error" + returning;
    }

    static String finishSql(QueueTable t) {
        String outcomes = "unnest($1::" + t.idType() + "[], $2::timestamptz[], $3::text[], $4::text[], $5::bigint[], $6::text[])"
                + " AS f(id, lease, status, error, wait, note)";
        String mine = "w." + t.idColumn() + " = f.id AND w.claimed_until = f.lease";
        StringBuilder update = new StringBuilder("UPDATE " + t.table() + " w SET status = f.status, claimed_until = NULL, "
                + t.errorColumn() + " = f.error,\n    next_attempt_at = CASE WHEN f.wait IS NULL THEN w.next_attempt_at"
                + " ELSE now() + f.wait * interval '1 millisecond' END");
        if (t.finishedColumn() != null) {
            update.append(",\n    ").append(t.finishedColumn()).append(" = CASE WHEN f.status = '").append(t.done())
                    .append("' THEN now() ELSE w.").append(t.finishedColumn()).append(" END");
        }
        if (t.noteColumn() != null) {
            update.append(",\n    ").append(t.noteColumn()).append(" = CASE WHEN f.status = '").append(t.done())
                    .append("' THEN f.note ELSE w.").append(t.noteColumn()).append(" END");
        }
        if (!t.deleteDone()) {
            return update.append("\nFROM ").append(outcomes).append("\nWHERE ").append(mine).toString();
        }
        // one statement still: the successes go, the others are updated
        return "WITH f AS (SELECT * FROM " + outcomes + "),\n"
                + "gone AS (DELETE FROM " + t.table() + " w USING f WHERE " + mine + " AND f.status = '" + t.done()
                + "' RETURNING 1),\n"
                + "kept AS (" + update + "\n    FROM f WHERE " + mine + " AND f.status <> '" + t.done() + "' RETURNING 1)\n"
                + "SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM kept) AS finished";
    }

    <T> Uni<List<Claimed<T>>> claim(int limit, Duration lease, java.util.function.Function<Row, T> read) {
        return pool.preparedQuery(claim).execute(Tuple.of(limit, lease.toMillis())).map(rows -> {
            List<Claimed<T>> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                claimed.add(new Claimed<>(row.getValue("work_id"), row.getInteger("work_attempt"),
                        row.getOffsetDateTime("work_lease"), row.getString("work_last_error"), read.apply(row)));
            }
            return claimed;
        });
    }

    /** A decided outcome of one item: its next status, reason, backoff and note. */
    record Finish(Claimed<?> item, String status, String error, Long waitMillis, String note) {
    }

    /** Records the outcomes of a batch in one statement; an item another worker took over is left alone. */
    Uni<Integer> finish(List<Finish> finished) {
        if (finished.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = finished.size();
        Object ids = Array.newInstance(finished.get(0).item().id().getClass(), n);
        OffsetDateTime[] leases = new OffsetDateTime[n];
        String[] statuses = new String[n];
        String[] errors = new String[n];
        Long[] waits = new Long[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            Finish f = finished.get(i);
            Array.set(ids, i, f.item().id());
            leases[i] = f.item().lease();
            statuses[i] = f.status();
            errors[i] = t.cut(f.error());
            waits[i] = f.waitMillis();
            notes[i] = f.note();
        }
        return pool.preparedQuery(finish).execute(Tuple.tuple(List.of(ids, leases, statuses, errors, waits, notes)))
                .map(rows -> t.deleteDone() ? rows.iterator().next().getLong("finished").intValue() : rows.rowCount());
    }

    /**
     * Reads the backlog and analyzes the table when the planner's row estimate is far below it. A queue
     * table is often vacuumed while (nearly) empty; the planner then believes it empty until the next
     * analyze, even while a burst fills it, and plans the claim's order check as a nested loop over every
     * pending row: a claim of 100 items over 20,000 pending took two minutes instead of a millisecond. The
     * table's owner (the service's role) may analyze it.
     */
    Uni<Upkeep> upkeep(long minBacklogToAnalyze) {
        return pool.query(backlog).execute().flatMap(rows -> {
            Row row = rows.iterator().next();
            Backlog found = new Backlog(row.getLong("backlog"), row.getNumeric("oldest").doubleValue());
            Long estimate = row.getLong("estimate");
            if (found.items() < minBacklogToAnalyze || found.items() <= 2 * (estimate == null ? 0 : estimate)) {
                return Uni.createFrom().item(new Upkeep(found, false));
            }
            return pool.query("ANALYZE " + t.table()).execute().map(done -> new Upkeep(found, true));
        });
    }

    /** Unfinished items now (due or not, claimed or not): what an admission check weighs. */
    Uni<Long> backlogCount() {
        return pool.query(backlogCount).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    record Backlog(long items, double oldestSeconds) {
    }

    /** The backlog read, and whether the table was analyzed because the planner's estimate was stale. */
    record Upkeep(Backlog backlog, boolean analyzed) {
    }
}
