package dev.intake.document.service;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a client's filename into one safe for object keys and download headers: no path parts, no
 * control or shell-special characters, at most 100 characters, the extension kept.
 */
public final class SafeFilename {

    static final int MAX_LENGTH = 100;

    private SafeFilename() {
    }

    public static String of(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            safe.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        String cleaned = safe.toString().replaceAll("_{2,}", "_").replaceAll("^[._]+", "").replaceAll("[._]+$", "");
        int dot = cleaned.lastIndexOf('.');
        String extension = dot > 0 ? cleaned.substring(dot).toLowerCase(Locale.ROOT) : "";
        String stem = (dot > 0 ? cleaned.substring(0, dot) : cleaned).replaceAll("[._]+$", "");
        if (stem.isEmpty()) {
            stem = "file";
        }
        if (extension.length() > 10) {
            extension = "";
        }
        int room = MAX_LENGTH - extension.length();
        return (stem.length() > room ? stem.substring(0, room) : stem) + extension;
    }

    /** The lower-case extension without the dot, or "" when there is none. */
    public static String extensionOf(String safeName) {
        int dot = safeName.lastIndexOf('.');
        return dot < 0 ? "" : safeName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
