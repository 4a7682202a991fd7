package dev.camelovershoot.testinfra.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Identifier and token formats, in one place so that tests and docs can rely on them. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String stream() {
        return UUID.randomUUID().toString();
    }

    static String result() {
        return "res_" + UUID.randomUUID();
    }

    static String request() {
        return "req_" + random(12);
    }

    static String config() {
        return "cfg_" + UUID.randomUUID();
    }

    static String completion() {
        return "chatcmpl_" + random(12);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
