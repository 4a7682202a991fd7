package dev.camelovershoot.component;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The component's HTTP client settings, turned into a {@link HttpClient.Builder} for its client factory. */
final class HttpClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private HttpClients() {
    }

    /**
     * @param ssl   the TLS settings, or {@code null} for the JVM's default trust
     * @param proxy {@code host:port}, or {@code null} for a direct connection
     */
    static HttpClient.Builder builder(CamelContext context, SSLContextParameters ssl, String proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (ssl != null) {
            try {
                builder.sslContext(ssl.createSSLContext(context));
            } catch (Exception e) {
                throw new IllegalArgumentException("sslContextParameters could not make an SSLContext: "
                        + e.getMessage(), e);
            }
        }
        if (proxy != null && !proxy.isBlank()) {
            builder.proxy(ProxySelector.of(proxyAddress(proxy.strip())));
        }
        return builder;
    }

    /** Checks the proxy option early, so that a typo fails at start-up rather than at the first request. */
    static InetSocketAddress proxyAddress(String proxy) {
        int colon = proxy.lastIndexOf(':');
        if (colon <= 0 || colon == proxy.length() - 1) {
            throw new IllegalArgumentException("proxy must be host:port, got '" + proxy + "'");
        }
        String host = proxy.substring(0, colon);
        try {
            int port = Integer.parseInt(proxy.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException("out of range");
            }
            return InetSocketAddress.createUnresolved(host.startsWith("[") ? host.substring(1, host.length() - 1)
                    : host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("proxy must be host:port with a port of 1-65535, got '" + proxy + "'",
                    e);
        }
    }
}
