package dev.intake.notification.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The SES quota: sends are spaced to the configured rate, and no limit means no wait. */
class SendRateTest {

    @Test
    void sendsAreSpacedToTheRate() {
        NotificationSender.SendRate rate = new NotificationSender.SendRate(50); // one slot every 20 ms
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            rate.acquire().await().atMost(Duration.ofSeconds(5));
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        // the 11th send has the slot 10 intervals after the first: never earlier (later is only the machine)
        assertTrue(elapsedMillis >= 195, "11 sends at 50/s took only " + elapsedMillis + " ms");
    }

    @Test
    void noLimitNeverWaits() {
        NotificationSender.SendRate rate = new NotificationSender.SendRate(0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(rate.acquire().await().atMost(Duration.ofMillis(100)) == null);
        }
    }
}
