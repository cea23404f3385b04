package dev.intake.document.client;

/**
 * Tika gave no answer about the file: unreachable, a 5xx, no answer in time, or the request dropped because
 * the parsing child died (out of memory, past its timeout) and was restarted. Worth another attempt; a file
 * that kills the child every time ends FAILED when its attempts are used up.
 */
public class TikaUnavailable extends RuntimeException {

    public TikaUnavailable(String message) {
        super(message, null, false, false);
    }
}
