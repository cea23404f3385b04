package dev.intake.testsupport;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Closes the servers whose resource was never stopped (a crashed or interrupted test run) when the JVM exits. */
final class Reaper {

    private static final Set<ManagedServer> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Reaper::closeAll, "test-support-reaper"));
    }

    private Reaper() {
    }

    static void register(ManagedServer server) {
        LIVE.add(server);
    }

    static void unregister(ManagedServer server) {
        LIVE.remove(server);
    }

    private static void closeAll() {
        for (ManagedServer server : List.copyOf(LIVE)) {
            try {
                server.close();
            } catch (RuntimeException e) {
                System.err.println("[test-support] could not clean up " + server.name() + ": " + e);
            }
        }
    }
}
