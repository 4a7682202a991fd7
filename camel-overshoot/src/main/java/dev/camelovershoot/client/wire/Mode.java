package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the service samples the video: a clip of frames per inference, or a single frame per inference. */
public enum Mode {
    @JsonProperty("clip") CLIP,
    @JsonProperty("frame") FRAME
}
