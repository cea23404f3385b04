package dev.intake.notification.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for one JSON request without a query string: the headers to send with it
 * ({@code X-Amz-Date}, {@code X-Amz-Content-Sha256}, {@code Authorization}). Signs {@code content-type},
 * {@code host}, {@code x-amz-content-sha256} and {@code x-amz-date}. The signing key is derived once a day.
 */
public final class SigV4Signer {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final String SIGNED_HEADERS = "content-type;host;x-amz-content-sha256;x-amz-date";

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;
    private final String service;
    private volatile DayKey dayKey;

    private record DayKey(String day, byte[] key) {
    }

    public SigV4Signer(String accessKeyId, String secretAccessKey, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.service = service;
    }

    /** The headers that sign a request of {@code method} to {@code uri} with this body and content type. */
    public Map<String, String> sign(String method, URI uri, String contentType, byte[] body, Instant at) {
        String stamp = STAMP.format(at);
        String day = stamp.substring(0, 8);
        String payloadHash = HEX.formatHex(sha256(body));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String canonical = method + "\n" + path + "\n\n"
                + "content-type:" + contentType.trim() + "\n"
                + "host:" + host(uri) + "\n"
                + "x-amz-content-sha256:" + payloadHash + "\n"
                + "x-amz-date:" + stamp + "\n\n"
                + SIGNED_HEADERS + "\n" + payloadHash;
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        String signature = HEX.formatHex(hmac(key(day), toSign));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amz-Date", stamp);
        headers.put("X-Amz-Content-Sha256", payloadHash);
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature);
        return headers;
    }

    /** The Host header an HTTP client sends for the URI: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) ? port == 443 : port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private byte[] key(String day) {
        DayKey current = dayKey;
        if (current != null && current.day().equals(day)) {
            return current.key();
        }
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        dayKey = new DayKey(day, key);
        return key;
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

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
