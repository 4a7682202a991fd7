package dev.camelovershoot.testinfra;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link OvershootEmulator} on a free port per test class and closes it after the class. Use it with
 * {@code @ExtendWith(OvershootEmulatorExtension.class)} for the defaults, or as a static
 * {@code @RegisterExtension} field made by {@link #create(Consumer)}. Test methods, constructors and lifecycle
 * methods can take an {@link OvershootEmulator} or its {@link Faults} as a parameter. {@code @Nested} classes share
 * the outer class's emulator.
 */
public final class OvershootEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Consumer<OvershootEmulator.Builder> config;
    private OvershootEmulator emulator;
    private String owner;

    /** An emulator with the default settings. */
    public OvershootEmulatorExtension() {
        this(builder -> { });
    }

    private OvershootEmulatorExtension(Consumer<OvershootEmulator.Builder> config) {
        this.config = config;
    }

    public static OvershootEmulatorExtension create(Consumer<OvershootEmulator.Builder> config) {
        return new OvershootEmulatorExtension(config);
    }

    /** The running emulator; {@link IllegalStateException} outside the test class's lifetime. */
    public OvershootEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The emulator runs only while its test class runs");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (emulator == null) {
            OvershootEmulator.Builder builder = OvershootEmulator.builder();
            config.accept(builder);
            emulator = builder.build().start();
            owner = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null && context.getUniqueId().equals(owner)) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == OvershootEmulator.class || type == Faults.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Faults.class ? emulator().faults() : emulator();
    }
}
