package dev.camelovershoot.component;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code overshoot:} component. */
public final class OvershootConstants {

    @Metadata(label = "consumer", description = "Id of the Overshoot stream that produced the result or event.",
              javaType = "String")
    public static final String STREAM_ID = "CamelOvershootStreamId";

    @Metadata(description = "Consumer: id of the result (res_...). Producer: the result whose clip the reinfer operation"
                            + " runs again; required there.", javaType = "String")
    public static final String RESULT_ID = "CamelOvershootResultId";

    @Metadata(label = "consumer", description = "Sampling mode of the result: frame or clip.", javaType = "String")
    public static final String MODE = "CamelOvershootMode";

    @Metadata(description = "Model that produced the result or the v1 watch answer (consumer), or the reinfer or"
                            + " ask answer (producer).",
              javaType = "String")
    public static final String MODEL = "CamelOvershootModel";

    @Metadata(description = "Consumer: the prompt in effect for the result. Producer: the prompt now in effect after"
                            + " updatePrompt.", javaType = "String")
    public static final String PROMPT = "CamelOvershootPrompt";

    @Metadata(label = "consumer", description = "Whether the inference succeeded.", javaType = "Boolean")
    public static final String OK = "CamelOvershootOk";

    @Metadata(label = "consumer", description = "Why the inference failed, when ok is false.", javaType = "String")
    public static final String ERROR = "CamelOvershootError";

    @Metadata(description = "stop, length (cut at maxOutputTokens) or content_filter; null when the inference failed.",
              javaType = "String")
    public static final String FINISH_REASON = "CamelOvershootFinishReason";

    @Metadata(label = "consumer", description = "Milliseconds the model took.", javaType = "Double")
    public static final String INFERENCE_LATENCY = "CamelOvershootInferenceLatency";

    @Metadata(label = "consumer", description = "Milliseconds from the newest sampled frame reaching the service to the"
                                                + " result being ready.", javaType = "Double")
    public static final String TOTAL_LATENCY = "CamelOvershootTotalLatency";

    @Metadata(label = "producer", description = "The operation to perform; overrides the operation option.",
              javaType = "dev.camelovershoot.component.OvershootOperation",
              enums = "publishFrame,updatePrompt,listModels,reinfer,closeStream,ask,viewerToken,streamInfo")
    public static final String OPERATION = "CamelOvershootOperation";

    @Metadata(label = "producer", description = "Width of a raw frame body, in pixels.", javaType = "Integer")
    public static final String FRAME_WIDTH = "CamelOvershootFrameWidth";

    @Metadata(label = "producer", description = "Height of a raw frame body, in pixels.", javaType = "Integer")
    public static final String FRAME_HEIGHT = "CamelOvershootFrameHeight";

    @Metadata(label = "producer", description = "Pixel layout of a raw frame body: RGB, RGBA, BGR (packed rows) or I420"
                                                + " (planar).", javaType = "String", enums = "RGB,RGBA,BGR,I420")
    public static final String FRAME_FORMAT = "CamelOvershootFrameFormat";

    @Metadata(label = "producer", description = "publishFrame: false when the frame was converted but not sent: above"
                                                + " the stream's frame rate, or the video connection is not up yet.",
              javaType = "Boolean")
    public static final String FRAME_PUBLISHED = "CamelOvershootFramePublished";

    @Metadata(label = "consumer", description = "With lifecycleEvents: the event (CREATED, CONNECTED, RECONNECTING,"
                                                + " RECOVERED, RECREATED, ENDED).", javaType = "String")
    public static final String EVENT_TYPE = "CamelOvershootEventType";

    @Metadata(label = "consumer", description = "With lifecycleEvents: why the stream ended or was recreated"
                                                + " (client_requested, lease_expired, source_ended, ...).",
              javaType = "String")
    public static final String EVENT_REASON = "CamelOvershootEventReason";

    @Metadata(label = "producer", description = "v1 ask: the question, when the body is empty.", javaType = "String")
    public static final String QUESTION = "CamelOvershootQuestion";

    @Metadata(description = "v1. Producer: the frame or window ask is about, as an ovs://streams/{id}?... URL or only"
                            + " its query; overrides the reference option. Consumer and ask's answer: the ovs:// URL"
                            + " that was asked about.", javaType = "String")
    public static final String REFERENCE = "CamelOvershootReference";

    @Metadata(label = "producer", description = "v1 ask: ask about the last this many seconds of video; overrides the"
                                                + " windowSeconds option (0: the newest frame).", javaType = "Double")
    public static final String WINDOW_SECONDS = "CamelOvershootWindowSeconds";

    @Metadata(description = "v1: tokens of the prompt (text and frames) of the answer.", javaType = "Integer")
    public static final String PROMPT_TOKENS = "CamelOvershootPromptTokens";

    @Metadata(description = "v1: tokens the model generated for the answer.", javaType = "Integer")
    public static final String COMPLETION_TOKENS = "CamelOvershootCompletionTokens";

    @Metadata(description = "v1: prompt plus completion tokens of the answer.", javaType = "Integer")
    public static final String TOTAL_TOKENS = "CamelOvershootTotalTokens";

    @Metadata(description = "Producer: the key (a camera id, ...) whose own Overshoot stream the frame or operation"
                            + " goes to; a key's stream opens on its first frame with the endpoint's options and"
                            + " closes after streamIdleTimeout without frames or on closeStream with the key. Without"
                            + " it: the stream named in the URI. Consumer: the key of the stream the result or event"
                            + " came from; absent for the stream named in the URI.", javaType = "String")
    public static final String STREAM_KEY = "CamelOvershootStreamKey";

    private OvershootConstants() {
    }
}
