package dev.intake.platform.work;

import java.util.List;
import java.util.Objects;

/**
 * Where a queue's items live: a table with the engine's bookkeeping columns ({@code status},
 * {@code attempts}, {@code next_attempt_at}, {@code claimed_until}) beside the domain's own. The engine
 * writes every claim and finish statement from this description, so no queue has claim SQL of its own.
 *
 * @param table          the table, unqualified (the service's schema is on the search path)
 * @param idColumn       the single-column key
 * @param idType         its SQL type, for the array parameters of bulk updates ({@code uuid}, {@code bigint})
 * @param orderColumn    claim order (oldest first)
 * @param ageColumn      when an item was queued, for the oldest-age gauge
 * @param ready          the status of an item waiting for its (next) attempt
 * @param claimed        the status while claimed, or {@code null} to keep {@code ready} (the lease alone marks it)
 * @param done           the status after success
 * @param failed         the status after a permanent failure or the last attempt
 * @param errorColumn    where the reason of the last failure goes
 * @param errorLength    that column's length (reasons are cut to fit)
 * @param finishedColumn set to {@code now()} on success, or {@code null}
 * @param noteColumn     receives an outcome's note on success (an SES message id), or {@code null}
 * @param orderKey       columns whose equal values form a sequence: an item waits while an earlier one of its
 *                       sequence is unfinished (events per subscriber and aggregate); empty for none
 * @param fairnessKey    column by which claims take turns (documents per contact), or {@code null}
 * @param channel        the NOTIFY channel on which new items wake the workers of every replica, or {@code null}
 *                       when the replica that queues an item wakes its own workers (the poll finds the rest)
 * @param returning      further columns of the table the handler needs from each claimed row
 * @param deleteDone     whether a successful item is deleted rather than kept in {@code done}: a queue that
 *                       is no log stays small, so its claims and its vacuum stay cheap
 */
public record QueueTable(String table, String idColumn, String idType, String orderColumn, String ageColumn, String ready,
        String claimed, String done, String failed, String errorColumn, int errorLength, String finishedColumn,
        String noteColumn, List<String> orderKey, String fairnessKey, String channel, List<String> returning,
        boolean deleteDone) {

    public QueueTable {
        Objects.requireNonNull(table);
        Objects.requireNonNull(idColumn);
        Objects.requireNonNull(idType);
        Objects.requireNonNull(orderColumn);
        Objects.requireNonNull(ageColumn);
        Objects.requireNonNull(ready);
        Objects.requireNonNull(done);
        Objects.requireNonNull(failed);
        Objects.requireNonNull(errorColumn);
        orderKey = orderKey == null ? List.of() : List.copyOf(orderKey);
        returning = returning == null ? List.of() : List.copyOf(returning);
    }

    /** The statuses of an unfinished item. */
    String unfinished() {
        return claimed == null ? "'" + ready + "'" : "'" + ready + "', '" + claimed + "'";
    }

    /** The reason, cut to fit the error column. */
    public String cut(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() <= errorLength ? reason : reason.substring(0, errorLength - 1) + "…";
    }
}
