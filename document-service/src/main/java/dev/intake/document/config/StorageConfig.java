package dev.intake.document.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Where uploaded files are kept: an S3-compatible server and one private bucket. */
@ConfigMapping(prefix = "s3")
public interface StorageConfig {

    String endpoint();

    String accessKey();

    String secretKey();

    String region();

    String bucket();

    Duration connectTimeout();

    Duration readTimeout();

    Duration writeTimeout();
}
