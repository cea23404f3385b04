package dev.intake.platform.event;

/** The channel the outbox trigger NOTIFYs at commit (V0_1); the work engine LISTENs on it. */
final class OutboxListenerChannel {

    static final String NAME = "outbox_delivery";

    private OutboxListenerChannel() {
    }
}
