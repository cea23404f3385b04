package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class S3TestResourceTest {

    private static final String KEY = "documents/c1/d1/report.pdf";
    private static final String CONTENT = "%PDF-1.4 a small document";

    @Test
    void storesObjectsWithSigV4AndRefusesAWrongSecret() throws Exception {
        ServerChecks.exercise(new S3TestResource(), S3TestResource::current, config -> {
            String bucket = config.get("s3.bucket");
            assertEquals("intake-documents", bucket);
            assertEquals("us-east-1", config.get("s3.region"));
            MinioClient client = client(config, config.get("s3.secret-key"));
            assertTrue(client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
            byte[] bytes = CONTENT.getBytes(StandardCharsets.UTF_8);
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(KEY)
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType("application/pdf").build());
            assertEquals(CONTENT, read(config));

            ErrorResponseException refused = assertThrows(ErrorResponseException.class, () -> client(config,
                    "wrong-secret").statObject(StatObjectArgs.builder().bucket(bucket).object(KEY).build()));
            assertEquals(403, refused.response().code());
        }, config -> ServerChecks.answers(config.get("s3.endpoint")), config -> assertEquals(CONTENT, read(config)));
    }

    private static MinioClient client(Map<String, String> config, String secret) {
        return MinioClient.builder().endpoint(config.get("s3.endpoint"))
                .credentials(config.get("s3.access-key"), secret).region(config.get("s3.region")).build();
    }

    private static String read(Map<String, String> config) throws Exception {
        MinioClient client = client(config, config.get("s3.secret-key"));
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(config.get("s3.bucket"))
                .object(KEY).build())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
