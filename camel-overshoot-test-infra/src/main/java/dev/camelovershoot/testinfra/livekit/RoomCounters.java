package dev.camelovershoot.testinfra.livekit;

/**
 * What happened in a room so far, for tests.
 *
 * @param joins           new sessions (full joins, including rejoins after a reconnect request)
 * @param resumes         sessions resumed on a new signal connection
 * @param offersAnswered  publisher offers answered, ICE restarts included
 * @param tracksPublished {@code add_track} requests answered with {@code track_published}
 * @param participants    participants present now, connected or waiting to resume
 */
public record RoomCounters(long joins, long resumes, long offersAnswered, long tracksPublished, int participants) {

    static final RoomCounters NONE = new RoomCounters(0, 0, 0, 0, 0);
}
