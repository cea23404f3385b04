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

    /** How long a stopping service waits for the batches in hand to be recorded. */
    @WithDefault("10S")
    Duration shutdownGrace();
}
