package dev.intake.document.insight;

/**
 * Tunables of the analyzer.
 *
 * @param phoneRegion ISO 3166-1 alpha-2 region for phone numbers written without a country code
 * @param slashDatesDayFirst whether 01/12/2026 means 1 December (true) or January 12 (false)
 * @param maxEntitiesPerKind cap on each entity list
 */
public record InsightSettings(String phoneRegion, boolean slashDatesDayFirst, int maxEntitiesPerKind) {

    public static final InsightSettings DEFAULT = new InsightSettings("US", true, 50);

    public InsightSettings {
        if (phoneRegion == null || phoneRegion.isBlank()) {
            throw new IllegalArgumentException("phoneRegion is required");
        }
        if (maxEntitiesPerKind < 1) {
            throw new IllegalArgumentException("maxEntitiesPerKind must be positive");
        }
    }
}
