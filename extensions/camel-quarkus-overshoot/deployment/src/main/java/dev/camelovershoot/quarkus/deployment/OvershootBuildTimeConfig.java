package dev.camelovershoot.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Build-time settings of the Camel Overshoot extension. */
@ConfigMapping(prefix = "quarkus.camel.overshoot")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface OvershootBuildTimeConfig {

    /** Dev Services. */
    DevServices devservices();

    /** The emulator started in dev and test mode. */
    interface DevServices {

        /**
         * Whether to start the Overshoot emulator in dev and test mode when no API key
         * ({@code camel.component.overshoot.api-key}) is configured.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
