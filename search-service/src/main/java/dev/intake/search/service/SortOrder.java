package dev.intake.search.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.intake.platform.problem.ProblemException;

/** Parses {@code sort=uploadedAt:desc,size:asc} against the sortable attributes. */
public final class SortOrder {

    /** Public name to index attribute. */
    private static final Map<String, String> SORTABLE = Map.of("uploadedAt", "uploadedAt", "processedAt",
            "processedAt", "size", "size");

    private SortOrder() {
    }

    public static String[] parse(String field, String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        List<String> rules = new ArrayList<>();
        for (String part : sort.split(",")) {
            String[] pieces = part.strip().split(":", -1);
            String attribute = SORTABLE.get(pieces[0]);
            String direction = pieces.length == 1 ? "desc" : pieces[1];
            if (attribute == null || pieces.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                throw ProblemException.badField(field,
                        "must be a comma-separated list of uploadedAt, processedAt or size, each with :asc or :desc");
            }
            rules.add(attribute + ":" + direction);
        }
        if (rules.size() > 3) {
            throw ProblemException.badField(field, "at most 3 sort rules");
        }
        return rules.toArray(String[]::new);
    }
}
