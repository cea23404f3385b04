package dev.intake.document.client;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.intake.document.config.StorageConfig;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.quarkus.runtime.StartupEvent;

/** Creates the bucket when it is missing. A storage server that is down at startup only makes readiness DOWN. */
@Singleton
public class BucketInitializer {

    private static final Logger LOG = Logger.getLogger(BucketInitializer.class);

    private final MinioClient minio;
    private final StorageConfig config;

    public BucketInitializer(MinioClient minio, StorageConfig config) {
        this.minio = minio;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).region(config.region()).build());
                LOG.infof("Created bucket %s", config.bucket());
            }
        } catch (Exception e) {
            LOG.warnf("Bucket %s not checked at startup (%s); readiness reports it until storage answers",
                    config.bucket(), e.getClass().getSimpleName());
        }
    }
}
