package org.helpdesk.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * The rules of API §8 about a file's name, type and how it is served, in one place with unit tests
 * ({@code FileRulesTest}).
 */
final class FileRules {
    static final int MAX_NAME = 255;
    /** Bytes of a file's start that content detection looks at (Tika's magic numbers need far fewer). */
    static final int HEAD_BYTES = 64 * 1024;
    static final String UNKNOWN_TYPE = "application/octet-stream";
    /** The only types shown in the page: images a browser draws without running anything (never SVG). */
    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Detector DETECTOR = new DefaultDetector();

    private FileRules() {
    }

    /**
     * The client's name without any path, control and direction-changing characters removed, at most 255
     * characters (cut, not refused); nothing left (or only dots) is {@code file}.
     */
    static String filename(String given) {
        if (given == null) {
            return "file";
        }
        String name = given;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c) && !isFormatControl(c)).forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        if (name.length() > MAX_NAME) {
            int end = MAX_NAME;
            if (Character.isHighSurrogate(name.charAt(end - 1))) {
                end--; // never half a character
            }
            name = name.substring(0, end).strip();
        }
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? "file" : name;
    }

    /** Bidi overrides, zero-width marks and the like: they make "exe.pdf" look like "fdp.exe". */
    private static boolean isFormatControl(int c) {
        return Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029;
    }

    /** What the bytes are (never the client's word), from the start of the file; unknown: octet-stream. */
    static String contentType(byte[] head, int length) {
        try {
            MediaType type = DETECTOR.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
            return type == null ? UNKNOWN_TYPE : type.getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            return UNKNOWN_TYPE;
        }
    }

    static boolean shownInline(String contentType) {
        return INLINE_TYPES.contains(contentType);
    }

    /** {@code inline} for the safe images, else a download under its name (RFC 6266, RFC 8187 encoding). */
    static String disposition(String contentType, String filename) {
        return shownInline(contentType) ? "inline" : "attachment; filename*=UTF-8''" + encode(filename);
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
