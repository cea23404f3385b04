package dev.intake.platform.work;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The work engine's own settings; each queue's are its handler's. */
@ConfigMapping(prefix = "intake.work")
public interface WorkConfig {

    /** How often the backlog gauges are read from the database. */
    @WithDefault("10S")
    Duration metricsInterval();

    /**
     * How often each queue compares its backlog with the planner's row estimate of its table, and
     * analyzes the table when the estimate is stale (see {@code statistics-backlog}).
     */
    @WithDefault("2S")
    Duration statisticsInterval();

    /** The smallest backlog for which stale planner statistics are refreshed. */
    @WithDefault("500")
    long statisticsBacklog();

    /** How long a stopping service waits for the batches in hand to be recorded. */
    @WithDefault("10S")
    Duration shutdownGrace();
}
