package dev.intake.contact.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Proof-of-work challenges already solved, kept until they expire: each one is accepted once. */
@ApplicationScoped
public class UsedSolutions {

    private static final String CLAIM = """
            INSERT INTO used_altcha_solution (challenge, expires_at) VALUES ($1, $2)
            ON CONFLICT (challenge) DO NOTHING
            """;
    private static final String FORGET_EXPIRED = "DELETE FROM used_altcha_solution WHERE expires_at <= now()";

    private final Pool pool;

    public UsedSolutions(Pool pool) {
        this.pool = pool;
    }

    /** Records the challenge as used; false if it was used before (by this replica or another). */
    public Uni<Boolean> claim(String challenge, Instant expiresAt) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(challenge, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Deletes the expired ones (their challenges are refused as expired anyway); returns how many. */
    public Uni<Integer> forgetExpired() {
        return pool.query(FORGET_EXPIRED).execute().map(rows -> rows.rowCount());
    }
}
