package dev.intake.platform.http;

import java.util.Locale;

/** The request body kinds the services read: JSON and multipart form data. */
final class MediaTypes {

    private MediaTypes() {
    }

    static String essence(String contentType) {
        if (contentType == null) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String contentType) {
        String type = essence(contentType);
        return type != null && (type.equals("application/json")
                || (type.startsWith("application/") && type.endsWith("+json")));
    }

    static boolean isMultipart(String contentType) {
        return "multipart/form-data".equals(essence(contentType));
    }

    static boolean isOctetStream(String contentType) {
        return "application/octet-stream".equals(essence(contentType));
    }

    /** Whether the request says it has a body: a length above zero, or a chunked transfer. */
    static boolean declaresBody(String contentLength, String transferEncoding) {
        return transferEncoding != null || (contentLength != null && !contentLength.strip().equals("0"));
    }
}
