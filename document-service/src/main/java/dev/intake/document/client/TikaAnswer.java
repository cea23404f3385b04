package dev.intake.document.client;

import java.util.List;
import java.util.Map;

/**
 * What Tika answered for one file: its text (cut at the write limit that was asked for) and its metadata,
 * each key with its values ({@code X-TIKA:Parsed-By}, {@code dc:title}, {@code xmpTPg:NPages}, ...).
 */
public record TikaAnswer(String text, Map<String, List<String>> metadata) {

    public static final String PARSED_BY = "X-TIKA:Parsed-By";
    public static final String PARSE_EXCEPTION = "X-TIKA:EXCEPTION:container_exception";
    public static final String WRITE_LIMIT_REACHED = "X-TIKA:EXCEPTION:write_limit_reached";

    public TikaAnswer {
        metadata = Map.copyOf(metadata);
    }

    /** The first value of a key, or null. */
    public String first(String key) {
        List<String> values = metadata.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String key) {
        return metadata.getOrDefault(key, List.of());
    }

    /** Whether the text stops at the write limit. */
    public boolean truncated() {
        return "true".equals(first(WRITE_LIMIT_REACHED));
    }
}
