package dev.camelovershoot.livekit;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import livekit.LivekitRtc.JoinRequest;
import livekit.LivekitRtc.WrappedJoinRequest;

/** Signal WebSocket URLs, built the way the official clients build them. */
final class SignalUrls {

    /** Protocol version we speak: 13+ makes servers use {@code LeaveRequest.action}. */
    static final int PROTOCOL = 17;

    private SignalUrls() {
    }

    /** Single peer connection path {@code /rtc/v1}: everything travels in one {@code join_request} parameter. */
    static URI v1(String url, String token, JoinRequest join) {
        byte[] wrapped = WrappedJoinRequest.newBuilder()
                .setCompression(WrappedJoinRequest.Compression.NONE)
                .setJoinRequest(join.toByteString()).build().toByteArray();
        // Padded base64url: LiveKit's server decodes with padding.
        return URI.create(base(url, "rtc/v1") + "?access_token=" + encode(token)
                + "&join_request=" + encode(Base64.getUrlEncoder().encodeToString(wrapped)));
    }

    /** Legacy path {@code /rtc} for servers without {@code /rtc/v1}. */
    static URI v0(String url, String token, String resumeSid) {
        StringBuilder query = new StringBuilder("?access_token=").append(encode(token))
                .append("&auto_subscribe=0&sdk=java&protocol=").append(PROTOCOL)
                .append("&version=").append(encode(ClientInfos.VERSION));
        if (resumeSid != null) {
            query.append("&reconnect=1&sid=").append(encode(resumeSid)).append("&reconnect_reason=1");
        }
        return URI.create(base(url, "rtc") + query);
    }

    private static String base(String url, String path) {
        String ws = url.replaceFirst("^http", "ws");
        return (ws.endsWith("/") ? ws : ws + "/") + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
