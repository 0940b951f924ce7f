package com.gatehouse.server.privacy;

import com.gatehouse.api.common.ClusterSignals;
import com.gatehouse.command.privacy.SubjectKeys;
import com.gatehouse.server.config.GatehouseProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Personal data in the event store (issue 16): the master key that wraps every subject's key, the subject keys,
 * and the event serializer that seals {@code @PersonalData} fields with them.
 * <p>
 * The master key is {@code gatehouse.privacy.master-key} (base64 of 32 random bytes; required when several
 * instances share a database: every one needs the same key, and {@code join.env} carries it), or in the embedded
 * default {@code <data-dir>/keys/privacy-master.key}, made on first start (owner-only). Losing it loses every
 * personal field stored; keep it with the database backups, apart from them.
 */
@Configuration
public class PrivacyConfig {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfig.class);

    /** The master key, and the setting that gives it to another instance. */
    public record MasterKey(byte[] bytes) {

        public String setting() {
            return Base64.getEncoder().encodeToString(bytes);
        }
    }

    /**
     * The setting's key; else, in the embedded default (no {@code spring.datasource.url}), the data dir's. With an
     * external database and no setting the start fails ({@link #masterKeyRequired}).
     */
    @Bean
    public MasterKey privacyMasterKey(@Value("${gatehouse.privacy.master-key:}") String configured,
                                      GatehouseProperties properties) {
        return resolve(configured, properties.dataDir());
    }

    /** The message of a start with an external database and no master key. */
    public static final String MISSING_WITH_EXTERNAL_DATABASE = "gatehouse.privacy.master-key "
            + "(GATEHOUSE_PRIVACY_MASTER_KEY) must be set with an external database (spring.datasource.url): every "
            + "instance on that database needs the same key, base64 of 32 random bytes (openssl rand -base64 32; an "
            + "instance of the embedded default writes its own into <data-dir>/join.env). Without it each instance "
            + "would make a key of its own and could not read the personal data the others stored.";

    /**
     * Refuses to start with an external database and no {@code gatehouse.privacy.master-key}, before any bean (and
     * so before anything connects or migrates): each instance would otherwise make a key of its own in its data dir,
     * and instances sharing the database could not open each other's sealed events.
     */
    @Bean
    static BeanFactoryPostProcessor masterKeyRequired(Environment environment) {
        return beanFactory -> {
            String configured = environment.getProperty("gatehouse.privacy.master-key", "");
            String database = environment.getProperty("spring.datasource.url", "");
            if (configured.isBlank() && !database.isBlank()) {
                throw new IllegalStateException(MISSING_WITH_EXTERNAL_DATABASE);
            }
        };
    }

    /** The master key from the setting, else the data dir's (made at first start). */
    static MasterKey resolve(String configured, Path dataDir) {
        if (!configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gatehouse.privacy.master-key must be base64 of 32 bytes", e);
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("gatehouse.privacy.master-key must be base64 of 32 bytes; was "
                        + key.length + " bytes");
            }
            return new MasterKey(key);
        }
        return new MasterKey(keptIn(dataDir.resolve("keys").resolve("privacy-master.key")));
    }

    private static byte[] keptIn(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path tmp = Files.createTempFile(file.getParent(), "privacy", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                log.info("Made the privacy master key {} (keep it safe: without it no personal field can be read)",
                        file.toAbsolutePath());
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length != 32) {
                throw new IllegalStateException("The privacy master key " + file + " is not 32 bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the privacy master key " + file, e);
        }
    }

    @Bean
    public SubjectKeys subjectKeys(JdbcTemplate jdbc, MasterKey masterKey, ClusterSignals signals) {
        return new SubjectKeys(jdbc, masterKey.bytes(), signals);
    }

    /**
     * Every processing group opens sealed fields when its handler takes the event ({@link OpenAtHandling}), so an
     * event handled after its person's erasure reads null even when another group opened it before. One interceptor
     * for all groups: what one group opened is handed to the next until an erasure commits.
     */
    @Bean
    public ConfigurerModule openSealedFieldsAtHandling() {
        var shared = new AtomicReference<OpenAtHandling>();
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (config, group) -> config.eventSerializer() instanceof PersonalDataSerializer serializer
                        ? shared.updateAndGet(made -> made != null ? made : new OpenAtHandling(serializer))
                        : (unitOfWork, chain) -> chain.proceed());
    }

    /** Replaces Axon's event serializer (same Jackson serializer underneath) with the one that seals. */
    @Bean
    @Qualifier("eventSerializer")
    public PersonalDataSerializer eventSerializer(Serializer serializer, SubjectKeys keys) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("Events are stored as JSON: axon.serializer.general must be jackson");
        }
        return new PersonalDataSerializer(jackson, keys);
    }
}
