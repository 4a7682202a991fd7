/**
 * JSON records of the Overshoot v0.2 wire protocol.
 *
 * <p>Every record maps snake_case JSON to camelCase components, ignores unknown fields, leaves absent optional
 * fields {@code null} and omits {@code null} fields when written. Records that hold a key, token or credential mask
 * it in {@code toString()}.
 */
package dev.camelovershoot.client.wire;
