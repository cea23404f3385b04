package dev.intake.testsupport;

import org.testcontainers.containers.wait.strategy.Wait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An S3-compatible object store with real SigV4 authentication and the bucket already created, for a
 * {@code @QuarkusTest}.
 * <p>
 * Config keys: {@code s3.endpoint}, {@code s3.access-key}, {@code s3.secret-key}, {@code s3.region} (us-east-1),
 * {@code s3.bucket} (init arg {@code bucket}, default {@code intake-documents}).
 * <p>
 * Environment: {@code TEST_S3_ENDPOINT} + {@code TEST_S3_ACCESS_KEY} + {@code TEST_S3_SECRET_KEY} (+
 * {@code TEST_S3_REGION}) reuse a running store, with a fresh bucket {@code <bucket>-<random>}; otherwise MinIO
 * when Docker answers; otherwise a native S3Proxy (filesystem backend) from {@code S3PROXY_JAR}, else
 * {@code <repo>/.tools/s3proxy/s3proxy.jar}, run with this JVM's {@code java}.
 */
public class S3TestResource extends ServerResource {

    public static final String ARG_BUCKET = "bucket";
    static final String REGION = "us-east-1";
    static final String IMAGE = "minio/minio:RELEASE.2025-09-07T16-13-09Z";

    /** The server of the started S3 resource. */
    public static ThrowawayServer current() {
        return current(S3TestResource.class);
    }

    private String bucket() {
        return arg(ARG_BUCKET, "intake-documents");
    }

    @Override
    Optional<Running> reuse() {
        return Tools.env("TEST_S3_ENDPOINT").map(endpoint -> {
            String accessKey = Tools.env("TEST_S3_ACCESS_KEY").orElseThrow(() -> unset("TEST_S3_ACCESS_KEY"));
            String secretKey = Tools.env("TEST_S3_SECRET_KEY").orElseThrow(() -> unset("TEST_S3_SECRET_KEY"));
            String region = Tools.env("TEST_S3_REGION").orElse(REGION);
            String bucket = bucket() + "-" + Tools.suffix();
            ExternalServer server = new ExternalServer("s3 (TEST_S3_ENDPOINT)",
                    java.net.URI.create(endpoint).getPort(), () -> { });
            return prepared(server, () -> S3Buckets.create(endpoint, accessKey, secretKey, region, bucket),
                    config(endpoint, accessKey, secretKey, region, bucket));
        });
    }

    private static IllegalStateException unset(String name) {
        return new IllegalStateException("TEST_S3_ENDPOINT is set, " + name + " is not");
    }

    @Override
    Running container() {
        String accessKey = Tools.secret(20);
        String secretKey = Tools.secret(40);
        Containers.Started started = Containers.start("s3", IMAGE, 9000,
                Map.of("MINIO_ROOT_USER", accessKey, "MINIO_ROOT_PASSWORD", secretKey),
                Wait.forHttp("/minio/health/ready").forPort(9000), "server", "/data");
        return withBucket(started.server(), started.url(), accessKey, secretKey);
    }

    @Override
    Running startNative() {
        Path jar = Tools.find("S3Proxy", "S3PROXY_JAR", null, ".tools/s3proxy/s3proxy.jar");
        String accessKey = Tools.secret(20);
        String secretKey = Tools.secret(40);
        int port = Net.freePort();
        String endpoint = Net.url(port);
        Path dir = TempDirs.create("s3");
        Path properties = dir.resolve("s3proxy.properties");
        try {
            Files.createDirectories(dir.resolve("blobs"));
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + accessKey,
                    "s3proxy.credential=" + secretKey,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + dir.resolve("blobs"),
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            TempDirs.delete(dir);
            throw new UncheckedIOException(e);
        }
        ProcessServer server = ProcessServer.start("s3proxy", port, dir, List.of(Tools.javaBinary().toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--properties", properties.toString()),
                () -> Net.status(endpoint + "/") > 0,
                false); // its clean shutdown takes 2 s; a completed PUT is on disk already
        return withBucket(server, endpoint, accessKey, secretKey);
    }

    private Running withBucket(ManagedServer server, String endpoint, String accessKey, String secretKey) {
        return prepared(server, () -> S3Buckets.create(endpoint, accessKey, secretKey, REGION, bucket()),
                config(endpoint, accessKey, secretKey, REGION, bucket()));
    }

    private static Map<String, String> config(String endpoint, String accessKey, String secretKey, String region,
            String bucket) {
        return Map.of(
                "s3.endpoint", endpoint,
                "s3.access-key", accessKey,
                "s3.secret-key", secretKey,
                "s3.region", region,
                "s3.bucket", bucket);
    }
}
