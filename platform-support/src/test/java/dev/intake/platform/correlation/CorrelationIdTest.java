package dev.intake.platform.correlation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.platform.event.RecordingConsumerResource;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class CorrelationIdTest {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void attach() {
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void detach() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void acceptsTheCallersIdAndPutsItInTheRequestsLogLines() {
        given().header(CorrelationId.HEADER, "order-42.a:b")
                .when().get("/api/v1/probe/log")
                .then().statusCode(200).header(CorrelationId.HEADER, equalTo("order-42.a:b"));

        List<ExtLogRecord> probe = records.stream().filter(r -> "probe handled".equals(r.getMessage())).toList();
        assertEquals(1, probe.size());
        assertEquals("order-42.a:b", probe.get(0).getMdc(CorrelationId.MDC_KEY));
    }

    @Test
    void generatesAnIdWhenAbsent() {
        given().when().get("/api/v1/probe/log")
                .then().statusCode(200)
                .header(CorrelationId.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void replacesAnIdThatWouldForgeLogLines() {
        given().header(CorrelationId.HEADER, "abc\" injected=<script>")
                .when().get("/api/v1/probe/log")
                .then().statusCode(200)
                .header(CorrelationId.HEADER, not(equalTo("abc\" injected=<script>")))
                .header(CorrelationId.HEADER, matchesPattern("[0-9a-f-]{36}"));
        assertFalse(records.stream().anyMatch(r -> String.valueOf(r.getMdc(CorrelationId.MDC_KEY)).contains("<")));
    }

    @Test
    void requestsDoNotShareIds() {
        String first = given().get("/api/v1/probe/log").header(CorrelationId.HEADER);
        String second = given().get("/api/v1/probe/log").header(CorrelationId.HEADER);
        assertFalse(first.equals(second));
    }
}
