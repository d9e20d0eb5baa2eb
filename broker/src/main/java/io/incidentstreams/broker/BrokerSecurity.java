package io.incidentstreams.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The throwaway TLS material and SCRAM-SHA-512 user of a secured embedded broker, kept in one folder of its data dir.
 *
 * <p>On first use it makes, with the JDK's {@code keytool}, a self-signed certificate for 127.0.0.1 and localhost in a
 * PKCS12 keystore, and a PKCS12 truststore that holds that certificate alone; it also draws a random password for
 * the user {@value #USER}. Later starts on the same data dir reuse them. The user is created when storage is
 * formatted ({@code StorageTool format --add-scram}), so the broker authenticates clients from its first second.
 */
public final class BrokerSecurity {
    public static final String USER = "incidents";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String LISTENER = "SASL_SSL";
    static final String CREDENTIALS = "credentials.properties";
    static final String KEYSTORE = "broker.keystore.p12";
    static final String TRUSTSTORE = "truststore.p12";

    private final Path dir;
    private final String password;
    private final String storePassword;

    private BrokerSecurity(Path dir, String password, String storePassword) {
        this.dir = dir;
        this.password = password;
        this.storePassword = storePassword;
    }

    /** Whether {@code dir} holds the material of an earlier secured start. */
    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(CREDENTIALS));
    }

    /** Loads the material in {@code dir}, or makes it there when there is none. */
    static BrokerSecurity prepare(Path dir) {
        try {
            if (exists(dir)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(dir.resolve(CREDENTIALS))) {
                    p.load(in);
                }
                return new BrokerSecurity(dir, p.getProperty("password"), p.getProperty("store.password"));
            }
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            BrokerSecurity security = new BrokerSecurity(dir, randomSecret(), randomSecret());
            security.makeStores();
            Properties p = new Properties();
            p.setProperty("user", USER);
            p.setProperty("password", security.password);
            p.setProperty("store.password", security.storePassword);
            Path file = dir.resolve(CREDENTIALS);
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "SCRAM user and store passwords of the secured embedded broker");
            }
            restrict(file, "rw-------");
            return security;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the TLS material and SCRAM user in " + dir, e);
        }
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public Path truststore() {
        return dir.resolve(TRUSTSTORE);
    }

    public String truststorePassword() {
        return storePassword;
    }

    /** The argument of {@code StorageTool format --add-scram} that creates the user. */
    String scramArgument() {
        return MECHANISM + "=[name=" + USER + ",password=" + password + "]";
    }

    /**
     * Server settings: one SASL_SSL listener on {@code port}, also used between brokers, with SCRAM-SHA-512 only. The
     * controller listener stays PLAINTEXT on 127.0.0.1, as the node's own quorum connection.
     */
    Map<String, String> serverSettings(int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", LISTENER + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", LISTENER + "://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", LISTENER + ":SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", LISTENER);
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name." + LISTENER.toLowerCase(java.util.Locale.ROOT) + "." + MECHANISM.toLowerCase(java.util.Locale.ROOT)
                + ".sasl.jaas.config", jaas(USER, password));
        p.put("ssl.keystore.location", dir.resolve(KEYSTORE).toString());
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.password", storePassword);
        p.put("ssl.key.password", storePassword);
        p.put("ssl.truststore.location", truststore().toString());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.password", storePassword);
        return p;
    }

    /** The Kafka client properties that reach this broker, bootstrap servers aside. */
    public Map<String, String> clientProperties() {
        return clientProperties(password);
    }

    /** The same, with another password: for checking that a wrong one is refused. */
    public Map<String, String> clientProperties(String password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", jaas(USER, password));
        p.put("ssl.truststore.location", truststore().toString());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.password", storePassword);
        return p;
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private void makeStores() {
        Path keystore = dir.resolve(KEYSTORE);
        Path cert = dir.resolve("broker.crt");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", storePassword, "-keypass", storePassword);
        keytool("-exportcert", "-alias", "broker", "-rfc", "-file", cert.toString(), "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", storePassword);
        keytool("-importcert", "-alias", "broker", "-file", cert.toString(), "-keystore", truststore().toString(),
                "-storetype", "PKCS12", "-storepass", storePassword);
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-XX:TieredStopAtLevel=1");
        command.addAll(List.of(args));
        command.add("-noprompt");
        Path log = dir.resolve("keytool.log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed with exit code " + p.exitValue()
                        + ": " + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
