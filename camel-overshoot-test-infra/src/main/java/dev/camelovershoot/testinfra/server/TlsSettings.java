package dev.camelovershoot.testinfra.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Serving HTTPS and WSS instead of HTTP and WS: the key store (PKCS12 or JKS) holding the server's key and certificate
 * chain.
 */
public record TlsSettings(Path keyStore, String password) {

    public TlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore + ", password=***]";
    }
}
