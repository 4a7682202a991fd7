package dev.camelovershoot.quarkus.deployment;

import dev.camelovershoot.quarkus.OvershootReadinessCheck;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/** Build steps of the Camel Overshoot extension. */
class OvershootProcessor {

    static final String FEATURE = "camel-overshoot";
    static final String API_URL = "camel.component.overshoot.api-url";
    static final String API_KEY = "camel.component.overshoot.api-key";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * With quarkus-smallrye-health: the readiness check (camel-quarkus-microprofile-health, Camel Quarkus's own
     * bridge, does not resolve here).
     */
    @BuildStep
    void readinessCheck(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(OvershootReadinessCheck.class));
        }
    }

    /** In dev and test mode, with no API key configured: the emulator, and the component pointed at it. */
    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
    void emulator(OvershootBuildTimeConfig config, BuildProducer<DevServicesResultBuildItem> devServices) {
        boolean keyGiven = ConfigProvider.getConfig().getOptionalValue(API_KEY, String.class).isPresent();
        if (!config.devservices().enabled() || keyGiven) {
            return;
        }
        Map<String, Function<EmulatorDevService, String>> settings = Map.of(
                API_URL, EmulatorDevService::apiUrl,
                API_KEY, EmulatorDevService::apiKey);
        devServices.produce(DevServicesResultBuildItem.owned()
                .feature(FEATURE)
                .serviceName("overshoot-emulator")
                .serviceConfig(config.devservices())
                .description("Overshoot emulator")
                .startable(EmulatorDevService::new)
                .configProvider(settings)
                .build());
    }
}
