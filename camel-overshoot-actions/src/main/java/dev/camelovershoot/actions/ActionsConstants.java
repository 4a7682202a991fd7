package dev.camelovershoot.actions;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code overshoot-actions:} component. */
public final class ActionsConstants {

    @Metadata(label = "producer", description = "Overrides the endpoint's operation for this exchange.",
              javaType = "dev.camelovershoot.actions.ActionsOperation")
    public static final String OPERATION = "CamelOvershootActionsOperation";

    @Metadata(description = "Consumer: the event's action name. Query operation: return only this action.",
              javaType = "String")
    public static final String ACTION = "CamelOvershootActionsAction";

    @Metadata(label = "consumer", description = "The event's confidence, 0 to 1.", javaType = "double")
    public static final String CONFIDENCE = "CamelOvershootActionsConfidence";

    @Metadata(label = "consumer", description = "The event's start, in seconds from stream start.",
              javaType = "double")
    public static final String TIMESTAMP = "CamelOvershootActionsTimestamp";

    @Metadata(label = "consumer", description = "How long the event lasted, in seconds; absent for a raw detection.",
              javaType = "Double")
    public static final String DURATION = "CamelOvershootActionsDuration";

    @Metadata(label = "consumer", description = "The event's frame number.", javaType = "long")
    public static final String FRAME_NUMBER = "CamelOvershootActionsFrameNumber";

    @Metadata(label = "producer", description = "Query operation: return only actions with at least this confidence.",
              javaType = "Double")
    public static final String MIN_CONFIDENCE = "CamelOvershootActionsMinConfidence";

    @Metadata(label = "producer", description = "Query operation: return only actions at or after this time (s).",
              javaType = "Double")
    public static final String START_TIME = "CamelOvershootActionsStartTime";

    @Metadata(label = "producer", description = "Query operation: return only actions at or before this time (s).",
              javaType = "Double")
    public static final String END_TIME = "CamelOvershootActionsEndTime";

    @Metadata(label = "producer",
              description = "Query operation: return only actions at most this many seconds older than the newest.",
              javaType = "Double")
    public static final String LAST_SECONDS = "CamelOvershootActionsLastSeconds";

    private ActionsConstants() {
    }
}
