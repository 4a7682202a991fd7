package dev.camelovershoot.testinfra.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveKitTokensTest {

    private static final LiveKitCredentials CREDENTIALS = new LiveKitCredentials("devkey", "secret-of-at-least-thirty-two-chars!");
    private final LiveKitTokens tokens = new LiveKitTokens(CREDENTIALS);

    @Test
    void publishTokensGrantJoinAndPublishButNotSubscribe() throws Exception {
        String token = tokens.mintPublishToken("camera-1", "stream-42", Duration.ofMinutes(5));

        LiveKitGrant grant = tokens.verify(token);
        assertThat(grant.identity()).isEqualTo("camera-1");
        assertThat(grant.room()).isEqualTo("stream-42");
        assertThat(grant.canPublish()).isTrue();
        assertThat(grant.canSubscribe()).isFalse();
        assertThat(grant.expiresAt()).isBetween(Instant.now().plusSeconds(290), Instant.now().plusSeconds(301));
        assertThat(JWT.decode(token).getIssuer()).isEqualTo("devkey");
        assertThat(JWT.decode(token).getAlgorithm()).isEqualTo("HS256");
    }

    @Test
    void tokensWithoutPermissionsGrantEverythingAsLiveKitDoes() throws Exception {
        String token = sign(JWT.create().withIssuer("devkey").withSubject("x").withExpiresAt(Instant.now().plusSeconds(60))
                .withClaim("video", Map.of("roomJoin", true, "room", "r")));
        LiveKitGrant grant = tokens.verify(token);
        assertThat(grant.canPublish() && grant.canSubscribe() && grant.canPublishData()).isTrue();
    }

    @Test
    void refusesTokensALiveKitServerRefuses() {
        Instant later = Instant.now().plusSeconds(60);
        assertRefused(new LiveKitTokens(new LiveKitCredentials("devkey", "some-other-secret-of-32-characters"))
                .mintPublishToken("a", "r", Duration.ofMinutes(1)), "signature");
        assertRefused(tokens.mintPublishToken("a", "r", Duration.ofMinutes(-2)), "expired");
        assertRefused(sign(JWT.create().withIssuer("otherkey").withSubject("a").withExpiresAt(later)
                .withClaim("video", Map.of("roomJoin", true, "room", "r"))), "API key");
        assertRefused(sign(JWT.create().withIssuer("devkey").withSubject("a")
                .withClaim("video", Map.of("roomJoin", true, "room", "r"))), "no expiry");
        assertRefused(sign(JWT.create().withIssuer("devkey").withSubject("a").withExpiresAt(later)
                .withClaim("video", Map.of("room", "r"))), "roomJoin");
        assertRefused(sign(JWT.create().withIssuer("devkey").withSubject("a").withExpiresAt(later)
                .withClaim("video", Map.of("roomJoin", true))), "no room");
        assertRefused(sign(JWT.create().withIssuer("devkey").withExpiresAt(later)
                .withClaim("video", Map.of("roomJoin", true, "room", "r"))), "identity");
        assertRefused("not.a.jwt", "malformed");
    }

    @Test
    void acceptsClockSkewWithinOneMinute() throws Exception {
        String token = tokens.mintPublishToken("a", "r", Duration.ofSeconds(-30));
        assertThat(tokens.verify(token).identity()).isEqualTo("a");
    }

    @Test
    void secretNeverShows() {
        assertThat(CREDENTIALS.toString()).contains("devkey").doesNotContain(CREDENTIALS.apiSecret());
    }

    private void assertRefused(String token, String why) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(why).message().doesNotContain(token);
    }

    private static String sign(JWTCreator.Builder builder) {
        return builder.sign(Algorithm.HMAC256(CREDENTIALS.apiSecret()));
    }
}
