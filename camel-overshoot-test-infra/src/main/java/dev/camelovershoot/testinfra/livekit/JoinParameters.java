package dev.camelovershoot.testinfra.livekit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import livekit.LivekitModels.ClientInfo;
import livekit.LivekitRtc.JoinRequest;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.WrappedJoinRequest;
import org.eclipse.jetty.util.Fields;

/**
 * What a client asked for when opening the signal connection: from the query string ({@code /rtc}, protocol v0)
 * or from the {@code join_request} parameter ({@code /rtc/v1}).
 *
 * @param reconnect      a resume of an existing session
 * @param participantSid the participant to resume (empty for a new join)
 * @param publisherOffer the publisher offer sent along with the join (v1 only), or {@code null}
 * @param client         the client's SDK and version, for logs
 */
record JoinParameters(boolean reconnect, String participantSid, SessionDescription publisherOffer, String client) {

    /** Largest JoinRequest accepted after decompression, as a LiveKit server does. */
    private static final int MAX_JOIN_REQUEST_BYTES = 1 << 20;

    /** Protocol v0: {@code reconnect=1&sid=PA_...}, client details as separate parameters. */
    static JoinParameters fromQuery(Fields query) {
        return new JoinParameters(isTrue(query.getValue("reconnect")), nonNull(query.getValue("sid")), null,
                nonNull(query.getValue("sdk")) + " " + nonNull(query.getValue("version")));
    }

    /**
     * Protocol v1: {@code join_request} = base64url of a {@code WrappedJoinRequest} (padding optional) holding a
     * {@code JoinRequest}, gzip-compressed or not.
     *
     * @throws IllegalArgumentException when the parameter is missing or cannot be decoded
     */
    static JoinParameters fromJoinRequest(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new IllegalArgumentException("join_request missing");
        }
        try {
            WrappedJoinRequest wrapped = WrappedJoinRequest.parseFrom(Base64.getUrlDecoder().decode(encoded));
            JoinRequest join = JoinRequest.parseFrom(unwrap(wrapped));
            ClientInfo info = join.getClientInfo();
            return new JoinParameters(join.getReconnect(), join.getParticipantSid(),
                    join.hasPublisherOffer() ? join.getPublisherOffer() : null, info.getSdk() + " " + info.getVersion());
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("join_request invalid", e);
        }
    }

    private static byte[] unwrap(WrappedJoinRequest wrapped) throws IOException {
        byte[] bytes = wrapped.getJoinRequest().toByteArray();
        if (wrapped.getCompression() == WrappedJoinRequest.Compression.NONE) {
            return bytes;
        }
        if (wrapped.getCompression() != WrappedJoinRequest.Compression.GZIP) {
            throw new InvalidProtocolBufferException("unknown join_request compression " + wrapped.getCompressionValue());
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] inflated = in.readNBytes(MAX_JOIN_REQUEST_BYTES + 1);
            if (inflated.length > MAX_JOIN_REQUEST_BYTES) {
                throw new IOException("join_request larger than " + MAX_JOIN_REQUEST_BYTES + " bytes");
            }
            return inflated;
        }
    }

    private static boolean isTrue(String value) {
        return "1".equals(value) || "true".equals(value);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
