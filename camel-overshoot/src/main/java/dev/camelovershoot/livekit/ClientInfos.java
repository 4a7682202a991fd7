package dev.camelovershoot.livekit;

import livekit.LivekitModels.ClientInfo;
import livekit.LivekitRtc.ConnectionSettings;
import livekit.LivekitRtc.JoinRequest;

/** What this client tells a LiveKit server about itself. */
final class ClientInfos {

    static final String VERSION = "camel-overshoot-" + version();

    private ClientInfos() {
    }

    /** A publish-only join: no auto-subscribe; the publisher offer follows the join response. */
    static JoinRequest.Builder join() {
        return JoinRequest.newBuilder()
                .setClientInfo(ClientInfo.newBuilder().setSdk(ClientInfo.SDK.UNKNOWN).setVersion(VERSION)
                        .setProtocol(SignalUrls.PROTOCOL).setOs(System.getProperty("os.name", ""))
                        .setOsVersion(System.getProperty("os.version", "")))
                .setConnectionSettings(ConnectionSettings.newBuilder().setAutoSubscribe(false));
    }

    private static String version() {
        String v = ClientInfos.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
