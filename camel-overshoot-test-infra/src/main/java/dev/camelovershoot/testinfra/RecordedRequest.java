package dev.camelovershoot.testinfra;

/**
 * One HTTP request the emulator answered.
 *
 * @param path   relative to the base path, e.g. {@code /streams/abc/keepalive}, without the query
 * @param status the status sent; {@code 101} for an accepted results WebSocket upgrade
 */
public record RecordedRequest(String method, String path, int status) {
}
