package io.incidentstreams.ingest.files;

import io.incidentstreams.ingest.ReadResult.Rejected;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Builds rejections that keep the raw bytes only when they fit the maximum article size. */
final class Rejections {
    private Rejections() {
    }

    static Rejected of(String source, String reason, byte[] raw, int maxBytes) {
        if (raw != null && raw.length > maxBytes) {
            return Rejected.withoutContent(source, reason);
        }
        return new Rejected(source, reason, raw);
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
