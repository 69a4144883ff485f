package org.helpdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Java verification example of docs/webhooks.md, word for word: what an integrator runs on their side.
 * WebhooksIT checks the server's real deliveries with it.
 */
public final class VerifyWebhook {
    /** True when one of the signatures in {@code signatureHeader} was made with {@code secret}. */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader)
            throws Exception {
        long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        if (age > 5 * 60) {
            return false; // too old or from the future: a replay
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = Base64.getEncoder().encode(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        for (String signature : signatureHeader.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private VerifyWebhook() {
    }
}
