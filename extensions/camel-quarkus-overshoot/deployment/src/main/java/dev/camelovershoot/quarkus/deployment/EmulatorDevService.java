package dev.camelovershoot.quarkus.deployment;

import dev.camelovershoot.testinfra.OvershootEmulator;
import io.quarkus.deployment.builditem.Startable;
import org.jboss.logging.Logger;

/** The Overshoot emulator as a Dev Service: in this JVM, on a free port of this machine, until the application stops. */
final class EmulatorDevService implements Startable {

    private static final Logger LOG = Logger.getLogger(EmulatorDevService.class);

    private OvershootEmulator emulator;

    @Override
    public void start() {
        emulator = OvershootEmulator.builder().build().start();
        LOG.infof("Dev Services for Overshoot started the emulator at %s; camel.component.overshoot.api-url and"
                + " api-key point at it (set camel.component.overshoot.api-key to use Overshoot instead)",
                emulator.baseUrl());
    }

    String apiUrl() {
        return emulator.baseUrl();
    }

    String apiKey() {
        return emulator.apiKey();
    }

    @Override
    public String getConnectionInfo() {
        return emulator.baseUrl();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
