package dev.camelovershoot.testinfra.inference;

/** The default backend: answers with the {@link FrameFacts} of the sampled frames as compact JSON text. */
public final class DescribeBackend implements InferenceBackend {

    @Override
    public InferenceOutput infer(InferenceRequest request) {
        return InferenceOutput.success(FrameFacts.of(request.frames()).toJson().toString());
    }
}
