/**
 * The Overshoot v1 (v1beta) API, without Camel: streams as frame buffers that a client publishes into over LiveKit
 * (or a camera the service pulls), OpenAI-compatible chat completions that point at frames and windows with
 * {@code ovs://} references ({@link dev.camelovershoot.client.v1.OvsReference}), a stream session that keeps the
 * lease and recreates a reaped stream ({@link dev.camelovershoot.client.v1.V1Session}) and a watch loop that asks
 * the same question at an interval ({@link dev.camelovershoot.client.v1.Watch}).
 *
 * <p>It shares HTTP, JSON, errors and backoff with the v0.2 client in {@code dev.camelovershoot.client}. Records
 * map snake_case JSON to camelCase components, ignore unknown fields and omit {@code null} fields when written;
 * records holding a token or a camera URL mask it in {@code toString()}.
 */
package dev.camelovershoot.client.v1;
