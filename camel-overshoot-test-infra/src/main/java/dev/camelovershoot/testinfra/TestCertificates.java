package dev.camelovershoot.testinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A test CA and a server key signed by it, made with the JDK's {@code keytool} (no extra dependency): the server key
 * store is what {@link OvershootEmulator.Builder#tls} serves, the trust store (the CA's certificate only) what a
 * client must trust. The server certificate names {@code localhost} and {@code 127.0.0.1}; both are valid for two days.
 *
 * @param serverKeyStore PKCS12: the server's key with its chain (server certificate, CA certificate)
 * @param trustStore     PKCS12: the CA's certificate
 * @param password       of both stores
 */
public record TestCertificates(Path serverKeyStore, Path trustStore, String password) {

    private static final String KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    /** Makes the CA, the server key and both stores in {@code directory} (a few keytool runs, about two seconds). */
    public static TestCertificates create(Path directory) {
        String password = UUID.randomUUID().toString();
        Path ca = directory.resolve("ca.p12");
        Path server = directory.resolve("server.p12");
        Path trust = directory.resolve("truststore.p12");
        Path caCert = directory.resolve("ca.crt");
        Path request = directory.resolve("server.csr");
        Path serverCert = directory.resolve("server.crt");
        keytool(password, ca, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Overshoot Test CA",
                "-ext", "bc:c", "-validity", "2");
        keytool(password, ca, "-exportcert", "-alias", "ca", "-rfc", "-file", caCert.toString());
        keytool(password, server, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-validity", "2");
        keytool(password, server, "-certreq", "-alias", "server", "-file", request.toString());
        keytool(password, ca, "-gencert", "-alias", "ca", "-infile", request.toString(), "-outfile",
                serverCert.toString(), "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2", "-rfc");
        keytool(password, server, "-importcert", "-alias", "ca", "-file", caCert.toString(), "-noprompt");
        keytool(password, server, "-importcert", "-alias", "server", "-file", serverCert.toString());
        keytool(password, trust, "-importcert", "-alias", "ca", "-file", caCert.toString(), "-noprompt");
        return new TestCertificates(server, trust, password);
    }

    private static void keytool(String password, Path store, String... args) {
        List<String> command = new ArrayList<>(List.of(KEYTOOL));
        command.addAll(List.of(args));
        command.addAll(List.of("-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + KEYTOOL + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }

    @Override
    public String toString() {
        return "TestCertificates[serverKeyStore=" + serverKeyStore + ", trustStore=" + trustStore + ", password=***]";
    }
}
