package dev.intake.platform.work;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The work engine's own settings; each queue's are its handler's. */
@ConfigMapping(prefix = "intake.work")
public interface WorkConfig {

    /**
     * How often each queue's backlog is read: into the gauges, and compared with the planner's row estimate
     * of its table, which is analyzed when the estimate is stale (see {@code statistics-backlog}).
     */
    @WithDefault("2S")
    Duration metricsInterval();

    /** The smallest backlog for which stale planner statistics are refreshed. */
    @WithDefault("500")
    long statisticsBacklog();

    /** How long a stopping service waits for the batches in hand to be recorded. */
    @WithDefault("10S")
    Duration shutdownGrace();
}
