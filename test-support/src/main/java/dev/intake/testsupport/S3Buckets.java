package dev.intake.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Creates a bucket with one AWS Signature Version 4 signed {@code PUT /bucket} (S3Proxy, MinIO, S3). */
final class S3Buckets {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String EMPTY_SHA256 = hex(sha256(new byte[0]));

    private S3Buckets() {
    }

    /** Creates the bucket; one that exists and is ours already is fine. */
    static void create(String endpoint, String accessKey, String secretKey, String region, String bucket) {
        URI uri = URI.create(endpoint.replaceAll("/+$", "") + "/" + bucket);
        String host = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        String day = amzDate.substring(0, 8);
        String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
        String canonicalRequest = "PUT\n" + uri.getRawPath() + "\n\n"
                + "host:" + host + "\n"
                + "x-amz-content-sha256:" + EMPTY_SHA256 + "\n"
                + "x-amz-date:" + amzDate + "\n\n"
                + signedHeaders + "\n" + EMPTY_SHA256;
        String scope = day + "/" + region + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] {day, region, "s3", "aws4_request"}) {
            key = hmac(key, part);
        }
        String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + hex(hmac(key, stringToSign));
        HttpResponse<String> response = Net.send(HttpRequest.newBuilder(uri)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .header("x-amz-date", amzDate)
                .header("x-amz-content-sha256", EMPTY_SHA256)
                .header("Authorization", authorization));
        if (response == null) {
            throw new IllegalStateException("no answer from " + endpoint + " when creating the bucket " + bucket);
        }
        boolean ours = response.statusCode() == 409 && response.body().contains("BucketAlreadyOwnedByYou");
        if (response.statusCode() != 200 && !ours) {
            throw new IllegalStateException("creating the bucket " + bucket + " at " + endpoint + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
