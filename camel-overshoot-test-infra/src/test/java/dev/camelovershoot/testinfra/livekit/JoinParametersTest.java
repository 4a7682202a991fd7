package dev.camelovershoot.testinfra.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import livekit.LivekitModels.ClientInfo;
import livekit.LivekitRtc.JoinRequest;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.WrappedJoinRequest;
import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.api.Test;

class JoinParametersTest {

    @Test
    void readsAGzippedJoinRequestWithItsOfferAsBrowsersAndRtcNodeSendIt() throws Exception {
        JoinRequest join = JoinRequest.newBuilder()
                .setClientInfo(ClientInfo.newBuilder().setSdk(ClientInfo.SDK.NODE).setVersion("1.1.0"))
                .setPublisherOffer(SessionDescription.newBuilder().setType("offer").setSdp("v=0").setId(0)).build();
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(join.toByteArray());
        }
        String encoded = Base64.getUrlEncoder().encodeToString(WrappedJoinRequest.newBuilder()
                .setCompression(WrappedJoinRequest.Compression.GZIP)
                .setJoinRequest(ByteString.copyFrom(gzipped.toByteArray())).build().toByteArray());

        JoinParameters parameters = JoinParameters.fromJoinRequest(encoded);
        assertThat(parameters.publisherOffer().getSdp()).isEqualTo("v=0");
        assertThat(parameters.reconnect()).isFalse();
        assertThat(parameters.client()).isEqualTo("NODE 1.1.0");
    }

    @Test
    void readsAResumeFromAnUnpaddedJoinRequestOrFromQueryParameters() {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(WrappedJoinRequest.newBuilder()
                .setJoinRequest(JoinRequest.newBuilder().setReconnect(true).setParticipantSid("PA_1").build().toByteString())
                .build().toByteArray());
        assertThat(JoinParameters.fromJoinRequest(encoded)).extracting(JoinParameters::reconnect, JoinParameters::participantSid)
                .containsExactly(true, "PA_1");

        Fields query = new Fields();
        query.add("reconnect", "1");
        query.add("sid", "PA_2");
        assertThat(JoinParameters.fromQuery(query)).extracting(JoinParameters::reconnect, JoinParameters::participantSid)
                .containsExactly(true, "PA_2");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> JoinParameters.fromJoinRequest(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> JoinParameters.fromJoinRequest("%%%")).hasMessageContaining("invalid");
    }
}
