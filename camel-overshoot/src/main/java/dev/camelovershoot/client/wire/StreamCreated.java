package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The response of {@code POST /streams}.
 *
 * @param streamId    the server-assigned id
 * @param lease       the lease to renew with keepalives; absent or 0 means no keepalive is needed
 * @param livekit     the room to publish into (native streams)
 * @param webrtc      the SDP answer (legacy WebRTC streams)
 * @param turnServers TURN servers offered with a WebRTC answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamCreated(String streamId, Lease lease, LiveKitInfo livekit, WebRtcAnswer webrtc,
                            List<TurnServer> turnServers) {

    /** The lease TTL in seconds, 0 when the service gave none. */
    public int ttlSeconds() {
        return lease == null ? 0 : lease.ttlSeconds();
    }
}
