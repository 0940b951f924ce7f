package com.gatehouse.server.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml}, the production shape, checked without a Docker engine (none runs where the suite
 * runs): its structure as YAML, and what issue 11 asks of it. {@code docker-compose config} (Debian's
 * docker-compose 1.29) accepts it with a {@code .env} made from {@code .env.example}, and refuses it without one.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SECRETS = List.of("POSTGRES_PASSWORD", "S3_ACCESS_KEY", "S3_SECRET_KEY",
            "GATEHOUSE_ADMIN_PASSWORD", "GATEHOUSE_PRIVACY_MASTER_KEY");

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileHasTheProductionShape() throws Exception {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(text);
        var services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("axonserver", "postgres", "minio", "minio-init", "gatehouse", "nginx");

        // pinned image tags everywhere, the Dockerfile's base images included
        services.forEach((name, service) -> {
            if (service.containsKey("image") && !service.containsKey("build")) {
                assertThat(pinned((String) service.get("image"))).as("image of %s: %s", name, service.get("image")).isTrue();
            }
        });
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        int bases = 0;
        while (from.find()) {
            bases++;
            assertThat(pinned(from.group(1))).as("Dockerfile FROM %s", from.group(1)).isTrue();
        }
        assertThat(bases).isPositive();

        // MinIO checks its own health, and the bucket is made before any replica starts
        assertThat(services.get("minio")).containsKey("healthcheck");
        assertThat(String.valueOf(services.get("minio-init").get("command"))).contains("mc mb --ignore-existing");
        var gatehouse = services.get("gatehouse");
        assertThat(String.valueOf(gatehouse.get("depends_on"))).contains("minio-init", "service_completed_successfully",
                "service_healthy");
        assertThat(((Map<String, Object>) gatehouse.get("deploy")).get("replicas")).isEqualTo(2);

        // the data volume is mounted where the image's non-root user owns a directory
        var environment = (Map<String, Object>) gatehouse.get("environment");
        String dataDir = (String) environment.get("GATEHOUSE_DATA_DIR");
        assertThat((List<String>) gatehouse.get("volumes")).anyMatch(v -> v.endsWith(":" + dataDir));
        assertThat(dockerfile).contains("chown gatehouse:gatehouse " + dataDir).containsPattern("(?m)^USER gatehouse$");

        // secrets come from .env only: required, no default, and listed in .env.example
        String example = Files.readString(ROOT.resolve(".env.example"));
        for (String secret : SECRETS) {
            assertThat(text).as(secret).contains("${" + secret + ":?").doesNotContain("${" + secret + ":-")
                    .doesNotContain("${" + secret + "}");
            assertThat(example).containsPattern("(?m)^" + secret + "=");
        }

        // nginx passes WebSockets (RSocket) to the replicas, found by name so that --scale needs no change
        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
        assertThat(nginx).contains("proxy_set_header Upgrade $http_upgrade", "http://gatehouse:8080", "resolver");
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("--scale gatehouse=");
    }

    /** A tag that names a release: present, not {@code latest}, with a version number in it. */
    static boolean pinned(String image) {
        int colon = image.lastIndexOf(':');
        if (colon < 0 || image.lastIndexOf('/') > colon) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.equals("latest") && tag.matches(".*\\d+\\.\\d+.*|RELEASE\\..*");
    }
}
