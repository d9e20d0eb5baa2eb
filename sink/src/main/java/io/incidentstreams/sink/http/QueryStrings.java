package io.incidentstreams.sink.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a raw query string before any parameter is read from it: every {@code %} starts two hex digits, what they
 * decode to is UTF-8, and no name or value holds a control character ({@code %00}, {@code %0A}, ...). A parameter
 * that fails is a 400 naming it, never a filter that is quietly dropped or a value that reaches the index.
 */
final class QueryStrings {
    private QueryStrings() {
    }

    /** @throws BadRequestException naming the parameter whose encoding is bad */
    static void check(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decodeOrNull(rawName);
            String label = name == null ? rawName : name;
            if (name == null || hasControl(name)) {
                throw new BadRequestException(label, "parameter name '" + rawName + "' is not valid percent-encoded UTF-8 text");
            }
            if (eq >= 0) {
                String rawValue = pair.substring(eq + 1);
                String value = decodeOrNull(rawValue);
                if (value == null) {
                    throw new BadRequestException(name, "parameter '" + name + "' is not valid percent-encoding of UTF-8 text: '" + rawValue + "'");
                }
                if (hasControl(value)) {
                    throw new BadRequestException(name, "parameter '" + name + "' holds a control character: '" + rawValue + "'");
                }
            }
        }
    }

    /** The decoded text, or null when a {@code %} is not followed by two hex digits or the bytes are not UTF-8. */
    static String decodeOrNull(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
