package com.gatehouse.server.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The operator settings of the contract ({@code gatehouse.*}); also from environment variables
 * such as {@code GATEHOUSE_ENTRY_REQUEST_EXPIRY}. An invalid value stops start-up with a message
 * naming the property.
 */
@Validated
@ConfigurationProperties("gatehouse")
public record GatehouseProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Valid @NotNull @DefaultValue Admin admin,
        @DefaultValue("false") boolean demo,
        @Valid @NotNull @DefaultValue Jwt jwt,
        @Valid @NotNull @DefaultValue Rsocket rsocket) {

    /** The bootstrap SUPER_ADMIN; with the embedded default, unset values are generated and printed. */
    public record Admin(String phone, String password) {
    }

    /** The built-in issuer's token lifetimes. */
    public record Jwt(@NotNull @DefaultValue("PT15M") Duration accessTokenTtl,
                      @NotNull @DefaultValue("P30D") Duration refreshTokenTtl,
                      @NotNull @DefaultValue("gatehouse") String issuer) {
        public Jwt {
            positive(accessTokenTtl, "gatehouse.jwt.access-token-ttl");
            positive(refreshTokenTtl, "gatehouse.jwt.refresh-token-ttl");
        }
    }

    /**
     * The RSocket TCP listener (RSocket over WebSocket always runs at /rsocket on the HTTP port), bound to
     * {@code tcpAddress} (loopback unless configured otherwise), and the caps on concurrent live streams.
     */
    public record Rsocket(@DefaultValue("7000") int tcpPort,
                          @NotNull @DefaultValue("127.0.0.1") String tcpAddress,
                          @DefaultValue("32") int maxStreamsPerConnection,
                          @DefaultValue("64") int maxStreamsPerUser) {
        public Rsocket {
            if (tcpPort < -1 || tcpPort > 65535) {
                throw new IllegalArgumentException("gatehouse.rsocket.tcp-port must be -1 (off), 0 (any) or a port");
            }
            if (tcpAddress != null && tcpAddress.isBlank()) {
                throw new IllegalArgumentException("gatehouse.rsocket.tcp-address must be an address to bind, "
                        + "e.g. 127.0.0.1 or 0.0.0.0 (every interface)");
            }
            if (maxStreamsPerConnection < 1) {
                throw new IllegalArgumentException("gatehouse.rsocket.max-streams-per-connection must be at least 1");
            }
            if (maxStreamsPerUser < 1) {
                throw new IllegalArgumentException("gatehouse.rsocket.max-streams-per-user must be at least 1");
            }
        }
    }

    /** Refuses a zero or negative duration, naming the property. */
    public static Duration positive(Duration value, String property) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(property + " must be a positive duration, e.g. PT15M; was " + value);
        }
        return value;
    }
}
