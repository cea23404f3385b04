package dev.intake.notification.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Our Signature Version 4 against the AWS SDK's own signer: the same request must carry the same signature. */
class SigV4SignerTest {

    private static final String KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @ParameterizedTest
    @ValueSource(strings = {"https://email.eu-west-1.amazonaws.com/v2/email/outbound-emails",
            "http://127.0.0.1:8005/v2/email/outbound-emails", "https://email.eu-west-1.amazonaws.com:443/v2/email/outbound-emails"})
    void signsLikeTheAwsSdk(String endpoint) {
        URI uri = URI.create(endpoint);
        byte[] body = "{\"FromEmailAddress\":\"intake@example.org\",\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"Grüße\"}}}}"
                .getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2026-12-02T03:04:05Z");
        // a second day as well: the cached day key must not leak into the next day
        for (Instant when : new Instant[] {at, at.plusSeconds(86_400)}) {
            SigV4Signer ours = new SigV4Signer(KEY_ID, SECRET, "eu-west-1", "ses");
            Map<String, String> headers = ours.sign("POST", uri, "application/json", body, when);
            Map<String, String> again = ours.sign("POST", uri, "application/json", body, when);
            assertEquals(headers, again);

            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Host", SigV4Signer.host(uri))
                    .putHeader("X-Amz-Content-Sha256", headers.get("X-Amz-Content-Sha256"))
                    .build();
            SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ses")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(when, ZoneOffset.UTC))).request();

            assertEquals(signed.firstMatchingHeader("X-Amz-Date").orElseThrow(), headers.get("X-Amz-Date"));
            assertEquals(signed.firstMatchingHeader("Authorization").orElseThrow(), headers.get("Authorization"));
        }
    }
}
