package dev.camelovershoot.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of an {@code overshoot:} endpoint; the component holds defaults that each endpoint copies. Options labelled
 * {@code consumer} or {@code producer} belong to one endpoint; all others define the Overshoot stream and must agree
 * between the endpoints that share a stream name (see {@link StreamOptions}).
 */
@UriParams
@Configurer
public class OvershootConfiguration implements Cloneable {

    @UriParam(label = "common", defaultValue = "https://api.overshoot.ai/v0.2",
              description = "Base URL of the Overshoot API, including the version path.")
    private String apiUrl = "https://api.overshoot.ai/v0.2";

    @UriParam(label = "security", secret = true,
              description = "Overshoot API key. Defaults to the OVERSHOOT_API_KEY environment variable.")
    private String apiKey;

    @UriParam(label = "common", defaultValue = "Describe what you see",
              description = "What the model is asked about the video. Can be changed while running with the"
                            + " updatePrompt operation.")
    private String prompt = "Describe what you see";

    @UriParam(label = "common",
              description = "Model id, as listed by the listModels operation (for example Qwen/Qwen3.5-9B). Required.")
    private String model;

    @UriParam(enums = "overshoot,gemini", label = "common",
              description = "Inference backend of the service: overshoot or gemini. Omitted when not set.")
    private String backend;

    @UriParam(enums = "frame,clip", label = "common", defaultValue = "frame",
              description = "frame: one frame per inference every intervalSeconds; clip: a short clip per inference.")
    private String mode = "frame";

    @UriParam(label = "common", defaultValue = "0.5", description = "Frame mode: seconds between inferences (0.1 to 60).")
    private double intervalSeconds = 0.5;

    @UriParam(label = "common", defaultValue = "6",
              description = "Clip mode: frames per second the service samples (1 to 30); targetFps x"
                            + " clipLengthSeconds must be at least 3.")
    private int targetFps = 6;

    @UriParam(label = "common", defaultValue = "0.5", description = "Clip mode: seconds of video per inference (0.1 to 60).")
    private double clipLengthSeconds = 0.5;

    @UriParam(label = "common", defaultValue = "0.5", description = "Clip mode: seconds between inferences (0 to 60).")
    private double delaySeconds = 0.5;

    @UriParam(label = "advanced",
              description = "Legacy clip sampling: source frame rate (1 to 120), with samplingRatio. Use targetFps instead.")
    private Integer fps;

    @UriParam(label = "advanced",
              description = "Legacy clip sampling: share of frames sampled (0 to 1), with fps. Use targetFps instead.")
    private Double samplingRatio;

    @UriParam(label = "common",
              description = "JSON Schema for structured output: inline JSON, or a classpath: or file: resource holding it.")
    private String outputSchema;

    @UriParam(label = "common",
              description = "Output token cap per inference; at most 128 tokens per second of interval. Defaults"
                            + " to the service's choice.")
    private Integer maxOutputTokens;

    @UriParam(enums = "native,webrtc,livekit", label = "transport", defaultValue = "native",
              description = "How video reaches the service. native: the service's own LiveKit room; livekit: your"
                            + " LiveKit room (livekitUrl, livekitToken); webrtc: legacy WebRTC offer/answer.")
    private String transport = "native";

    @UriParam(label = "transport", description = "transport=livekit: the wss:// URL of your LiveKit server.")
    private String livekitUrl;

    @UriParam(label = "security", secret = true,
              description = "transport=livekit: a LiveKit token that may publish into your room.")
    private String livekitToken;

    @UriParam(label = "transport",
              description = "Your own STUN/TURN servers, comma-separated URLs (stun:host:port, turn:host:port);"
                            + " TURN servers use iceUsername and icePassword. The service's servers are added to them.")
    private String iceServers;

    @UriParam(label = "security", description = "User name for the TURN servers in iceServers.")
    private String iceUsername;

    @UriParam(label = "security", secret = true, description = "Password (credential) for the TURN servers in iceServers.")
    private String icePassword;

    @UriParam(enums = "vp8,h264", label = "media", defaultValue = "vp8", description = "Video codec.")
    private String codec = "vp8";

    @UriParam(label = "media", defaultValue = "30",
              description = "Most frames per second sent. The stream's sampling lowers it further: two frames per"
                            + " interval in frame mode, targetFps in clip mode.")
    private double maxPublishFps = 30;

    @UriParam(label = "media", description = "Scale every frame to this width (with height). Default: the frame's own size.")
    private int width;

    @UriParam(label = "media", description = "Scale every frame to this height (with width). Default: the frame's own size.")
    private int height;

    @UriParam(label = "media",
              description = "Video to send when no route produces frames: a file path or file: URI, camera:N (a"
                            + " V4L2 camera), rtsp://, http(s)://....m3u8 (HLS) or rtmp://. Read in real time from"
                            + " when the stream connects. A live source (camera, RTSP, RTMP, HLS) that stops or fails"
                            + " is reopened with the reconnect backoff on the same stream; a file's end ends the"
                            + " stream.")
    private String source;

    @UriParam(label = "media", description = "Play the source file or HLS playlist again from the start when it ends.")
    private boolean loop;

    @UriParam(label = "advanced", defaultValue = "true",
              description = "Replace a stream the service lost (lease expired, media disconnected, service redeployed"
                            + " without its state, results channel or video that cannot be reconnected) by a new one"
                            + " with the same configuration and the prompt in effect. false: such a loss ends the"
                            + " stream, with an error for the exception handler and the health checks.")
    private boolean recreateOnStreamLoss = true;

    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration",
              description = "First wait before trying again what failed (creating the stream, the results channel,"
                            + " LiveKit signalling and rejoin, a keepalive, a stream lost again); doubles on each"
                            + " attempt, with jitter.")
    private long reconnectDelay = 1000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Longest wait between two attempts.")
    private long reconnectMaxDelay = 30000;

    @UriParam(label = "advanced", defaultValue = "-1",
              description = "Consecutive failed attempts (creating the stream, reconnecting the results channel,"
                            + " rejoining LiveKit, reopening a live source)"
                            + " before the stream ends with an error; -1 never gives up. A keepalive is tried again"
                            + " until the lease would end, whatever this says.")
    private int reconnectMaxAttempts = -1;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Timeout of each call to the Overshoot API.")
    private long requestTimeout = 30000;

    @UriParam(label = "consumer", defaultValue = "100",
              description = "Results held for the route while it is busy; what happens when it is full is the"
                            + " overflowPolicy.")
    private int resultsQueueSize = 100;

    @UriParam(label = "consumer", defaultValue = "block",
              description = "When the results queue is full. block: keep queueing for this consumer (nothing lost, the"
                            + " route falls behind; the stream and its other consumers go on); dropOldest: discard the"
                            + " oldest queued result; fail: reject the new result and hand a RejectedExecutionException"
                            + " to the exception handler.")
    private OverflowPolicy overflowPolicy = OverflowPolicy.block;

    @UriParam(label = "consumer",
              description = "Discard failed inference results (ok=false) instead of delivering them with the error header.")
    private boolean dropFailedResults;

    @UriParam(label = "consumer",
              description = "Also deliver the stream's lifecycle events (CREATED, CONNECTED, RECONNECTING, RECOVERED,"
                            + " RECREATED, ENDED) as exchanges with header CamelOvershootEventType and no body.")
    private boolean lifecycleEvents;

    @UriParam(label = "producer", defaultValue = "publishFrame",
              description = "What the producer does; the CamelOvershootOperation header overrides it.")
    private OvershootOperation operation = OvershootOperation.publishFrame;

    @UriParam(enums = "auto,v0.2,v1", label = "common", defaultValue = "auto",
              description = "Which Overshoot API the endpoint speaks. auto: v1 when apiUrl ends in /v1beta or /v1,"
                            + " else v0.2. In v1 a stream is a frame buffer: the consumer asks prompt every"
                            + " intervalSeconds (the watch loop) and the producer publishes frames and asks questions"
                            + " (operation ask).")
    private String apiVersion = "auto";

    @UriParam(enums = "component,service", label = "media", defaultValue = "component",
              description = "v1 with an rtsp:// or HLS source: component decodes the camera and publishes its frames"
                            + " (works for any camera, also private and loopback addresses); service makes it a v1"
                            + " camera source the service pulls itself (no video leaves this host; the camera must be"
                            + " reachable from the internet).")
    private String cameraPull = "component";

    @UriParam(label = "consumer,producer",
              description = "v1: ask about the last windowSeconds of video (a video_url window at windowMaxFps)"
                            + " instead of the newest frame. 0: the newest frame. The producer's"
                            + " CamelOvershootWindowSeconds header overrides it.")
    private double windowSeconds;

    @UriParam(label = "consumer,producer", defaultValue = "1",
              description = "v1 with windowSeconds: most frames per second of the window handed to the model.")
    private double windowMaxFps = 1;

    @UriParam(label = "producer",
              description = "v1 ask: an explicit frame or window, as an ovs://streams/{id}?... URL or only its query"
                            + " (frame_index=-5, start_offset_ms=-3000&max_fps=2, ...; the endpoint's stream is"
                            + " meant). Overrides windowSeconds; the CamelOvershootReference header overrides it.")
    private String reference;

    @UriParam(label = "fleet",
              description = "The endpoint name stands for keyed streams only (one per CamelOvershootStreamKey): a"
                            + " consumer opens no stream of the name itself and receives the results of the keyed"
                            + " streams, and a producer exchange without the key header fails, naming it. false: a"
                            + " consumer also opens the stream named in the URI, as without keys.")
    private boolean keyed;

    @UriParam(label = "fleet", defaultValue = "30000", javaType = "java.time.Duration",
              description = "A keyed stream (header CamelOvershootStreamKey) that got no frame for this long is closed"
                            + " (deleted on the service, its slot freed); the key's next frame opens a new one. A keyed"
                            + " stream that ended stays this long (its frames fail, saying why) before a frame may"
                            + " replace it. 0: never closed for idleness.")
    private long streamIdleTimeout = 30000;

    @UriParam(label = "fleet", defaultValue = "0",
              description = "Most keyed streams open at once for this endpoint name; what a frame of one more key"
                            + " does is the maxStreamsPolicy. 0: no limit of the component's (the service's own limit"
                            + " per API key still applies: a create past it is retried until a slot frees).")
    private int maxStreams;

    @UriParam(label = "fleet", defaultValue = "fail",
              description = "When maxStreams keyed streams are open and a frame of another key comes. fail: the"
                            + " exchange fails with a MaxStreamsExceededException naming the limit; closeLeastRecentlyUsed:"
                            + " the keyed stream that got a frame least recently is closed to make room.")
    private MaxStreamsPolicy maxStreamsPolicy = MaxStreamsPolicy.fail;

    public OvershootConfiguration copy() {
        try {
            return (OvershootConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public double getIntervalSeconds() {
        return intervalSeconds;
    }

    public void setIntervalSeconds(double intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    public int getTargetFps() {
        return targetFps;
    }

    public void setTargetFps(int targetFps) {
        this.targetFps = targetFps;
    }

    public double getClipLengthSeconds() {
        return clipLengthSeconds;
    }

    public void setClipLengthSeconds(double clipLengthSeconds) {
        this.clipLengthSeconds = clipLengthSeconds;
    }

    public double getDelaySeconds() {
        return delaySeconds;
    }

    public void setDelaySeconds(double delaySeconds) {
        this.delaySeconds = delaySeconds;
    }

    public Integer getFps() {
        return fps;
    }

    public void setFps(Integer fps) {
        this.fps = fps;
    }

    public Double getSamplingRatio() {
        return samplingRatio;
    }

    public void setSamplingRatio(Double samplingRatio) {
        this.samplingRatio = samplingRatio;
    }

    public String getOutputSchema() {
        return outputSchema;
    }

    public void setOutputSchema(String outputSchema) {
        this.outputSchema = outputSchema;
    }

    public Integer getMaxOutputTokens() {
        return maxOutputTokens;
    }

    public void setMaxOutputTokens(Integer maxOutputTokens) {
        this.maxOutputTokens = maxOutputTokens;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public String getLivekitUrl() {
        return livekitUrl;
    }

    public void setLivekitUrl(String livekitUrl) {
        this.livekitUrl = livekitUrl;
    }

    public String getLivekitToken() {
        return livekitToken;
    }

    public void setLivekitToken(String livekitToken) {
        this.livekitToken = livekitToken;
    }

    public String getIceServers() {
        return iceServers;
    }

    public void setIceServers(String iceServers) {
        this.iceServers = iceServers;
    }

    public String getIceUsername() {
        return iceUsername;
    }

    public void setIceUsername(String iceUsername) {
        this.iceUsername = iceUsername;
    }

    public String getIcePassword() {
        return icePassword;
    }

    public void setIcePassword(String icePassword) {
        this.icePassword = icePassword;
    }

    public String getCodec() {
        return codec;
    }

    public void setCodec(String codec) {
        this.codec = codec;
    }

    public double getMaxPublishFps() {
        return maxPublishFps;
    }

    public void setMaxPublishFps(double maxPublishFps) {
        this.maxPublishFps = maxPublishFps;
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    public int getHeight() {
        return height;
    }

    public void setHeight(int height) {
        this.height = height;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public boolean isLoop() {
        return loop;
    }

    public void setLoop(boolean loop) {
        this.loop = loop;
    }

    public boolean isRecreateOnStreamLoss() {
        return recreateOnStreamLoss;
    }

    public void setRecreateOnStreamLoss(boolean recreateOnStreamLoss) {
        this.recreateOnStreamLoss = recreateOnStreamLoss;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public int getReconnectMaxAttempts() {
        return reconnectMaxAttempts;
    }

    public void setReconnectMaxAttempts(int reconnectMaxAttempts) {
        this.reconnectMaxAttempts = reconnectMaxAttempts;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getResultsQueueSize() {
        return resultsQueueSize;
    }

    public void setResultsQueueSize(int resultsQueueSize) {
        this.resultsQueueSize = resultsQueueSize;
    }

    public OverflowPolicy getOverflowPolicy() {
        return overflowPolicy;
    }

    public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
        this.overflowPolicy = overflowPolicy;
    }

    public boolean isDropFailedResults() {
        return dropFailedResults;
    }

    public void setDropFailedResults(boolean dropFailedResults) {
        this.dropFailedResults = dropFailedResults;
    }

    public boolean isLifecycleEvents() {
        return lifecycleEvents;
    }

    public void setLifecycleEvents(boolean lifecycleEvents) {
        this.lifecycleEvents = lifecycleEvents;
    }

    public OvershootOperation getOperation() {
        return operation;
    }

    public void setOperation(OvershootOperation operation) {
        this.operation = operation;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getCameraPull() {
        return cameraPull;
    }

    public void setCameraPull(String cameraPull) {
        this.cameraPull = cameraPull;
    }

    public double getWindowSeconds() {
        return windowSeconds;
    }

    public void setWindowSeconds(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    public double getWindowMaxFps() {
        return windowMaxFps;
    }

    public void setWindowMaxFps(double windowMaxFps) {
        this.windowMaxFps = windowMaxFps;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public boolean isKeyed() {
        return keyed;
    }

    public void setKeyed(boolean keyed) {
        this.keyed = keyed;
    }

    public long getStreamIdleTimeout() {
        return streamIdleTimeout;
    }

    public void setStreamIdleTimeout(long streamIdleTimeout) {
        this.streamIdleTimeout = streamIdleTimeout;
    }

    public int getMaxStreams() {
        return maxStreams;
    }

    public void setMaxStreams(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    public MaxStreamsPolicy getMaxStreamsPolicy() {
        return maxStreamsPolicy;
    }

    public void setMaxStreamsPolicy(MaxStreamsPolicy maxStreamsPolicy) {
        this.maxStreamsPolicy = maxStreamsPolicy;
    }
}
