package dev.camelovershoot.testinfra.livekit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.InvalidClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.VideoGrant;
import java.time.Duration;
import java.util.Map;

/**
 * Mints and verifies LiveKit access tokens (HS256 JWTs) with the emulator's API key and secret, the way a LiveKit
 * server does: issuer = API key, expiry required, 60 s clock leeway, {@code video.roomJoin} and {@code video.room}
 * required.
 */
public final class LiveKitTokens {

    private static final long LEEWAY_SECONDS = 60;

    private final LiveKitCredentials credentials;
    private final JWTVerifier verifier;

    public LiveKitTokens(LiveKitCredentials credentials) {
        this.credentials = credentials;
        this.verifier = JWT.require(Algorithm.HMAC256(credentials.apiSecret()))
                .withIssuer(credentials.apiKey())
                .acceptLeeway(LEEWAY_SECONDS)
                .build();
    }

    /** A token that lets {@code identity} join {@code room} and publish, but not subscribe, for {@code ttl}. */
    public String mintPublishToken(String identity, String room, Duration ttl) {
        return mint(identity, room, ttl, new CanPublish(true), new CanSubscribe(false));
    }

    /** A token that lets {@code identity} join {@code room} and subscribe, but neither publish nor send data. */
    public String mintViewerToken(String identity, String room, Duration ttl) {
        return mint(identity, room, ttl, new CanPublish(false), new CanSubscribe(true), new CanPublishData(false));
    }

    /** A fresh token with the same grants, for {@code refresh_token}. */
    String refresh(LiveKitGrant grant, Duration ttl) {
        return mint(grant.identity(), grant.room(), ttl, new CanPublish(grant.canPublish()),
                new CanSubscribe(grant.canSubscribe()), new CanPublishData(grant.canPublishData()));
    }

    private String mint(String identity, String room, Duration ttl, VideoGrant... permissions) {
        AccessToken token = new AccessToken(credentials.apiKey(), credentials.apiSecret());
        token.setIdentity(identity);
        token.setTtl(ttl.toMillis());
        token.addGrants(new RoomJoin(true), new RoomName(room));
        token.addGrants(permissions);
        return token.toJwt();
    }

    /** Checks signature, issuer, expiry and the join grant. */
    public LiveKitGrant verify(String token) throws InvalidTokenException {
        DecodedJWT jwt = decode(token);
        if (jwt.getExpiresAt() == null) {
            throw new InvalidTokenException("token has no expiry");
        }
        Map<String, Object> video = jwt.getClaim("video").asMap();
        if (video == null || !Boolean.TRUE.equals(video.get("roomJoin"))) {
            throw new InvalidTokenException("token does not grant roomJoin");
        }
        String room = video.get("room") instanceof String r ? r : "";
        String identity = jwt.getSubject() != null && !jwt.getSubject().isEmpty() ? jwt.getSubject() : jwt.getId();
        if (room.isEmpty()) {
            throw new InvalidTokenException("token names no room");
        }
        if (identity == null || identity.isEmpty()) {
            throw new InvalidTokenException("token has no identity");
        }
        // LiveKit grants everything when a token sets none of the three permissions.
        boolean unset = !video.containsKey("canPublish") && !video.containsKey("canSubscribe")
                && !video.containsKey("canPublishData");
        return new LiveKitGrant(identity, room, unset || flag(video, "canPublish"), unset || flag(video, "canSubscribe"),
                unset || flag(video, "canPublishData"), jwt.getExpiresAtAsInstant());
    }

    private DecodedJWT decode(String token) throws InvalidTokenException {
        try {
            return verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new InvalidTokenException("token expired");
        } catch (SignatureVerificationException e) {
            throw new InvalidTokenException("token signature invalid");
        } catch (AlgorithmMismatchException e) {
            throw new InvalidTokenException("token not signed with HS256");
        } catch (InvalidClaimException e) {
            throw new InvalidTokenException("token not issued for this API key, or not valid yet");
        } catch (JWTDecodeException e) {
            throw new InvalidTokenException("token malformed");
        } catch (JWTVerificationException e) {
            throw new InvalidTokenException("token invalid");
        }
    }

    private static boolean flag(Map<String, Object> video, String name) {
        return Boolean.TRUE.equals(video.get(name));
    }
}
