package com.gatehouse.server.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseTest}: starts PostgreSQL on the given directory, writes a row,
 * says READY and waits to be killed (kill -9), which leaves its PostgreSQL running as an orphan.
 */
public final class OrphanedPostgresMain {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS note (text TEXT NOT NULL)");
            s.execute("INSERT INTO note VALUES ('written before kill -9')");
        }
        long postmasterPid = Long.parseLong(Files.readAllLines(Path.of(args[0], "postmaster.pid")).get(0).strip());
        System.out.println("READY " + postmasterPid);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
