package dev.intake.document.client;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * contact-service's recent yeses to upload credentials, each for a short time, so a client sending several files
 * is asked about once (a round trip of 5 ms per upload otherwise). Bounded: when full, it starts over.
 */
final class AuthorizationCache {

    /** A credential for a contact: the upload token, the old path's API key name, or the administrator. */
    record Grant(UUID contactId, String credential) {
        static Grant of(UUID contactId, String uploadToken, String apiKeyName, boolean admin) {
            return new Grant(contactId, admin ? "admin" : apiKeyName != null ? "key:" + apiKeyName : "token:" + uploadToken);
        }
    }

    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final ConcurrentHashMap<Grant, Long> expiries = new ConcurrentHashMap<>();

    AuthorizationCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    boolean holds(Grant grant) {
        Long expiry = expiries.get(grant);
        if (expiry == null) {
            return false;
        }
        if (System.nanoTime() - expiry >= 0) {
            expiries.remove(grant, expiry);
            return false;
        }
        return true;
    }

    void put(Grant grant) {
        if (ttlNanos <= 0) {
            return;
        }
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.clear();
        }
        expiries.put(grant, System.nanoTime() + ttlNanos);
    }

    void forget(UUID contactId) {
        expiries.keySet().removeIf(grant -> grant.contactId().equals(contactId));
    }
}
