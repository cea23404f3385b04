package dev.intake.document.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.intake.document.config.StorageConfig;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;

/** Ready only while the storage server answers with valid credentials and the bucket exists. */
@Readiness
@ApplicationScoped
public class BucketReadinessCheck implements HealthCheck {

    private final MinioClient minio;
    private final StorageConfig config;

    public BucketReadinessCheck(MinioClient minio, StorageConfig config) {
        this.minio = minio;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Object storage bucket")
                .withData("bucket", config.bucket());
        try {
            boolean exists = minio.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build());
            return exists ? response.up().build() : response.down().withData("reason", "bucket missing").build();
        } catch (Exception e) {
            // The exception's class tells an operator enough (connection refused, bad signature…) and,
            // unlike its message, never echoes credentials or signed URLs.
            return response.down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}
