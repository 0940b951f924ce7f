package com.gatehouse.projection.admin;

import org.axonframework.eventhandling.EventMessageHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The tables of one rebuild, in PostgreSQL: a schema of its own ({@code rebuild_<group>}) holding empty copies
 * of the group's tables, filled by {@link ShadowRebuilds} while the tables in {@code public} keep serving, then
 * swapped into {@code public} in one transaction.
 * <p>
 * Which tables belong to a group is not declared anywhere: a projection's {@code @ResetHandler} already truncates
 * exactly its own tables, so {@link #tablesOf} runs the reset handlers in a transaction that is rolled back and
 * reads back which tables it locked for the truncate ({@code pg_locks}). Readers wait for those few
 * milliseconds (a truncate takes an exclusive lock; {@code lock_timeout} bounds the wait); nothing is removed.
 * <p>
 * A copy is {@code LIKE ... INCLUDING ALL EXCLUDING INDEXES} plus the original's constraints and indexes
 * re-created under their own names, so after the swap {@code public} looks exactly as Flyway left it (a later
 * migration may drop an index by name). Sequences are not copied: a {@code nextval('x')} in a handler reaches
 * {@code public.x} through the search path and goes on counting (the notification feed's {@code change_seq}
 * must never go back). Foreign keys between read-model tables are not supported (there are none).
 * <p>
 * The swap moves the old tables to {@code retired_<group>} and the new ones to {@code public}, then drops the
 * retired schema. Every reader names tables without a schema (JDBC and R2DBC alike), so the next statement
 * finds the new table; a statement waiting on the swap's lock re-resolves the name when it gets it, and
 * PostgreSQL re-plans cached prepared statements whose tables moved.
 */
final class ShadowSchema {

    /** How long the reset probe and the swap wait for readers' and the live processor's locks. */
    private static final String LOCK_TIMEOUT = "set local lock_timeout = '5s'";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ShadowSchema(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    static String schemaOf(String group) {
        return "rebuild_" + group.replaceAll("[^a-zA-Z0-9]", "_").toLowerCase();
    }

    static String retiredSchemaOf(String group) {
        return "retired_" + group.replaceAll("[^a-zA-Z0-9]", "_").toLowerCase();
    }

    /** The tables in {@code public} that the group's reset handlers truncate (probed, then rolled back). */
    List<String> tablesOf(List<EventMessageHandler> handlers) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute(LOCK_TIMEOUT);
            handlers.forEach(EventMessageHandler::prepareReset);
            return jdbc.queryForList("""
                    select distinct c.relname from pg_locks l
                    join pg_class c on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace
                    where l.pid = pg_backend_pid() and l.mode = 'AccessExclusiveLock' and l.granted
                      and c.relkind in ('r', 'p') and n.nspname = 'public'
                    order by 1""", String.class);
        });
    }

    boolean exists(String group) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from pg_namespace where nspname = ?)", Boolean.class, schemaOf(group)));
    }

    /** Whether the copies still have the columns of the served tables (no migration changed them meanwhile). */
    boolean sameShape(String group, List<String> tables) {
        String columns = """
                select table_name || '.' || column_name || ':' || data_type from information_schema.columns
                where table_schema = ? and table_name = any (?) order by table_name, ordinal_position""";
        String[] names = tables.toArray(String[]::new);
        return jdbc.queryForList(columns, String.class, "public", names)
                .equals(jdbc.queryForList(columns, String.class, schemaOf(group), names));
    }

    /** A fresh, empty schema with a copy of each table (a left-over one of an abandoned rebuild is dropped). */
    void create(String group, List<String> tables) {
        String schema = schemaOf(group);
        transaction.executeWithoutResult(status -> {
            jdbc.execute("drop schema if exists " + schema + " cascade");
            jdbc.execute("create schema " + schema);
            for (String table : tables) {
                jdbc.execute("create table " + schema + "." + table + " (like public." + table
                        + " including all excluding indexes)");
                // primary keys, unique and exclusion constraints under their own names (their indexes follow)
                for (var constraint : jdbc.queryForList("""
                        select conname, pg_get_constraintdef(oid) as def from pg_constraint
                        where conrelid = ('public.' || quote_ident(?))::regclass and contype in ('p', 'u', 'x')""",
                        table)) {
                    jdbc.execute("alter table " + schema + "." + table + " add constraint "
                            + constraint.get("conname") + " " + constraint.get("def"));
                }
                // the other indexes, same names and definitions
                for (String definition : jdbc.queryForList("""
                        select pg_get_indexdef(i.indexrelid) from pg_index i
                        where i.indrelid = ('public.' || quote_ident(?))::regclass
                          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""",
                        String.class, table)) {
                    jdbc.execute(definition.replace(" ON public." + table + " ", " ON " + schema + "." + table + " ")
                            .replace(" ON ONLY public." + table + " ", " ON ONLY " + schema + "." + table + " "));
                }
            }
        });
    }

    /** Fresh statistics for the planner, so the first queries after the swap plan as well as before. */
    void analyze(String group, List<String> tables) {
        for (String table : tables) {
            jdbc.execute("analyze " + schemaOf(group) + "." + table);
        }
    }

    /**
     * Puts the rebuilt tables in place of the served ones, in the caller's transaction (which also moves the
     * rebuild's record): readers see the old tables until it commits and the new ones after, never a mix.
     */
    void swapInCurrentTransaction(String group, List<String> tables) {
        String schema = schemaOf(group);
        String retired = retiredSchemaOf(group);
        jdbc.execute(LOCK_TIMEOUT);
        jdbc.execute("drop schema if exists " + retired + " cascade");
        jdbc.execute("create schema " + retired);
        for (String table : tables) {
            jdbc.execute("alter table public." + table + " set schema " + retired);
            jdbc.execute("alter table " + schema + "." + table + " set schema public");
        }
    }

    /** Removes what a finished or abandoned rebuild of the group left behind. */
    void dropLeftovers(String group) {
        jdbc.execute("drop schema if exists " + retiredSchemaOf(group) + " cascade");
        jdbc.execute("drop schema if exists " + schemaOf(group) + " cascade");
    }

    /** The statement that makes a transaction's unqualified table names mean the shadow copies. */
    static String searchPath(String group) {
        return "set local search_path to " + schemaOf(group) + ", public";
    }
}
