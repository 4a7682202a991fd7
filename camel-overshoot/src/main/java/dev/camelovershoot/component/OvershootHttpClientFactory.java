package dev.camelovershoot.component;

import java.net.http.HttpClient;

/**
 * Makes the one HTTP client of an {@code overshoot} component, used for the REST API, the results WebSocket and
 * LiveKit signalling. Put one in the registry (it is autowired) or set it on the component to add what the options do
 * not cover: an authenticating proxy, client certificates, a custom executor.
 */
@FunctionalInterface
public interface OvershootHttpClientFactory {

    /**
     * @param configured a builder already set up with the component's connect timeout, executor, TLS
     *                   ({@code sslContextParameters}) and proxy ({@code proxy}); change what you need and build it
     */
    HttpClient newHttpClient(HttpClient.Builder configured);
}
