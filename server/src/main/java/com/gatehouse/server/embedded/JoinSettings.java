package com.gatehouse.server.embedded;

import com.gatehouse.server.bootstrap.Bootstrap;
import com.gatehouse.server.config.GatehouseProperties;
import com.gatehouse.server.privacy.PrivacyConfig;
import com.gatehouse.server.storage.ObjectStoreConfig.ObjectStoreEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Several instances on one machine from the embedded default: an instance that runs its own PostgreSQL writes
 * {@code <data-dir>/join.env} (owner-only, rewritten at every start: the ports change) with every setting
 * another instance needs to join the same system, as {@code KEY=value} lines: the database, the object store,
 * and the {@code gatehouse.*} settings this instance was given (the instances must agree on them). Another
 * instance started with that environment plus its own {@code SERVER_PORT}, {@code GATEHOUSE_DATA_DIR} and
 * {@code GATEHOUSE_RSOCKET_TCP_PORT} joins it. The database and the object store listen on the loopback
 * interface only, and both live in this instance's processes: the others depend on it staying up.
 */
@Component
public class JoinSettings {

    public static final String FILE = "join.env";
    private static final Logger log = LoggerFactory.getLogger(JoinSettings.class);
    /** Settings that belong to one instance (or are secrets the others do not need), never copied. */
    private static final Set<String> OWN = Set.of("GATEHOUSE_DATA_DIR", "GATEHOUSE_DEMO", "GATEHOUSE_ADMIN_PASSWORD",
            "GATEHOUSE_RSOCKET_TCP_PORT");

    private final ObjectProvider<EmbeddedDatabase> database;
    private final ObjectStoreEndpoint store;
    private final GatehouseProperties properties;
    private final ConfigurableEnvironment environment;
    private final PrivacyConfig.MasterKey privacyMasterKey;

    public JoinSettings(ObjectProvider<EmbeddedDatabase> database, ObjectStoreEndpoint store,
                        GatehouseProperties properties, ConfigurableEnvironment environment,
                        PrivacyConfig.MasterKey privacyMasterKey) {
        this.privacyMasterKey = privacyMasterKey;
        this.database = database;
        this.store = store;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void write() {
        EmbeddedDatabase db = database.getIfAvailable();
        if (db == null) {
            return; // joined to (or configured with) an external database: nothing of ours to share
        }
        Path file = properties.dataDir().resolve(FILE);
        try {
            Path tmp = Files.createTempFile(properties.dataDir(), "join", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: rely on the data directory's own permissions
            }
            Files.writeString(tmp, content(db));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("Another instance joins this one with the settings in {}", file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The settings, as environment variables. */
    public Map<String, String> settings(EmbeddedDatabase db) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
        settings.put("SPRING_DATASOURCE_USERNAME", db.username());
        settings.put("SPRING_DATASOURCE_PASSWORD", db.password());
        settings.put("SPRING_R2DBC_URL", db.r2dbcUrl());
        settings.put("SPRING_R2DBC_USERNAME", db.username());
        settings.put("SPRING_R2DBC_PASSWORD", db.password());
        settings.put("GATEHOUSE_S3_ENDPOINT", store.endpoint().toString());
        settings.put("GATEHOUSE_S3_PUBLIC_ENDPOINT", store.publicEndpoint().toString());
        settings.put("GATEHOUSE_S3_REGION", store.region().id());
        settings.put("GATEHOUSE_S3_BUCKET", store.bucket());
        // every instance seals and opens personal data with the same master key
        settings.put("GATEHOUSE_PRIVACY_MASTER_KEY", privacyMasterKey.setting());
        settings.put("GATEHOUSE_S3_PATH_STYLE_ACCESS", Boolean.toString(store.pathStyle()));
        AwsCredentials credentials = store.credentials().resolveCredentials();
        settings.put("GATEHOUSE_S3_ACCESS_KEY", credentials.accessKeyId());
        settings.put("GATEHOUSE_S3_SECRET_KEY", credentials.secretAccessKey());
        settings.put("GATEHOUSE_ADMIN_PHONE", properties.admin().phone() == null
                ? Bootstrap.DEFAULT_ADMIN_PHONE : properties.admin().phone());
        given().forEach((name, value) -> settings.putIfAbsent(environmentName(name), value));
        return settings;
    }

    private String content(EmbeddedDatabase db) {
        var out = new StringBuilder("""
                # Another Gatehouse instance joins this one (same database, object store and signing keys) with these
                # settings plus its own SERVER_PORT, GATEHOUSE_DATA_DIR and GATEHOUSE_RSOCKET_TCP_PORT, e.g.
                #   env $(grep -v '^#' data/join.env | xargs) SERVER_PORT=8081 GATEHOUSE_DATA_DIR=./data-2 \\
                #       GATEHOUSE_RSOCKET_TCP_PORT=7001 java -jar server/target/gatehouse-server-exec.jar
                # Rewritten at every start of this instance (the ports change). Keep it private: it holds the keys.
                """);
        settings(db).forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    /** The {@code gatehouse.*} settings this instance was given (arguments, environment, files), by name. */
    private Map<String, String> given() {
        Map<String, String> given = new TreeMap<>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    String canonical = canonical(name);
                    String variable = environmentName(canonical);
                    // the object store's settings are written above, from what this instance really uses
                    if (canonical.startsWith("gatehouse.") && !variable.startsWith("GATEHOUSE_S3_")
                            && !OWN.contains(variable) && !given.containsKey(canonical)) {
                        String value = environment.getProperty(canonical);
                        if (value != null) {
                            given.put(canonical, value);
                        }
                    }
                }
            }
        }
        return given;
    }

    /** {@code GATEHOUSE_ENTRY_REQUEST_EXPIRY} and {@code gatehouse.entry-request.expiry} alike, as the latter. */
    private static String canonical(String name) {
        if (name.equals(name.toUpperCase(Locale.ROOT)) && name.contains("_")) {
            return name.toLowerCase(Locale.ROOT).replace('_', '.'); // env form: lossy for dashes, read back below
        }
        return name;
    }

    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
