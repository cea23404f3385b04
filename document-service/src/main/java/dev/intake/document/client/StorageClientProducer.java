package dev.intake.document.client;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.intake.document.config.StorageConfig;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;

/**
 * Builds the S3 clients from {@code s3.*} on one HTTP client. The client's own HTTP defaults wait minutes on
 * a silent server, so every timeout is bounded here, and its sockets send without Nagle's delay.
 */
public class StorageClientProducer {

    @Produces
    @Singleton
    OkHttpClient storageHttp(StorageConfig config) {
        return new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .socketFactory(new NoDelaySocketFactory())
                .build();
    }

    @Produces
    @Singleton
    MinioClient minioClient(StorageConfig config, OkHttpClient http) {
        return MinioClient.builder()
                .endpoint(config.endpoint())
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .httpClient(http, false)
                .build();
    }
}
