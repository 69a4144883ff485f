package org.helpdesk.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;

import org.helpdesk.common.Hashing;

/**
 * The one definition of an API key's secret: {@code ak_} and 40 base-62 characters (about 238 bits), its
 * public prefix (shown in lists and the access log), and the SHA-256 under which it is stored and looked up.
 * The key module makes keys with it, the authentication filter checks them with it, the access log names them.
 */
public final class ApiKeyFormat {
    public static final String START = "ak_";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SECRET_LENGTH = 40;
    /** "ak_" and 5 characters: enough to tell keys apart, too little to guess the rest. */
    public static final int PREFIX_LENGTH = 8;
    /** What the filter accepts (a little wider than what is made, so a future length needs no new filter). */
    static final Pattern SHAPE = Pattern.compile("ak_[0-9A-Za-z]{32,64}");

    private ApiKeyFormat() {
    }

    public static String newSecret(SecureRandom random) {
        StringBuilder key = new StringBuilder(START);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            key.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return key.toString();
    }

    public static boolean wellFormed(String secret) {
        return SHAPE.matcher(secret).matches();
    }

    /** The public part of a key; "?" for a token too short to have one. */
    public static String prefix(String secret) {
        return secret.length() >= PREFIX_LENGTH ? secret.substring(0, PREFIX_LENGTH) : "?";
    }

    /** What is stored and looked up instead of the secret (a high-entropy secret needs no slow hash). */
    public static String hash(String secret) {
        return Hashing.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
    }
}
