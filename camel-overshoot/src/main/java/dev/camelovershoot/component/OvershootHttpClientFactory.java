package dev.camelovershoot.component;

import java.net.http.HttpClient;

/**
 * Makes the HTTP clients of an {@code overshoot} component: one for the REST API and LiveKit signalling, one for the
 * results WebSockets (its executor runs tasks where they are submitted, so that a result reaches the consumers
 * without a thread hand-off; keep it so, or each result takes one hand-off more). Put one in the registry (it is
 * autowired) or set it on the component to add what the options do not cover: an authenticating proxy, client
 * certificates, a custom executor.
 */
@FunctionalInterface
public interface OvershootHttpClientFactory {

    /**
     * @param configured a builder already set up with the component's connect timeout, executor, TLS
     *                   ({@code sslContextParameters}) and proxy ({@code proxy}); change what you need and build it
     */
    HttpClient newHttpClient(HttpClient.Builder configured);
}
