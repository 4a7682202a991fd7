package dev.camelovershoot.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of an {@code overshoot:} endpoint; the component holds defaults that each endpoint copies. */
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
              description = "What the model is asked about the video. Can be changed while running with the updatePrompt operation.")
    private String prompt = "Describe what you see";

    @UriParam(label = "common", description = "Model id, as listed by the listModels operation (for example Qwen/Qwen3.5-9B).")
    private String model;

    @Metadata(enums = "overshoot,gemini")
    @UriParam(label = "common", description = "Inference backend of the service: overshoot or gemini. Omitted when not set.")
    private String backend;

    @Metadata(enums = "frame,clip")
    @UriParam(label = "common", defaultValue = "frame",
              description = "frame: one frame per inference every intervalSeconds; clip: a short clip per inference.")
    private String mode = "frame";

    @UriParam(label = "common", defaultValue = "0.5", description = "Frame mode: seconds between inferences (0.1 to 60).")
    private double intervalSeconds = 0.5;

    @UriParam(label = "common", defaultValue = "6",
              description = "Clip mode: frames per second the service samples (1 to 30); targetFps x clipLengthSeconds must be at least 3.")
    private int targetFps = 6;

    @UriParam(label = "common", defaultValue = "0.5", description = "Clip mode: seconds of video per inference (0.1 to 60).")
    private double clipLengthSeconds = 0.5;

    @UriParam(label = "common", defaultValue = "0.5", description = "Clip mode: seconds between inferences (0 to 60).")
    private double delaySeconds = 0.5;

    @UriParam(label = "advanced", description = "Legacy clip sampling: source frame rate (1 to 120). Use targetFps instead.")
    private Integer fps;

    @UriParam(label = "advanced", description = "Legacy clip sampling: share of frames sampled (0 to 1). Use targetFps instead.")
    private Double samplingRatio;

    @UriParam(label = "common",
              description = "JSON Schema for structured output: inline JSON, or a classpath: or file: resource.")
    private String outputSchema;

    @UriParam(label = "common",
              description = "Output token cap per inference; at most 128 tokens per second of interval. Defaults to the service's choice.")
    private Integer maxOutputTokens;

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
}
