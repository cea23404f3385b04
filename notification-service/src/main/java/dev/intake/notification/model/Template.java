package dev.intake.notification.model;

/** The kinds of mail this service sends; their names are the delivery log's and the metrics' template values. */
public enum Template {
    CONTACT_ADMIN("contact-admin"),
    CONTACT_CONFIRMATION("contact-confirmation"),
    DOCUMENT_DIGEST("document-digest"),
    /** The administrators' digest of the submissions above intake.mail.admin-digest.threshold. */
    CONTACT_DIGEST("contact-digest");

    private final String key;

    Template(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static java.util.Optional<Template> fromKey(String key) {
        return java.util.Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
