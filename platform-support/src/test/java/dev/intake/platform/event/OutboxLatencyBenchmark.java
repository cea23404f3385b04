package dev.intake.platform.event;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Delivery latency under a steady load: one event per request at a fixed rate, each on its own
 * aggregate, delivered to a real HTTP consumer in this JVM (so both clocks are the same). Reports the
 * time from the producer's acknowledged commit to the consumer's receipt. Measures, never asserts:
 * run with {@code scripts/bench-events}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class OutboxLatencyBenchmark {

    private static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    RecorderControl consumer = new RecorderControl();

    @Test
    void commitToConsumerLatency() throws IOException {
        ProbeEvents.publish("warmup", 0, 50);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.receiptsOf("warmup").size() == 50);

        int total = RATE_PER_SECOND * SECONDS;
        long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
        Map<UUID, long[]> sentAndAcked = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(Math.max(0, start + i * intervalNanos - System.nanoTime()));
            long sent = System.nanoTime();
            UUID id = ProbeEvents.publish("bench-" + i, 0, 1).get(0);
            sentAndAcked.put(id, new long[] { sent, System.nanoTime() });
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> consumer.appliedOf("bench-") == total);

        List<Double> fromAck = new ArrayList<>();
        List<Double> fromSend = new ArrayList<>();
        for (RecorderControl.Receipt receipt : consumer.receipts()) {
            long[] times = sentAndAcked.get(receipt.eventId());
            if (times != null) {
                fromAck.add(Math.max(0, receipt.atNanos() - times[1]) / 1e6);
                fromSend.add((receipt.atNanos() - times[0]) / 1e6);
            }
        }
        String report = "Outbox delivery latency, %d events at %d/s, one aggregate each%n".formatted(total, RATE_PER_SECOND)
                + line("commit acknowledged -> consumer received", fromAck)
                + line("request sent -> consumer received", fromSend);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "outbox-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String line(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return "  %-42s median %7.1f ms   p99 %7.1f ms   max %7.1f ms%n".formatted(what,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
