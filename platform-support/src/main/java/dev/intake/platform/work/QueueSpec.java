package dev.intake.platform.work;

/** A queue as its handler declares it: the name (a metric label), where its items live, how hard to work. */
public record QueueSpec(String name, QueueTable table, WorkSettings settings) {
}
