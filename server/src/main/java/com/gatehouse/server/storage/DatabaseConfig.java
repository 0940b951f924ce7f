package com.gatehouse.server.storage;

import com.gatehouse.server.config.GatehouseProperties;
import com.gatehouse.server.embedded.EmbeddedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.ConnectionFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;
import org.springframework.util.StringUtils;

/**
 * PostgreSQL for both drivers: JDBC (Axon's event store, tokens, deadlines, projections) and R2DBC
 * (reactive reads). Without {@code spring.datasource.url} the server runs its own PostgreSQL under
 * {@code <data-dir>/postgres}; beans that use it are closed before it stops.
 */
@Configuration
@EnableConfigurationProperties({DataSourceProperties.class, R2dbcProperties.class})
public class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);
    private static final String EMBEDDED = "'${spring.datasource.url:}'.isEmpty()";
    private static final String EXTERNAL = "!'${spring.datasource.url:}'.isEmpty()";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    public EmbeddedDatabase embeddedDatabase(GatehouseProperties properties) {
        var database = EmbeddedDatabase.builder(properties.dataDir().resolve("postgres"))
                .binariesDirectory(java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "gatehouse", "postgres-binaries"))
                .registerShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL is up at {}", database.jdbcUrl());
        return database;
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    @ConditionalOnExpression(EMBEDDED)
    public HikariDataSource embeddedDataSource(EmbeddedDatabase database, DataSourceProperties properties) {
        properties.setUrl(database.jdbcUrl());
        properties.setUsername(database.username());
        properties.setPassword(database.password());
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    @ConditionalOnExpression(EXTERNAL)
    public HikariDataSource externalDataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /**
     * The JDBC transaction manager is the default one: Axon's units of work, projections and
     * {@code @Transactional} work on JDBC; R2DBC reads need no transactions.
     */
    @Bean
    @Primary
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    @ConditionalOnExpression(EMBEDDED)
    public ConnectionFactory embeddedConnectionFactory(EmbeddedDatabase database) {
        return pooled(database.r2dbcUrl(), database.username(), database.password());
    }

    /** {@code spring.r2dbc.url} when given, else the JDBC URL's database with the JDBC credentials. */
    @Bean
    @ConditionalOnExpression(EXTERNAL)
    public ConnectionFactory externalConnectionFactory(R2dbcProperties r2dbc, DataSourceProperties jdbc) {
        if (StringUtils.hasText(r2dbc.getUrl())) {
            return pooled(r2dbc.getUrl(), r2dbc.getUsername(), r2dbc.getPassword());
        }
        return pooled(jdbc.getUrl().replaceFirst("^jdbc:", "r2dbc:"), jdbc.getUsername(), jdbc.getPassword());
    }

    private static ConnectionFactory pooled(String url, String user, String password) {
        String pooledUrl = url.startsWith("r2dbc:pool:") ? url : url.replaceFirst("^r2dbc:", "r2dbc:pool:");
        var builder = ConnectionFactoryBuilder.withUrl(pooledUrl);
        if (user != null) {
            builder.username(user);
        }
        if (password != null) {
            builder.password(password);
        }
        return builder.build();
    }
}
