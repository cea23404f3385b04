package dev.intake.document.client;

/**
 * Tika could not make sense of the file (415 unsupported, 422 unparseable) or its answer broke the bounds: the
 * same file would fare no better on another attempt. {@code detail} is Tika's exception text (class names, for
 * classifying; never shown as it is).
 */
public class TikaRefused extends Exception {

    private final int status;
    private final String detail;

    public TikaRefused(int status, String detail) {
        super("Tika refused the file (HTTP " + status + ")", null, false, false);
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}
