package dev.camelovershoot.transport.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The publishing end of a test call: sends one video track, send-only, with one preferred codec. */
final class SendingPeer extends TestPeer {

    private static final Pattern VIDEO_LINE = Pattern.compile("(?m)^m=video \\S+ \\S+ (\\d+)");

    private final RTCRtpSender sender;

    SendingPeer(PeerConnectionFactory factory, VideoTrack track, String codec) {
        super(factory);
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
        init.streamIds = List.of("stream");
        RTCRtpTransceiver transceiver = connection.addTransceiver(track, init);
        transceiver.setCodecPreferences(capabilities(factory, codec));
        sender = transceiver.getSender();
    }

    /** The codec the answer put first for video, e.g. VP8. */
    String negotiatedCodec() {
        String sdp = connection.getRemoteDescription().sdp;
        Matcher video = VIDEO_LINE.matcher(sdp);
        if (!video.find()) {
            throw new IllegalStateException("no video in the answer:\n" + sdp);
        }
        Matcher rtpmap = Pattern.compile("(?m)^a=rtpmap:" + video.group(1) + " ([^/]+)/").matcher(sdp);
        if (!rtpmap.find()) {
            throw new IllegalStateException("no rtpmap for payload " + video.group(1) + ":\n" + sdp);
        }
        return rtpmap.group(1);
    }

    /** Removes the track first: libwebrtc will not delete a track a sender still uses. */
    @Override
    public void close() {
        connection.removeTrack(sender);
        super.close();
    }

    private static List<RTCRtpCodecCapability> capabilities(PeerConnectionFactory factory, String codec) {
        List<RTCRtpCodecCapability> matching = factory.getRtpSenderCapabilities(MediaType.VIDEO).getCodecs().stream()
                .filter(capability -> capability.getMimeType().equalsIgnoreCase("video/" + codec))
                .toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("this libwebrtc cannot send " + codec);
        }
        return matching;
    }
}
