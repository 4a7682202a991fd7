package dev.camelovershoot.testinfra.livekit;

import java.time.Instant;

/**
 * What a verified access token allows.
 *
 * @param identity       the participant identity ({@code sub})
 * @param room           the room it may join ({@code video.room})
 * @param canPublish     may publish tracks
 * @param canSubscribe   may subscribe to tracks
 * @param canPublishData may send data packets
 * @param expiresAt      when the token expires
 */
public record LiveKitGrant(String identity, String room, boolean canPublish, boolean canSubscribe, boolean canPublishData,
                           Instant expiresAt) {
}
